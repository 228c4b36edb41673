/**
 * The console adapter: the same `/saa …` commands as Slack, typed in a terminal (or piped:
 * `printf '/saa dax vs elasticache\n' | npm start`). A line without `/saa` is taken as a question.
 * Exits cleanly at end of input.
 */

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type CommandContext, type CommandServices, handleCommand } from '../commands/handle-command.ts';
import { parseCommand } from '../commands/parse-command.ts';
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
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') break;
    if (line) {
      const text = line.replace(/^\/saa\b\s*/i, '');
      const reply = await handleCommand(parseCommand(text), ctx, services);
      output.write(`${renderText(reply)}\n\n`);
    }
    prompt();
  }
  rl.close();
}
