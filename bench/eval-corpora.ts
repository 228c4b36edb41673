/**
 * The evaluation corpora: every folder of `../shared/eval/*` (other people's notes with their
 * `questions.jsonl`) plus `../shared/notes` (the seed notes, named `shared-notes`), each with
 * our own question files from `bench/eval/<name>/`:
 * - `*.jsonl` other than `unanswerable*.jsonl`: answerable questions,
 *   `{"q", "all": ["regex", …], "style"}`; an answer is a hit when every regex matches it
 *   (JavaScript RegExp, flag `i`), the format of `../shared/eval/README.md`;
 * - `unanswerable*.jsonl`: questions the notes do not answer, `{"q", "kind": "aws"|"off-topic"}`.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** An answerable question and the facts its answer must show. */
export interface EvalQuestion {
  q: string;
  /** Regexes (flag i) that must all match the answer text. */
  all: RegExp[];
  style: string;
  /** Which file it came from: `theirs` (the corpus's own) or our file name. */
  origin: string;
}

/** A question the notes do not answer: the right reply says so. */
export interface UnanswerableQuestion {
  q: string;
  kind: string;
}

/** One notes folder with its questions. */
export interface EvalCorpus {
  name: string;
  notesDir: string;
  answerable: EvalQuestion[];
  unanswerable: UnanswerableQuestion[];
}

const here = dirname(fileURLToPath(import.meta.url));
/** Where `../shared` sits relative to this checkout. */
export const SHARED_DIR = resolve(here, '../../shared');
const OURS_DIR = resolve(here, 'eval');

function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        throw new Error(`${path}:${i + 1}: not JSON`);
      }
    });
}

/**
 * The answerable questions of a file. An item whose `all` is empty (a 👎 question from
 * `saa feedback --eval-items` that nobody has written the facts for yet) is left out.
 */
function answerable(path: string, origin: string): EvalQuestion[] {
  return readJsonl(path)
    .filter((o) => Array.isArray(o.all) && o.all.length > 0)
    .map((o) => ({
      q: String(o.q),
      all: (o.all as string[]).map((r) => new RegExp(r, 'i')),
      style: String(o.style ?? 'fact'),
      origin,
    }));
}

function ourFiles(name: string): { answerable: EvalQuestion[]; unanswerable: UnanswerableQuestion[] } {
  const dir = join(OURS_DIR, name);
  const out = { answerable: [] as EvalQuestion[], unanswerable: [] as UnanswerableQuestion[] };
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.jsonl')) continue;
    const path = join(dir, file);
    if (file.startsWith('unanswerable'))
      out.unanswerable.push(
        ...readJsonl(path).map((o) => ({ q: String(o.q), kind: String(o.kind ?? 'aws') })),
      );
    else out.answerable.push(...answerable(path, file.replace(/\.jsonl$/, '')));
  }
  return out;
}

/** Every answerable question of every corpus, as a learner typed it (the benchmarks' queries). */
export function allQuestions(): string[] {
  return discoverCorpora().flatMap((c) => c.answerable.map((q) => q.q));
}

/** Every corpus present on this machine, `../shared/eval/*` first, then `shared-notes`. */
export function discoverCorpora(): EvalCorpus[] {
  const corpora: EvalCorpus[] = [];
  const evalDir = join(SHARED_DIR, 'eval');
  if (existsSync(evalDir)) {
    for (const name of readdirSync(evalDir).sort()) {
      const notesDir = join(evalDir, name, 'notes');
      if (!existsSync(notesDir)) continue;
      const theirs = join(evalDir, name, 'questions.jsonl');
      const ours = ourFiles(name);
      corpora.push({
        name,
        notesDir,
        answerable: [...(existsSync(theirs) ? answerable(theirs, 'theirs') : []), ...ours.answerable],
        unanswerable: ours.unanswerable,
      });
    }
  }
  const seed = join(SHARED_DIR, 'notes');
  if (existsSync(seed)) corpora.push({ name: 'shared-notes', notesDir: seed, ...ourFiles('shared-notes') });
  return corpora;
}
