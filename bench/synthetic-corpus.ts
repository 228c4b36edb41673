/**
 * Synthetic passages for benchmarks, with a realistic vocabulary: words are drawn from real notes
 * with a Zipf distribution, so common words ("lambda", "dynamodb") occur in thousands of passages
 * as they would in a large team's notes, and lunr has to score every one of those matches.
 * Deterministic for a seed (no Math.random).
 */

import type { Passage } from '../src/knowledge/note-types.ts';
import { tokenize } from '../src/retrieval/tokenize.ts';

/** A small deterministic PRNG (mulberry32). Returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds `count` passages whose words follow the frequency ranking of `sample` passages. */
export function syntheticPassages(sample: readonly Passage[], count: number, seed = 42): Passage[] {
  const freq = new Map<string, number>();
  for (const p of sample) for (const w of tokenize(p.text)) freq.set(w, (freq.get(w) ?? 0) + 1);
  const words = [...freq.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  // Zipf weights 1/rank^0.9, cumulative for sampling by binary search.
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 0; r < words.length; r += 1) {
    sum += 1 / (r + 1) ** 0.9;
    cumulative.push(sum);
  }
  const rand = prng(seed);
  const pick = () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo] ?? 'lambda';
  };
  const headings = sample.map((p) => p.headingPath);
  const out: Passage[] = [];
  for (let id = 0; id < count; id += 1) {
    const length = 12 + Math.floor(rand() * 30);
    const text = Array.from({ length }, pick).join(' ');
    out.push({
      id,
      file: `synthetic/${Math.floor(id / 50)}.md`,
      topic: ['synthetic'],
      headingPath: headings[Math.floor(rand() * headings.length)] ?? ['Notes'],
      line: 1 + (id % 50) * 3,
      kind: 'list',
      items: [{ text, depth: 0, line: 1 }],
      text,
    });
  }
  return out;
}
