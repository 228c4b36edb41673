/**
 * Answer-quality evaluation: runs every question in bench/eval-questions.yaml through the
 * extractive answer engine over a notes folder (default ../shared/notes) and checks the facts
 * each answer must contain. Prints hit rate and mean answer length overall and per style, and the
 * same for a baseline (plain lunr, default pipeline, showing its top 3 passages).
 *
 * Usage: npm run eval [-- --notes DIR] [--verbose] [--min 0.9]  (exit 1 when the hit rate is below --min)
 */

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import lunr from 'lunr';
import { parse } from 'yaml';
import { composeAnswer } from '../src/answer/compose-answer.ts';
import { unescapeMrkdwn } from '../src/answer/mrkdwn.ts';
import { loadNotes } from '../src/knowledge/load-notes.ts';
import type { Passage } from '../src/knowledge/note-types.ts';
import { buildIndex } from '../src/retrieval/build-index.ts';
import { SearchIndex } from '../src/retrieval/search-index.ts';

interface EvalQuestion {
  id: string;
  style: string;
  question: string;
  facts: string[][];
}

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    notes: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    min: { type: 'string' },
  },
});
const notesDir = resolve(values.notes ?? resolve(here, '../../shared/notes'));
const questions = parse(readFileSync(resolve(here, 'eval-questions.yaml'), 'utf8')) as EvalQuestion[];

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
/** A fact is hit when the answer contains any of its alternatives. */
const hits = (answer: string, q: EvalQuestion) =>
  q.facts.every((alts) => alts.some((a) => norm(answer).includes(norm(a))));

function plainLunr(passages: readonly Passage[]): (q: string) => string {
  const index = lunr(function () {
    this.ref('id');
    this.field('text');
    this.field('heading');
    for (const p of passages) this.add({ id: String(p.id), text: p.text, heading: p.headingPath.join(' ') });
  });
  return (q) => {
    const safe = q.replace(/[:~^+\-*"]/g, ' ');
    let results: lunr.Index.Result[] = [];
    try {
      results = index.search(safe);
    } catch {
      results = [];
    }
    return results
      .slice(0, 3)
      .map((r) => passages[Number(r.ref)]?.text ?? '')
      .join('\n');
  };
}

const corpus = await loadNotes(notesDir);
const index = new SearchIndex(buildIndex(corpus.passages), corpus.passages);
const baseline = plainLunr(corpus.passages);

type Tally = { n: number; hit: number; chars: number; baseHit: number; baseChars: number };
const byStyle = new Map<string, Tally>();
const total: Tally = { n: 0, hit: 0, chars: 0, baseHit: 0, baseChars: 0 };
const misses: string[] = [];
for (const q of questions) {
  // Facts are matched against what a person reads: Slack renders &amp; as &.
  const answer = unescapeMrkdwn(composeAnswer(q.question, index).text);
  const base = baseline(q.question);
  const ok = hits(answer, q);
  if (!byStyle.has(q.style)) byStyle.set(q.style, { n: 0, hit: 0, chars: 0, baseHit: 0, baseChars: 0 });
  for (const t of [total, byStyle.get(q.style) as Tally]) {
    t.n += 1;
    t.hit += ok ? 1 : 0;
    t.chars += answer.length;
    t.baseHit += hits(base, q) ? 1 : 0;
    t.baseChars += base.length;
  }
  if (!ok)
    misses.push(
      `✗ ${q.id}: ${q.question}\n    facts: ${JSON.stringify(q.facts)}\n    answer: ${answer.replace(/\n/g, ' ⏎ ')}`,
    );
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)} %`;
const row = (name: string, t: Tally) =>
  `| ${name.padEnd(11)} | ${String(t.n).padStart(3)} | ${pct(t.hit, t.n).padStart(7)} | ${String(Math.round(t.chars / Math.max(t.n, 1))).padStart(9)} | ${pct(t.baseHit, t.n).padStart(8)} | ${String(Math.round(t.baseChars / Math.max(t.n, 1))).padStart(10)} |`;
console.log(`notes: ${notesDir} (${corpus.files.length} files, ${corpus.passages.length} passages)`);
console.log('| style       |   n |    hits | mean chars | lunr hits | lunr chars |');
console.log('|-------------|-----|---------|-----------|----------|------------|');
for (const [style, t] of [...byStyle.entries()].sort()) console.log(row(style, t));
console.log(row('all', total));
console.log(
  `\nhit rate: ${pct(total.hit, total.n)}  mean answer: ${Math.round(total.chars / Math.max(total.n, 1))} chars  (baseline plain lunr top 3: ${pct(total.baseHit, total.n)}, ${Math.round(total.baseChars / Math.max(total.n, 1))} chars)`,
);
if (values.verbose) console.log(`\n${misses.join('\n')}`);

const min = values.min === undefined ? null : Number(values.min);
if (min !== null && total.hit / Math.max(total.n, 1) < min) {
  console.error(`hit rate below the required ${(min * 100).toFixed(0)} %`);
  process.exitCode = 1;
}
