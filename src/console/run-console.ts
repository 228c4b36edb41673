/**
 * The console adapter: the same `/saa …` commands as Slack, typed in a terminal (or piped:
 * `printf '/saa dax vs elasticache\n' | npm start`). A line without `/saa` is taken as a question.
 * Exits cleanly at end of input.
 */

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type CommandContext, type CommandServices, handleCommand } from '../commands/handle-command.ts';
import { parseCommand } from '../commands/parse-command.ts';
import { answerPractice } from '../daily-quiz/practice-quiz.ts';
import { DatabaseUnavailableError } from '../database-unavailable.ts';
import { sectionLabel } from '../knowledge/heading-path.ts';
import type { Question } from '../quiz/question.ts';
import { SETTINGS_UNAVAILABLE } from '../user-messages.ts';
import { renderText } from './render-text.ts';

/** Fixed ids for the console's single local user. */
export const CONSOLE_CONTEXT: CommandContext = { teamId: 'TLOCAL', channelId: 'CLOCAL', userId: 'ULOCAL' };

/** Reads commands from `input` until it ends, writing replies to `output`. */
export async function runConsole(
  input: Readable,
  output: Writable,
  services: CommandServices,
  ctx: CommandContext = CONSOLE_CONTEXT,
): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, terminal: false });
  const prompt = () => {
    if (interactive) output.write('saa> ');
  };
  if (interactive) output.write('Type /saa <question> (or /saa help). Ctrl-D to quit.\n');
  prompt();
  let practice: Question | null = null;
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') break;
    const quiz = services.quiz?.();
    if (practice && quiz && /^[a-e](?:[\s,;]+[a-e])*$/i.test(line)) {
      const question = practice;
      practice = null;
      output.write(
        `${await answerInConsole(() => answerPractice(quiz, { ...ctx, questionId: question.id, choice: line }))}\n\n`,
      );
    } else if (line) {
      const text = line.replace(/^\/saa\b\s*/i, '');
      const reply = await handleCommand(parseCommand(text), ctx, services);
      practice = reply.kind === 'practice' ? reply.question : null;
      output.write(`${renderText(reply)}\n\n`);
    }
    prompt();
  }
  rl.close();
}

async function answerInConsole(answer: () => ReturnType<typeof answerPractice>): Promise<string> {
  try {
    const result = await answer();
    if (result.status === 'unknown') return 'That question is no longer in the bank.';
    if (result.status === 'invalid') {
      const n = result.question.correctKeys.length;
      return n > 1 ? `Choose ${n} options, e.g. A,C.` : 'That is not one of the options.';
    }
    const { grade } = result;
    const why = grade.feedback.whyYourChoiceIsWrong
      ? `\nWhy not ${grade.choice}: ${grade.feedback.whyYourChoiceIsWrong}`
      : '';
    return `${grade.correct ? '✅' : '❌'} ${grade.feedback.verdict}${why}\n${grade.feedback.explanation}\nSource: ${sectionLabel(grade.feedback.source.file, grade.feedback.source.heading)}`;
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) return SETTINGS_UNAVAILABLE;
    throw err;
  }
}
