import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS } from '../../src/answer/answer-types.ts';
import { composeAnswer } from '../../src/answer/compose-answer.ts';
import { HAVE_SHARED_NOTES, loadIndexed, OWN_NOTES, SHARED_NOTES } from '../retrieval/notes-corpora.ts';

/** The note text a piece quotes, cut into fragments (a clipped end "…" dropped). */
function quotedFragments(text: string): string[] {
  return text
    .replace(/…$/, '')
    .split(/(?<=[.!?]) |; |: /)
    .map((f) => f.trim())
    .filter((f) => f.length >= 4);
}

const QUESTIONS = [
  'lambda max execution time',
  'dax default ttl',
  'what is pitr',
  'how much does lambda cost',
  'lambda memory',
  'api gateway endpoint types',
  'dax vs elasticache',
  'cloudfront functions or lambda@edge',
  'difference between cognito user pools and identity pools',
  'provisioned vs on-demand',
];

const COMPARISONS: Array<[string, RegExp, RegExp]> = [
  ['dax vs elasticache', /\bDAX\b|DynamoDB Accelerator/i, /ElastiCache/i],
  ['cloudfront functions or lambda@edge', /CloudFront Functions?/i, /Lambda ?@ ?Edge/i],
  ['difference between cognito user pools and identity pools', /user pools?/i, /identity pools?|federated/i],
  ['provisioned vs on-demand', /provisioned/i, /on-demand|on demand/i],
];

const FACT_FIRST: Array<[string, RegExp]> = [
  ['lambda max execution time', /15 ?(minutes|mins?|mn)|900 ?(s\b|seconds)/i],
  ['dax default ttl', /5 ?(minutes|mn)/i],
  ['dynamodb max item size', /400 ?KB/i],
];

/** Test name → the bug that makes it fail on this corpus (reported; see the suite calls below). */
type KnownBugs = Readonly<Record<string, string>>;

function answerSuite(dir: string, knownBugs: KnownBugs) {
  const load = () => loadIndexed(dir);
  /** `it`, or `it.fails` when `knownBugs` names this test. */
  const check = (name: string, fn: () => Promise<void>) => (knownBugs[name] ? it.fails : it)(name, fn);

  it.each([
    ...QUESTIONS,
    'how do I set up a hyperledger fabric network on amazon managed blockchain',
    'lambda '.repeat(2000),
    ':~^*+-"\'🙂',
  ])('keeps the answer to %j within MAX_ANSWER_CHARS and never throws', async (question) => {
    const { index } = await load();
    const answer = composeAnswer(question, index);
    expect(answer.text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(answer.question).toBe(question);
  });

  for (const [question, fact] of FACT_FIRST) {
    check(`puts the fact asked for first: "${question}"`, async () => {
      const { index } = await load();
      const answer = composeAnswer(question, index);
      expect(answer.found).toBe(true);
      expect(answer.text.split('\n')[0], answer.text).toMatch(fact);
    });
  }

  it.each(QUESTIONS)(
    'cites real files and headings whose passages hold the quoted text: %j',
    async (question) => {
      const { corpus, index } = await load();
      const answer = composeAnswer(question, index);
      expect(answer.found).toBe(true);
      expect(answer.sources.length).toBeGreaterThan(0);
      for (const s of answer.sources) {
        expect(corpus.files).toContain(s.file);
        expect(existsSync(join(dir, s.file))).toBe(true);
        const cited = corpus.passages.filter(
          (p) => p.file === s.file && p.headingPath.join(' > ') === s.heading,
        );
        expect(
          cited.map((p) => p.line),
          `${s.file} > ${s.heading}`,
        ).toContain(s.line);
      }
      // Every quoted piece comes from the passage it cites, and the text shows the pieces.
      const pieces = answer.pieces ?? [];
      expect(pieces.length).toBeGreaterThan(0);
      for (const piece of pieces) {
        expect(answer.sources.map((s) => `${s.file} > ${s.heading}`)).toContain(
          `${piece.source.file} > ${piece.source.heading}`,
        );
        const passage = corpus.passages.find(
          (p) => p.file === piece.source.file && p.line === piece.source.line,
        );
        const fragments = quotedFragments(piece.text);
        expect(fragments.length).toBeGreaterThan(0);
        for (const fragment of fragments) {
          expect(
            passage?.text,
            `"${fragment}" is not in ${piece.source.file}:${piece.source.line}`,
          ).toContain(fragment);
        }
        expect(answer.text).toContain(piece.text.slice(0, 40));
      }
    },
  );

  it.each(COMPARISONS)('answers %j with both sides on separate lines', async (question, a, b) => {
    const { index } = await load();
    const answer = composeAnswer(question, index);
    expect(answer.found).toBe(true);
    const lines = answer.text.split('\n');
    const pairs = lines.flatMap((x, i) => lines.map((y, j) => i !== j && a.test(x) && b.test(y)));
    expect(pairs.some(Boolean), answer.text).toBe(true);
  });

  it('says plainly when the notes do not cover a question, names close topics, quotes nothing', async () => {
    const { corpus, index } = await load();
    const answer = composeAnswer(
      'how do I set up a hyperledger fabric network on amazon managed blockchain',
      index,
    );
    expect(answer.found).toBe(false);
    expect(answer.sources).toEqual([]);
    expect(answer.text).toMatch(/^I couldn't find that in the notes\./);
    expect(answer.text).toMatch(/Close topics in the notes: [^.]+\./);
    for (const p of corpus.passages.filter((x) => x.text.length >= 30)) {
      expect(answer.text).not.toContain(p.text.slice(0, 30));
    }
  });

  it.each(['what is the', 'how do I', '🙂🚀', '?', '   '])(
    'gives the usage hint for %j',
    async (question) => {
      const { index } = await load();
      const answer = composeAnswer(question, index);
      expect(answer.found).toBe(false);
      expect(answer.sources).toEqual([]);
      expect(answer.text).toMatch(/^Ask me about a topic in the notes/);
      expect(answer.text).toContain('/saa');
    },
  );

  check('says a fact once when several files repeat it: "dax default ttl"', async () => {
    const { index } = await load();
    const answer = composeAnswer('dax default ttl', index);
    const repeats = answer.text.split('\n').filter((line) => /5 ?(minutes|mn)\b/i.test(line));
    expect(repeats, answer.text).toHaveLength(1);
  });
}

describe.skipIf(!HAVE_SHARED_NOTES)(
  'composeAnswer over the real notes (skipped: ../shared/notes absent)',
  () => {
    answerSuite(SHARED_NOTES, {});
  },
);

describe('composeAnswer over our own notes (knowledge/notes)', () => {
  answerSuite(OWN_NOTES, {});
});

describe.skipIf(!HAVE_SHARED_NOTES)('composeAnswer for "what does X mean" (../shared/notes)', () => {
  it('searches the name asked about, not the word "mean": "Serverless does not mean…" does not crowd out WCU', async () => {
    const { index } = await loadIndexed(SHARED_NOTES);
    const answer = composeAnswer('what does wcu mean in dynamodb', index);
    expect(answer.text).toMatch(/1 ?KB/);
    expect(answer.text).not.toMatch(/does not mean there are no servers/);
    // Where "mean" is the topic, it still counts.
    expect(composeAnswer('does serverless literally mean no servers', index).text).toMatch(/no servers/i);
  });
});
