/**
 * `saa` command line: `saa ask …` (answers), and the quiz and score commands.
 * Exit codes: 0 ok, 1 failure (message on stderr), 2 usage error.
 */

import { ConfigError, loadConfig } from '../config.ts';
import { DataDirLockedError } from '../storage/data-dir-lock.ts';
import { ASK_USAGE, runAsk } from './ask-command.ts';
import { COVERAGE_USAGE, runCoverage } from './coverage-command.ts';
import { EXPORT_USAGE, runExport } from './export-command.ts';
import { FEEDBACK_USAGE, runFeedback } from './feedback-command.ts';
import { QUESTIONS_USAGE, runQuestions } from './questions-command.ts';
import { QUIZ_USAGE, runLeaderboard, runMigrate, runQuizPost } from './quiz-commands.ts';
import { runWorkspace, WORKSPACE_USAGE } from './workspace-command.ts';

const USAGE = [
  'Usage:',
  `  ${ASK_USAGE}`,
  ...QUIZ_USAGE.map((u) => `  ${u}`),
  `  ${QUESTIONS_USAGE}`,
  `  ${COVERAGE_USAGE}`,
  `  ${FEEDBACK_USAGE}`,
  `  ${EXPORT_USAGE}`,
  `  ${WORKSPACE_USAGE}`,
].join('\n');

/** Runs the CLI with `argv` (without node and script). Resolves with the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = { stdin: process.stdin, out: process.stdout, err: process.stderr };
  try {
    const config = loadConfig(undefined, { purpose: 'cli' });
    switch (command) {
      case 'ask':
        return await runAsk(rest, config, io);
      case 'migrate':
        return await runMigrate(config, io);
      case 'quiz':
        if (rest[0] === 'post') return await runQuizPost(rest.slice(1), config, io);
        io.err.write(`Usage: ${QUIZ_USAGE[1]}\n`);
        return 2;
      case 'export':
        return await runExport(rest, config, io);
      case 'feedback':
        return await runFeedback(rest, config, io);
      case 'coverage':
        return await runCoverage(rest, config, io);
      case 'questions':
        return await runQuestions(rest, config, io);
      case 'leaderboard':
        return await runLeaderboard(rest, config, io);
      case 'workspace':
        return await runWorkspace(rest, config, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        io.err.write(`Unknown command "${command}".\n${USAGE}\n`);
        return 2;
    }
  } catch (err) {
    const known = err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof TypeError;
    io.err.write(`${known ? (err as Error).message : `saa: ${(err as Error).message}`}\n`);
    return err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/cli/main.ts')) {
  // `saa … | head` closes the pipe early: stop quietly instead of throwing EPIPE.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  process.exitCode = await runCli(process.argv.slice(2));
}
