/**
 * `saa ask "<question>" [--notes DIR] [--json] [-k N]`: answers from the notes on the command
 * line. Without a question it answers each line of standard input in order. With `--json`, one
 * JSON object per answer per line: `{"question","answer","sources":[{"file","heading","line"}],"mode"}`,
 * where `answer` is exactly the text the bot would post.
 */

import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Answer } from '../answer/answer-types.ts';
import { createAnswerer } from '../answer/create-answerer.ts';
import type { Config } from '../config.ts';
import { renderText } from '../console/render-text.ts';
import { openKnowledge } from '../retrieval/open-knowledge.ts';

/** Usage line for `saa ask`. */
export const ASK_USAGE = 'saa ask "<question>" [--notes DIR] [--json] [-k N]';

/** The JSON shape printed per answer by `saa ask --json`. */
export function answerJson(a: Answer): string {
  return JSON.stringify({
    question: a.question,
    answer: a.text,
    sources: a.sources.map((s) => ({ file: s.file, heading: s.heading, line: s.line })),
    mode: a.mode,
  });
}

/**
 * Runs `saa ask`. Returns the process exit code (0 ok, 2 usage error).
 * Writes answers to `out`, warnings (skipped note files) to `err`.
 */
export async function runAsk(
  args: string[],
  config: Config,
  io: { stdin: NodeJS.ReadableStream; out: NodeJS.WritableStream; err: NodeJS.WritableStream },
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    io.err.write(`${(e as Error).message}\nUsage: ${ASK_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const k = values.k === undefined ? undefined : Number(values.k);
  if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > 100)) {
    io.err.write(`-k must be a whole number from 1 to 100 (got "${values.k}")\nUsage: ${ASK_USAGE}\n`);
    return 2;
  }
  const knowledge = await openKnowledge(
    values.notes ?? config.NOTES_DIR,
    join(config.DATA_DIR, 'index-cache'),
  );
  for (const w of knowledge.corpus.warnings) io.err.write(`warning: ${w}\n`);
  const answerer = createAnswerer(config, () => knowledge.index, { k });
  const answerOne = async (question: string) => {
    const answer = await answerer.answer(question);
    io.out.write(values.json ? `${answerJson(answer)}\n` : `${renderText({ kind: 'answer', answer })}\n\n`);
  };
  if (positionals.length > 0) {
    await answerOne(positionals.join(' '));
    return 0;
  }
  for await (const line of createInterface({ input: io.stdin, terminal: false })) {
    if (line.trim()) await answerOne(line.trim());
  }
  return 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      notes: { type: 'string' },
      json: { type: 'boolean', default: false },
      k: { type: 'string', short: 'k' },
    },
  });
}
