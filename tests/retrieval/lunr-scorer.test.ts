/**
 * The fast scorer must rank exactly as lunr's own `Index#query` does for the clauses we send:
 * same documents, same order, same scores, same matched terms.
 */

import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { LunrScorer, type ScoredClause } from '../../src/retrieval/lunr-scorer.ts';

const docs = [
  { id: '0', heading: 'lambda limits', text: 'lambda max execution time 900 second lambda memory' },
  { id: '1', heading: 'dax', text: 'dax cache dynamodb microsecond latency' },
  { id: '2', heading: 'lambda pricing', text: 'pay per request lambda free tier' },
  { id: '3', heading: 'dynamodb', text: 'dynamodb table item 400 kb lambda trigger stream' },
  { id: '4', heading: 'step function', text: 'workflow timeout lambda lambda lambda' },
];

function build() {
  return lunr(function () {
    this.ref('id');
    this.field('heading', { boost: 2 });
    this.field('text');
    this.pipeline.reset();
    this.searchPipeline.reset();
    for (const d of docs) this.add(d);
  });
}

const QUERIES: ScoredClause[][] = [
  [{ term: 'lambda', fields: ['heading', 'text'], boost: 1 }],
  [
    { term: 'lambda', fields: ['heading', 'text'], boost: 1 },
    { term: 'memory', fields: ['heading', 'text'], boost: 1 },
    { term: 'time', fields: ['text'], boost: 0.6 },
  ],
  [
    { term: 'dynamodb', fields: ['heading', 'text'], boost: 1 },
    { term: 'dax', fields: ['heading'], boost: 2 },
    { term: 'nope', fields: ['text'], boost: 1 },
  ],
  [{ term: 'unknown', fields: ['text'], boost: 1 }],
];

describe('LunrScorer', () => {
  const index = build();
  const scorer = new LunrScorer(index);

  it.each(QUERIES.map((q, i) => [i, q] as const))('query %i matches lunr Index#query', (_i, clauses) => {
    const expected = clauses.some((c) => scorer.has(c.term))
      ? index.query((q) => {
          for (const c of clauses)
            if (scorer.has(c.term))
              q.term(c.term, { fields: [...c.fields], boost: c.boost, usePipeline: false });
        })
      : [];
    const actual = scorer.top(clauses, 10);
    expect(actual.map((r) => r.ref)).toEqual(expected.map((r) => r.ref));
    actual.forEach((r, i) => {
      expect(r.score).toBeCloseTo(expected[i]?.score ?? Number.NaN, 10);
      expect(r.matched.sort()).toEqual(Object.keys(expected[i]?.matchData.metadata ?? {}).sort());
    });
  });

  it('keeps only the k best', () => {
    const top2 = scorer.top([{ term: 'lambda', fields: ['heading', 'text'], boost: 1 }], 2);
    expect(top2).toHaveLength(2);
    expect(top2[0]?.score).toBeGreaterThanOrEqual(top2[1]?.score ?? 0);
  });
});
