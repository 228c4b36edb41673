import { describe, expect, it } from 'vitest';
import {
  type Hit,
  MAX_CORRECTIONS,
  MAX_QUERY_TERMS,
  MAX_QUESTION_CHARS,
} from '../../src/retrieval/search-index.ts';
import { HAVE_SHARED_NOTES, loadIndexed, OWN_NOTES, readable, SHARED_NOTES } from './notes-corpora.ts';

const NOISE = [...':~^*+-"\'a1 🙂\u0000\u200b中é{}[]()\\/'];

const NASTY_QUERIES: Array<[string, string]> = [
  ['field syntax', 'foo:'],
  ['field syntax on a real word', 'lambda:timeout'],
  ['fuzzy syntax', 'vpn~'],
  ['boost syntax', '^'],
  ['boost on a word', 'dax^10'],
  ['lone minus', '-'],
  ['lone plus', '+'],
  ['lone wildcard', '*'],
  ['presence syntax on words', '+lambda -dynamodb'],
  ['double quotes', '"quoted"'],
  ['a single quote', "'"],
  ['emoji only', '🙂🚀🔥'],
  ['emoji around words', '🙂 lambda 🚀'],
  [
    '5,000 random characters',
    Array.from({ length: 5000 }, (_, i) => NOISE[(i * 7919) % NOISE.length]).join(''),
  ],
  ['a lone surrogate', '\uD83D lambda'],
  ['a pasted essay', 'lambda dynamodb cognito api gateway step functions sam '.repeat(200)],
  ['empty string', ''],
  ['whitespace', ' \t\n '],
];

/** [query, what one of the passages found must say] */
type Expectation = [string, RegExp];

const ACRONYMS_BOTH_WAYS: Expectation[] = [
  ['dax', /DynamoDB Accelerator/i],
  ['dynamodb accelerator', /\bDAX\b/],
  ['rcu', /read capacity unit/i],
  ['read capacity unit', /\bRCU/],
  ['pitr', /point.in.time (recovery|restore)/i],
  ['point-in-time recovery', /\bPITR\b/],
  ['cup', /Cognito User Pools?/i],
  ['cognito user pools', /\bCUP\b/],
  ['elastic network interface', /\bENI\b/],
  ['acm', /Certificate Manager/i],
  ['certificate manager', /\bACM\b/],
];

const ids = (hits: Hit[]) => hits.map((h) => h.passage.id);

function retrievalSuite(dir: string, acronyms: Expectation[]) {
  const load = () => loadIndexed(dir);

  it.each(NASTY_QUERIES)(
    'never throws on %s, and returns an array of real passages',
    async (_name, query) => {
      const { index } = await load();
      const hits = index.search(query);
      expect(Array.isArray(hits)).toBe(true);
      for (const h of hits) expect(index.passages[h.passage.id]).toBe(h.passage);
      expect(() => index.analyze(query)).not.toThrow();
    },
  );

  it.each([
    ['empty string', ''],
    ['whitespace', '   '],
    ['emoji only', '🙂🚀'],
    ['stop words only', 'what is the'],
    ['a word no note uses', 'quokka'],
  ])('returns nothing, not every passage, for %s', async (_name, query) => {
    const { index } = await load();
    expect(index.search(query)).toEqual([]);
  });

  it('finds a word no note uses through the service it names ("kubernetes" → EKS), and only that', async () => {
    const { index } = await load();
    const hits = index.search('kubernetes');
    for (const h of hits) expect(h.passage.text).toMatch(/\bEKS\b|Elastic Kubernetes/);
  });

  it('ranks best first and honours k', async () => {
    const { index } = await load();
    const hits = index.search('lambda memory', 3);
    expect(hits).toHaveLength(3);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it.each(acronyms)('an acronym and its expansion find each other: %j finds %s', async (query, says) => {
    const { index } = await load();
    const found = index.search(query).map((h) => readable(h.passage));
    expect(
      found.some((text) => says.test(text)),
      found.join('\n'),
    ).toBe(true);
  });

  it.each<Expectation>([
    ['lambda timeout', /15 ?(minutes|mins?|mn)|900 ?(s\b|seconds)/i],
    [
      'how much ram can a lambda have',
      /(memory|\bram\b)[^;]*?\d+(,\d+)? ?GB|\d+(,\d+)? ?GB[^;]*?(memory|\bram\b)/i,
    ],
    ['how much does lambda cost', /pricing|pay per|\$0\.20|free tier/i],
  ])('understands everyday words: %j has %s in its top 3', async (query, says) => {
    const { index } = await load();
    const top = index.search(query, 3).map((h) => readable(h.passage));
    expect(
      top.some((text) => says.test(text)),
      top.join('\n'),
    ).toBe(true);
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ['lamda concurency', { lamda: 'lambda', concurency: 'concurrency' }, 'lambda concurrency', /concurren/i],
    ['dynamdb', { dynamdb: 'dynamodb' }, 'dynamodb', /dynamodb/i],
    ['lambd timeout', { lambd: 'lambda' }, 'lambda timeout', /lambda/i],
  ])('corrects typos: %j reads as %j', async (typo, corrections, right, says) => {
    const { index } = await load();
    expect(index.analyze(typo).corrections).toEqual(corrections);
    const hits = index.search(typo);
    expect(ids(hits)).toEqual(ids(index.search(right)));
    const best = hits[0];
    expect(best).toBeDefined();
    if (best) expect(readable(best.passage)).toMatch(says);
  });

  it('reads what a misspelt question asks for on its corrected words: "retension" asks for a duration', async () => {
    const { index } = await load();
    const q = index.analyze('sqs mesage retension');
    expect(q.corrections).toMatchObject({ retension: 'retention' });
    expect(q.intent).toEqual({ expects: 'number', quantities: ['time'] });
  });

  it.each(['lamd', 'dyna', 'cogn', 'rcux'])('leaves words under 5 letters alone: %j', async (word) => {
    const { index } = await load();
    expect(index.analyze(word).corrections).toEqual({});
  });

  it.each(['cache', 'lambda', 'throttling'])('never "corrects" a word the notes use: %j', async (word) => {
    const { index } = await load();
    expect(index.analyze(`${word} limits`).corrections).toEqual({});
  });

  it('bounds the work on a pasted 40 KB question (issue 9, item 3): the first 2,000 characters, 8 corrections, 24 terms', async () => {
    const { index } = await load();
    // Thousands of distinct near-words, each of which would be a spelling lookup.
    const typos = Array.from({ length: 5000 }, (_, i) => `lambdax${i.toString(36)}`).join(' ');
    const question = `${typos} kinesis`.padEnd(40_000, ' x');
    const analysis = index.analyze(question);
    expect(Object.keys(analysis.corrections).length).toBeLessThanOrEqual(MAX_CORRECTIONS);
    expect(analysis.terms.length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
    // A word past the first MAX_QUESTION_CHARS is not read at all.
    expect(question.indexOf('kinesis')).toBeGreaterThan(MAX_QUESTION_CHARS);
    expect(analysis.terms).not.toContain('kinesi');
    expect(index.analyze('kinesis').terms).toEqual(['kinesi']);
  });
}

describe.skipIf(!HAVE_SHARED_NOTES)(
  'SearchIndex over the real notes (skipped: ../shared/notes absent)',
  () => {
    // The real notes never spell out "elastic network interface": `eni` → expansion is checked on our notes only.
    retrievalSuite(SHARED_NOTES, ACRONYMS_BOTH_WAYS);
  },
);

describe('SearchIndex over our own notes (knowledge/notes)', () => {
  retrievalSuite(OWN_NOTES, [...ACRONYMS_BOTH_WAYS, ['eni', /elastic network interface/i]]);
});
