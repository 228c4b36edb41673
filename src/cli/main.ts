/**
 * `saa` command line: `saa ask …` (answers), and the quiz and score commands.
 * Exit codes: 0 ok, 1 failure (message on stderr), 2 usage error.
 */

import { ConfigError, loadConfig } from '../config.ts';
import { ASK_USAGE, runAsk } from './ask-command.ts';

const USAGE = ['Usage:', `  ${ASK_USAGE}`].join('\n');

/** Runs the CLI with `argv` (without node and script). Resolves with the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = { stdin: process.stdin, out: process.stdout, err: process.stderr };
  try {
    const config = loadConfig();
    switch (command) {
      case 'ask':
        return await runAsk(rest, config, io);
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
    io.err.write(`${err instanceof ConfigError ? err.message : `saa: ${(err as Error).message}`}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/cli/main.ts')) {
  process.exitCode = await runCli(process.argv.slice(2));
}
