/**
 * Retrieval benchmark rows: index build (worker thread) with the main thread's longest event-loop
 * stall during the build, serialized-index load, heap after load, and query latency p50/p99 for
 * retrieval alone and for a whole extractive answer, over a given passage list.
 */

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { composeAnswer } from '../src/answer/compose-answer.ts';
import type { Passage } from '../src/knowledge/note-types.ts';
import { buildIndexInWorker } from '../src/retrieval/build-index-in-worker.ts';
import { SearchIndex } from '../src/retrieval/search-index.ts';

/** One benchmark row; times in ms, heap in MB. */
export interface RetrievalRow {
  corpus: string;
  passages: number;
  buildMs: number;
  maxStallMs: number;
  loadMs: number;
  indexMB: number;
  heapMB: number;
  searchP50: number;
  searchP99: number;
  answerP50: number;
  answerP99: number;
}

/** p-th percentile (0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** Measures one corpus with the given queries (each run `rounds` times). */
export async function benchRetrieval(
  name: string,
  passages: Passage[],
  queries: string[],
  rounds = 3,
): Promise<RetrievalRow> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let t = performance.now();
  const data = await buildIndexInWorker(passages);
  const buildMs = performance.now() - t;
  delay.disable();
  const json = JSON.stringify(data);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  t = performance.now();
  const index = new SearchIndex(JSON.parse(json) as typeof data, passages);
  const loadMs = performance.now() - t;
  globalThis.gc?.();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  for (const q of queries.slice(0, 10)) index.search(q, 10);
  const search: number[] = [];
  const answer: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const q of queries) {
      t = performance.now();
      index.search(q, 10);
      search.push(performance.now() - t);
      t = performance.now();
      composeAnswer(q, index);
      answer.push(performance.now() - t);
    }
  }
  return {
    corpus: name,
    passages: passages.length,
    buildMs,
    maxStallMs: delay.max / 1e6,
    loadMs,
    indexMB: json.length / 1024 / 1024,
    heapMB,
    searchP50: percentile(search, 50),
    searchP99: percentile(search, 99),
    answerP50: percentile(answer, 50),
    answerP99: percentile(answer, 99),
  };
}
