/**
 * `saa ask "<question>" [--notes DIR] [--json] [--passages] [-k N]`: answers from the notes on the
 * command line. Without a question it answers each line of standard input in order. With `--json`,
 * one JSON object per answer per line: `{"question","answer","sources":[{"file","heading","line"}],"mode"}`,
 * where `answer` is the text a person reads (plain text, no Slack escaping). `--passages` adds
 * `"passages":[{"file","heading","line","text"}]`: the top passages a model would be given, best
 * first (`-k`, default {@link MAX_PROMPT_PASSAGES}). `--help` prints usage and exits 0.
 */

import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Answer } from '../answer/answer-types.ts';
import { createAnswerer } from '../answer/create-answerer.ts';
import { MAX_PROMPT_PASSAGES, topPassages } from '../answer/llm-prompt.ts';
import type { Config } from '../config.ts';
import { renderText } from '../console/render-text.ts';
import { formatHeadingPath } from '../knowledge/heading-path.ts';
import { embeddingsConfigured, openAiEmbeddingModel } from '../retrieval/embedding-model.ts';
import { openKnowledge } from '../retrieval/open-knowledge.ts';

/** Usage line for `saa ask`. */
export const ASK_USAGE = 'saa ask "<question>" [--notes DIR] [--json] [--passages] [-k N]';

const ASK_HELP = `Usage: ${ASK_USAGE}
  Answers a question from the notes (or each line of standard input).
  --notes DIR   notes folder (default: NOTES_DIR)
  --json        one JSON object per answer: {"question","answer","sources","mode"}
  --passages    with --json, also the top passages a model would be given
  -k N          how many passages --passages lists (1-20, default ${MAX_PROMPT_PASSAGES})
  --help        this text`;

/** A passage as `--passages` prints it. */
export interface PassageJson {
  file: string;
  heading: string;
  line: number;
  text: string;
}

/** The JSON shape printed per answer by `saa ask --json` (with `passages` when asked for). */
export function answerJson(a: Answer, passages?: readonly PassageJson[]): string {
  return JSON.stringify({
    question: a.question,
    answer: a.text,
    sources: a.sources.map((s) => ({ file: s.file, heading: s.heading, line: s.line })),
    mode: a.mode,
    ...(passages ? { passages } : {}),
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
  if (values.help) {
    io.out.write(`${ASK_HELP}\n`);
    return 0;
  }
  const k = values.k === undefined ? MAX_PROMPT_PASSAGES : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 20) {
    io.err.write(`-k must be a whole number from 1 to 20 (got "${values.k}")\nUsage: ${ASK_USAGE}\n`);
    return 2;
  }
  // Progress and fallbacks go to standard error: standard output is the answers (JSON or text).
  const log = {
    info: (m: string) => io.err.write(`${m}\n`),
    warn: (m: string) => io.err.write(`warning: ${m}\n`),
  };
  const knowledge = await openKnowledge(
    values.notes ?? config.NOTES_DIR,
    join(config.DATA_DIR, 'index-cache'),
    {
      embeddings: embeddingsConfigured(config) ? openAiEmbeddingModel(config) : undefined,
      log,
    },
  );
  for (const w of knowledge.corpus.warnings) io.err.write(`warning: ${w}\n`);
  const answerer = createAnswerer(config, () => knowledge.index, {
    passages: k,
    dense: () => knowledge.dense,
  });
  const passagesOf = async (question: string): Promise<PassageJson[]> =>
    topPassages(question, knowledge.index, k, await knowledge.dense?.rank(question)).map(
      ({ passage: p }) => ({
        file: p.file,
        heading: formatHeadingPath(p.headingPath),
        line: p.line,
        text: p.text,
      }),
    );
  const answerOne = async (question: string) => {
    const answer = await answerer.answer(question);
    if (!values.json) io.out.write(`${renderText({ kind: 'answer', answer })}\n\n`);
    else io.out.write(`${answerJson(answer, values.passages ? await passagesOf(question) : undefined)}\n`);
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
      passages: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      k: { type: 'string', short: 'k' },
    },
  });
}
