/** The prompt: which passages are sent, how they are numbered, and the rules the model gets. */

import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose-answer.ts';
import {
  buildPrompt,
  MAX_PROMPT_PASSAGES,
  MAX_QUESTION_CHARS,
  NOT_COVERED_REPLY,
  selectPassages,
} from '../../src/answer/llm-prompt.ts';
import { type Knowledge, openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import { testIndexCache } from '../helpers/index-cache.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const tempDir = useTempDirs();

let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await openKnowledge(resolve(import.meta.dirname, '../../knowledge/notes'), testIndexCache());
});

describe('selectPassages', () => {
  it.each([['what is dax'], ['step functions standard vs express'], ['lambda max execution time']])(
    'sends the passages the extractive answer quoted first, then search hits: %s',
    (question) => {
      const extractive = composeAnswer(question, knowledge.index);
      const chosen = selectPassages(question, knowledge.index, extractive);
      expect(chosen.length).toBeGreaterThan(0);
      expect(chosen.length).toBeLessThanOrEqual(MAX_PROMPT_PASSAGES);
      expect(chosen.map((c) => c.id)).toEqual(chosen.map((_, i) => i + 1));
      const firstQuoted = extractive.sources[0];
      expect(`${chosen[0]?.passage.file}:${chosen[0]?.passage.line}`).toBe(
        `${firstQuoted?.file}:${firstQuoted?.line}`,
      );
      expect(new Set(chosen.map((c) => c.passage.id)).size).toBe(chosen.length);
    },
  );
});

describe('selectPassages for a comparison', () => {
  it("sends each side's own passage, not only passages naming both sides", async () => {
    const dir = tempDir('saa-test-sides-');
    const both = (n: number) =>
      `## SQS and SNS together ${n}\n\nSQS and SNS work together in fan-out number ${n}: SNS topic, SQS queues.\n`;
    writeFileSync(
      join(dir, 'messaging.md'),
      [
        '# Messaging',
        ...[1, 2, 3, 4, 5, 6].map(both),
        '## SQS\n\nConsumers poll the queue and pull messages, retention up to 14 days.\n',
        '## SNS\n\nPushes each message to every subscriber of a topic.\n',
      ].join('\n'),
    );
    const own = await openKnowledge(dir, testIndexCache());
    const question = 'sqs vs sns';
    // Whatever the extractive answer quoted: here nothing, so only the search fills the prompt.
    const quotedNothing = { ...composeAnswer(question, own.index), pieces: [], sources: [] };
    const chosen = selectPassages(question, own.index, quotedNothing);
    const text = chosen.map((c) => c.passage.text).join('\n');
    expect(chosen).toHaveLength(MAX_PROMPT_PASSAGES);
    expect(text).toMatch(/pull messages/);
    expect(text).toMatch(/Pushes each message/);
  });
});

describe('selectPassages when the answer quoted lines from elsewhere', () => {
  it.each([['sqs vs sns'], ['kinesis data streams vs firehose'], ['lambda max execution time']])(
    'still sends the best search hit: %s',
    (question) => {
      const hits = knowledge.index.search(question, 12);
      const best = hits[0]?.passage;
      // An answer that quoted four lesser passages (ranks 6 to 9).
      const lesser = hits.slice(5, 9).map((h) => ({
        file: h.passage.file,
        heading: h.passage.headingPath.join(' > '),
        line: h.passage.line,
      }));
      const extractive = { ...composeAnswer(question, knowledge.index), pieces: [], sources: lesser };
      const chosen = selectPassages(question, knowledge.index, extractive);
      expect(chosen.map((c) => c.passage.id)).toContain(best?.id);
    },
  );
});

describe('selectPassages when the notes repeat themselves', () => {
  it('does not spend every slot on one fact said five times: the next fact gets a slot', async () => {
    const dir = tempDir('saa-test-repeats-');
    // Five people's notes of one lecture say the same thing; one more line says something else.
    for (const n of [1, 2, 3, 4, 5, 6]) {
      writeFileSync(
        join(dir, `student-${n}.md`),
        `# DynamoDB\n\n## Primary key\n\nDynamoDB primary key: a partition key, plus an optional sort key (notes ${n}).\n`,
      );
    }
    writeFileSync(
      join(dir, 'limits.md'),
      '# DynamoDB limits\n\nThe primary key of a DynamoDB table is fixed at creation time; an item holds up to 400 KB.\n',
    );
    const own = await openKnowledge(dir, testIndexCache());
    const question = 'dynamodb primary key';
    const quotedNothing = { ...composeAnswer(question, own.index), pieces: [], sources: [] };
    const chosen = selectPassages(question, own.index, quotedNothing);
    expect(chosen).toHaveLength(MAX_PROMPT_PASSAGES);
    expect(chosen.map((c) => c.passage.text).join('\n')).toMatch(/fixed at creation time/);
  });
});

describe('selectPassages when a long line was cut into chunks', () => {
  it('sends the chunk the answer quoted, not the first chunk of its line', async () => {
    const dir = tempDir('saa-test-chunks-');
    const middle = Array.from(
      { length: 6 },
      (_, i) => `Usage plan setting ${i + 1} caps the steady rate and the burst allowed for one client key.`,
    );
    const line = [
      'API Gateway throttles requests at several levels, for the account and per method.',
      ...middle,
      'Any request over the limit gets a 429 Too Many Requests response.',
    ].join(' ');
    writeFileSync(join(dir, 'api.md'), `# API Gateway\n\n## Throttling\n\n- ${line}\n`);
    const own = await openKnowledge(dir, testIndexCache());
    const question = 'what response code does api gateway send once a request goes over the limit';
    const extractive = composeAnswer(question, own.index);
    expect(extractive.text).toMatch(/429/);
    const [first] = selectPassages(question, own.index, extractive, 1);
    expect(first?.passage.text).toMatch(/429 Too Many Requests/);
  });
});

describe('buildPrompt', () => {
  it('gives the question and each passage with its id, file and headings', () => {
    const question = 'what is dax';
    const chosen = selectPassages(question, knowledge.index, composeAnswer(question, knowledge.index));
    const [system, user] = buildPrompt(question, chosen);
    expect(system?.role).toBe('system');
    expect(system?.content).toContain('[1]');
    expect(system?.content).toContain(NOT_COVERED_REPLY);
    expect(system?.content).toMatch(/120 words/);
    expect(user?.content.startsWith('Question: what is dax')).toBe(true);
    for (const c of chosen) {
      expect(user?.content).toContain(`[${c.id}] ${c.passage.file} › ${c.passage.headingPath.join(' › ')}\n`);
      expect(user?.content).toContain(c.passage.text);
    }
  });

  it('cuts a pasted essay to the question limit', () => {
    const [, user] = buildPrompt('x'.repeat(5000), []);
    expect(user?.content.length).toBeLessThan(MAX_QUESTION_CHARS + 50);
  });
});
