/**
 * Answer-quality evaluation over every corpus of {@link discoverCorpora}: each question goes
 * through the extractive answer engine over that corpus's notes, and the answer a person reads is
 * checked for the question's facts. Prints, per corpus and per style: hit rate, mean and max
 * answer length (chars), false "not in the notes" on answerable questions, abstention on
 * unanswerable ones, recall@5 (every fact inside the top 5 passages a model would be given), and
 * plain lunr (default pipeline, its top 3 passages) beside ours.
 *
 * Usage: npm run eval [-- --corpus NAME] [--verbose] [--check] [--json]
 *   --check  exit 1 when a corpus is below its floor in bench/eval/floors.json
 */

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import lunr from 'lunr';
import { composeAnswer } from '../src/answer/compose-answer.ts';
import { topPassages } from '../src/answer/llm-prompt.ts';
import { loadNotes } from '../src/knowledge/load-notes.ts';
import type { Passage } from '../src/knowledge/note-types.ts';
import { buildIndex } from '../src/retrieval/build-index.ts';
import { SearchIndex } from '../src/retrieval/search-index.ts';
import { discoverCorpora, type EvalCorpus, type EvalQuestion } from './eval-corpora.ts';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

/** Minimums per corpus (shares 0..1, chars), checked with --check. */
interface Floor {
  hit: number;
  recall5: number;
  abstain: number;
  maxFalseAbstain: number;
  maxMeanChars: number;
}

const hits = (text: string, q: EvalQuestion) => q.all.every((re) => re.test(text));

/** What plain lunr shows: its default pipeline over passage text and headings, top 3 passages. */
function plainLunr(passages: readonly Passage[]): (q: string) => string {
  const index = lunr(function () {
    this.ref('id');
    this.field('text');
    this.field('heading');
    for (const p of passages) this.add({ id: String(p.id), text: p.text, heading: p.headingPath.join(' ') });
  });
  return (q) => {
    let results: lunr.Index.Result[] = [];
    try {
      results = index.search(q.replace(/[:~^+\-*"]/g, ' '));
    } catch {
      results = [];
    }
    return results
      .slice(0, 3)
      .map((r) => passages[Number(r.ref)]?.text ?? '')
      .join('\n');
  };
}

interface Tally {
  n: number;
  hit: number;
  chars: number;
  maxChars: number;
  falseAbstain: number;
  recall5: number;
  lunrHit: number;
  lunrChars: number;
}
const tally = (): Tally => ({
  n: 0,
  hit: 0,
  chars: 0,
  maxChars: 0,
  falseAbstain: 0,
  recall5: 0,
  lunrHit: 0,
  lunrChars: 0,
});

interface CorpusResult {
  name: string;
  files: number;
  passages: number;
  all: Tally;
  byStyle: Map<string, Tally>;
  unanswerable: number;
  abstained: number;
  misses: string[];
  /** Answerable questions whose facts are not all in the top 5 passages. */
  recallMisses: string[];
  wrongAnswers: string[];
}

async function evaluate(c: EvalCorpus): Promise<CorpusResult> {
  const corpus = await loadNotes(c.notesDir);
  const index = new SearchIndex(buildIndex(corpus.passages), corpus.passages);
  const baseline = plainLunr(corpus.passages);
  const all = tally();
  const byStyle = new Map<string, Tally>();
  const misses: string[] = [];
  const recallMisses: string[] = [];
  for (const q of c.answerable) {
    const answer = composeAnswer(q.q, index);
    const text = answer.text;
    const ok = hits(text, q);
    const context = topPassages(q.q, index)
      .map(({ passage }) => `${passage.headingPath.join(' > ')}\n${passage.text}`)
      .join('\n');
    const base = baseline(q.q);
    const t = byStyle.get(q.style) ?? tally();
    byStyle.set(q.style, t);
    for (const x of [all, t]) {
      x.n += 1;
      x.hit += ok ? 1 : 0;
      x.chars += text.length;
      x.maxChars = Math.max(x.maxChars, text.length);
      x.falseAbstain += answer.found ? 0 : 1;
      x.recall5 += hits(context, q) ? 1 : 0;
      x.lunrHit += hits(base, q) ? 1 : 0;
      x.lunrChars += base.length;
    }
    if (!hits(context, q)) recallMisses.push(`✗ [${q.style}] ${q.q}`);
    if (!ok) {
      const missing = q.all.filter((re) => !re.test(text)).map(String);
      misses.push(
        `✗ [${q.style}] ${q.q}\n    missing: ${missing.join(' ')}\n    ${text.replace(/\n/g, ' ⏎ ')}`,
      );
    }
  }
  let abstained = 0;
  const wrongAnswers: string[] = [];
  for (const u of c.unanswerable) {
    const answer = composeAnswer(u.q, index);
    if (!answer.found) abstained += 1;
    else wrongAnswers.push(`✗ [${u.kind}] ${u.q}\n    ${answer.text.replace(/\n/g, ' ⏎ ')}`);
  }
  return {
    name: c.name,
    files: corpus.files.length,
    passages: corpus.passages.length,
    all,
    byStyle,
    unanswerable: c.unanswerable.length,
    abstained,
    misses,
    recallMisses,
    wrongAnswers,
  };
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);
const mean = (a: number, b: number) => (b === 0 ? '–' : String(Math.round(a / b)));

function row(name: string, t: Tally): string {
  return `| ${name} | ${t.n} | ${pct(t.hit, t.n)} | ${mean(t.chars, t.n)} | ${t.maxChars} | ${pct(t.falseAbstain, t.n)} | ${pct(t.recall5, t.n)} | ${pct(t.lunrHit, t.n)} | ${mean(t.lunrChars, t.n)} |`;
}

const corpora = discoverCorpora().filter((c) => !values.corpus || c.name === values.corpus);
if (corpora.length === 0) {
  console.error('No evaluation corpus found (../shared/eval/*/notes or ../shared/notes).');
  process.exit(1);
}
const floors = JSON.parse(readFileSync(resolve(here, 'eval/floors.json'), 'utf8')) as Record<string, Floor>;
const results: CorpusResult[] = [];
for (const c of corpora) results.push(await evaluate(c));

if (values.json) {
  console.log(
    JSON.stringify(
      results.map((r) => ({
        corpus: r.name,
        answerable: r.all.n,
        hit: r.all.hit / r.all.n,
        meanChars: r.all.chars / r.all.n,
        maxChars: r.all.maxChars,
        falseAbstain: r.all.falseAbstain / r.all.n,
        recall5: r.all.recall5 / r.all.n,
        unanswerable: r.unanswerable,
        abstain: r.unanswerable ? r.abstained / r.unanswerable : null,
        lunrTop3Hit: r.all.lunrHit / r.all.n,
      })),
    ),
  );
} else {
  const header =
    '| style | n | hit | mean chars | max chars | false "not found" | recall@5 | plain lunr top-3 hit | lunr chars |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|';
  console.log('## Summary\n');
  console.log(
    '| corpus | answerable | hit | mean chars | false "not found" | recall@5 | unanswerable | abstained | plain lunr top-3 hit (chars) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of results) {
    const t = r.all;
    console.log(
      `| ${r.name} | ${t.n} | ${pct(t.hit, t.n)} | ${mean(t.chars, t.n)} | ${pct(t.falseAbstain, t.n)} | ${pct(t.recall5, t.n)} | ${r.unanswerable} | ${pct(r.abstained, r.unanswerable)} | ${pct(t.lunrHit, t.n)} (${mean(t.lunrChars, t.n)}) |`,
    );
  }
  for (const r of results) {
    console.log(`\n## ${r.name} (${r.files} files, ${r.passages} passages)\n`);
    console.log(header);
    for (const [style, t] of [...r.byStyle.entries()].sort()) console.log(row(style, t));
    console.log(row('all', r.all));
    if (values.verbose) {
      console.log(`\n${r.misses.join('\n')}`);
      console.log(`\nFacts not in the top 5 passages (recall@5):\n${r.recallMisses.join('\n')}`);
      if (r.wrongAnswers.length)
        console.log(`\nAnswered although the notes do not cover it:\n${r.wrongAnswers.join('\n')}`);
    }
  }
}

if (values.check) {
  for (const r of results) {
    const floor = floors[r.name];
    if (!floor) {
      console.error(`${r.name}: no floor in bench/eval/floors.json`);
      process.exitCode = 1;
      continue;
    }
    const t = r.all;
    const problems = [
      t.hit / t.n < floor.hit && `hit ${pct(t.hit, t.n)} < ${floor.hit * 100} %`,
      t.recall5 / t.n < floor.recall5 && `recall@5 ${pct(t.recall5, t.n)} < ${floor.recall5 * 100} %`,
      t.falseAbstain / t.n > floor.maxFalseAbstain &&
        `false "not found" ${pct(t.falseAbstain, t.n)} > ${floor.maxFalseAbstain * 100} %`,
      t.chars / t.n > floor.maxMeanChars && `mean answer ${mean(t.chars, t.n)} chars > ${floor.maxMeanChars}`,
      r.unanswerable > 0 &&
        r.abstained / r.unanswerable < floor.abstain &&
        `abstention ${pct(r.abstained, r.unanswerable)} < ${floor.abstain * 100} %`,
    ].filter(Boolean);
    for (const p of problems) console.error(`${r.name}: ${p}`);
    if (problems.length) process.exitCode = 1;
  }
}
