/**
 * `npm run bench`: prints benchmark tables (Markdown). Sections: retrieval on ../shared/notes and
 * on synthetic 10k / 100k passage corpora; the /saa slash-command HTTP round trip under 100
 * concurrent signed requests. Pass section names to run only some: `npm run bench -- retrieval`.
 */

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadNotes } from '../src/knowledge/load-notes.ts';
import { benchHttp } from './http-bench.ts';
import { benchRetrieval, type RetrievalRow } from './retrieval-bench.ts';
import { syntheticPassages } from './synthetic-corpus.ts';

const here = dirname(fileURLToPath(import.meta.url));
const only = new Set(process.argv.slice(2));
const wants = (section: string) => only.size === 0 || only.has(section);
const f = (n: number, digits = 1) => n.toFixed(digits);

const questions = (
  parse(readFileSync(resolve(here, 'eval-questions.yaml'), 'utf8')) as Array<{ question: string }>
).map((q) => q.question);
const shared = await loadNotes(resolve(here, '../../shared/notes')).catch(() => null);
const ours = await loadNotes(resolve(here, '../knowledge/notes'));
const sample = [...(shared?.passages ?? []), ...ours.passages];

if (wants('retrieval')) {
  const rows: RetrievalRow[] = [];
  if (shared) rows.push(await benchRetrieval('../shared/notes', shared.passages, questions));
  rows.push(await benchRetrieval('knowledge/notes', ours.passages, questions));
  rows.push(await benchRetrieval('synthetic 10k', syntheticPassages(sample, 10_000), questions));
  rows.push(await benchRetrieval('synthetic 100k', syntheticPassages(sample, 100_000), questions, 1));
  console.log('\n### Retrieval (queries: the eval questions; times in ms)\n');
  console.log(
    '| corpus | passages | build (worker) | max main-thread stall during build | load serialized | index JSON MB | heap MB | search p50 | search p99 | answer p50 | answer p99 |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.corpus} | ${r.passages} | ${f(r.buildMs, 0)} | ${f(r.maxStallMs)} | ${f(r.loadMs, 0)} | ${f(r.indexMB)} | ${f(r.heapMB)} | ${f(r.searchP50, 2)} | ${f(r.searchP99, 2)} | ${f(r.answerP50, 2)} | ${f(r.answerP99, 2)} |`,
    );
  }
}

if (wants('http')) {
  const r = await benchHttp(resolve(here, '../knowledge/notes'), questions, {
    requests: 1000,
    concurrency: 100,
  });
  console.log('\n### /saa slash command over HTTP (signed requests into the real Bolt receiver)\n');
  console.log(
    '| requests | concurrency | ack p50 ms | ack p99 ms | answer delivered p50 ms | answer delivered p99 ms | requests/s | non-200 |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${r.requests} | ${r.concurrency} | ${f(r.ackP50)} | ${f(r.ackP99)} | ${f(r.deliveredP50)} | ${f(r.deliveredP99)} | ${f(r.perSecond, 0)} | ${r.failures} |`,
  );
}
