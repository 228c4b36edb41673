/**
 * Drafting with a model, through the official openai client against a local stand-in that
 * returns scripted drafts: a good draft is kept; a draft whose answer is not in the passage, one
 * with a wrong option the passage states, a duplicate of a bank question, a reply that is not
 * JSON and a failed call are each dropped with their reason; a server that keeps failing stops
 * the run after a few calls.
 */

import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAiChatModel } from '../../src/answer/llm-chat.ts';
import { loadConfig } from '../../src/config.ts';
import { loadNotes } from '../../src/knowledge/load-notes.ts';
import type { Corpus } from '../../src/knowledge/note-types.ts';
import { draftWithModel, MAX_FAILED_CALLS } from '../../src/question-drafting/draft-with-model.ts';
import { noteHeadings } from '../../src/quiz/note-headings.ts';
import type { Question } from '../../src/quiz/question.ts';
import { type Behaviour, type OpenAiStandIn, startOpenAiStandIn } from '../helpers/openai-stand-in.ts';
import { writeDraftingNotes } from './drafting-notes.ts';

let dir = '';
let notes: Corpus;
let standIn: OpenAiStandIn;

/** A bank question the Kinesis draft repeats. */
const BANK_KINESIS: Question = {
  id: 'bank-kinesis-retention',
  topic: 'Amazon Kinesis Data Streams',
  difficulty: 'easy',
  question: 'How long does Amazon Kinesis Data Streams keep records by default?',
  options: [
    { key: 'A', text: '24 hours' },
    { key: 'B', text: '1 hour' },
    { key: 'C', text: '30 days' },
    { key: 'D', text: '1 year' },
  ],
  correctKeys: ['A'],
  explanation: 'Records are kept for 24 hours by default.',
  whyWrong: { B: 'Too short.', C: 'Too long.', D: 'Only with extended retention.' },
  source: { file: 'kinesis.md', heading: 'Kinesis' },
  bankFile: 'kinesis.yaml',
  services: ['Amazon Kinesis Data Streams'],
  keyFacts: ['24 hours by default'],
};

const draft = (over: Record<string, unknown>) =>
  JSON.stringify({
    difficulty: 'medium',
    explanation: 'The notes say so.',
    ...over,
  });

/** Scripted replies, chosen by the passage the request carries. */
const REPLIES: Array<[RegExp, Behaviour]> = [
  [
    /keeps a message for 4 days/,
    {
      kind: 'reply',
      content: `\`\`\`json\n${draft({
        question:
          'A team creates an Amazon SQS queue and changes no settings. How long does a message stay in the queue if nobody deletes it?',
        options: { A: '1 day', B: '4 days', C: '30 days', D: '90 days' },
        answer: 'B',
        why_wrong: {
          A: 'Shorter than the default.',
          C: 'Longer than any queue allows.',
          D: 'Longer than any queue allows.',
        },
        key_facts: ['keeps a message for 4 days unless the queue says otherwise'],
      })}\n\`\`\``,
    },
  ],
  [
    /runs for at most 15 minutes/,
    {
      kind: 'reply',
      content: draft({
        question: 'A nightly job takes 25 minutes. Can it run as one AWS Lambda invocation?',
        options: {
          A: 'Yes, Lambda runs for at most 30 minutes',
          B: 'No, never',
          C: 'Only with provisioned concurrency',
          D: 'Only in a VPC',
        },
        answer: 'A',
        why_wrong: { B: 'b', C: 'c', D: 'd' },
        key_facts: ['runs for at most 30 minutes'],
      }),
    },
  ],
  [
    /Amazon Athena is a serverless query service/,
    {
      kind: 'reply',
      content: draft({
        question: 'What decides the cost of an Amazon Athena query?',
        options: {
          A: 'The data each query scans',
          B: 'Standard SQL directly against files',
          C: 'The number of provisioned nodes',
          D: 'A monthly license per user',
        },
        answer: 'A',
        why_wrong: { B: 'b', C: 'c', D: 'd' },
        key_facts: ['billed by the data each query scans'],
      }),
    },
  ],
  [
    /Kinesis Data Streams keeps records/,
    {
      kind: 'reply',
      content: draft({
        question: 'How long does Amazon Kinesis Data Streams keep records by default?',
        options: { A: '24 hours', B: '1 hour', C: '30 days', D: '1 year' },
        answer: 'A',
        why_wrong: { B: 'b', C: 'c', D: 'd' },
        key_facts: ['keeps records for 24 hours by default'],
      }),
    },
  ],
  [
    /AWS Glue is a serverless data integration/,
    { kind: 'reply', content: 'Sure! Here is a great question about Glue.' },
  ],
  [
    /Amazon SNS is a publish and subscribe/,
    { kind: 'status', status: 500, body: { error: { message: 'boom' } } },
  ],
];

beforeAll(async () => {
  dir = await writeDraftingNotes();
  notes = await loadNotes(dir);
  standIn = await startOpenAiStandIn();
});
afterAll(async () => {
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  standIn.requests.length = 0;
});

function run(count: number) {
  const config = loadConfig(
    { OPENAI_BASE_URL: standIn.baseUrl, OPENAI_MODEL: 'stand-in' },
    { purpose: 'cli' },
  );
  return draftWithModel(notes, count, {
    model: openAiChatModel(config),
    timeoutMs: 5000,
    ctx: {
      headings: noteHeadings(notes.sections),
      existing: [BANK_KINESIS],
      takenIds: new Map([[BANK_KINESIS.id, BANK_KINESIS.bankFile]]),
    },
  });
}

describe('draftWithModel', () => {
  it('keeps a draft whose answer the passage states, and drops each bad draft with its reason', async () => {
    standIn.script((req) => {
      const user = req.body.messages?.find((m) => m.role === 'user')?.content ?? '';
      return REPLIES.find(([re]) => re.test(user))?.[1] ?? { kind: 'reply', content: 'no JSON here' };
    });
    const { drafts, dropped } = await run(4);

    expect(drafts.map((q) => q.source.heading)).toEqual(['Messaging > Amazon SQS retention']);
    expect(drafts[0]?.id).toMatch(/^team-model-amazon-sqs-retention-/);
    expect(drafts[0]?.domain).toBe('resilient');
    const reason = (heading: RegExp) => dropped.find((d) => heading.test(d.id))?.reason;
    expect(reason(/aws-lambda-limits/)).toMatch(
      /key fact "runs for at most 30 minutes" is not in the cited section/,
    );
    expect(reason(/amazon-athena/)).toMatch(
      /wrong option B \("Standard SQL directly against files"\) is stated by the passage/,
    );
    expect(reason(/amazon-kinesis-data-streams/)).toMatch(/near-duplicate of bank-kinesis-retention/);
    expect(reason(/aws-glue/)).toBe('the reply holds no JSON object');
    expect(reason(/amazon-sns/)).toMatch(/^the model call failed: HTTP 500/);
    // One passage per call, the rules in the system message.
    for (const req of standIn.requests) {
      expect(req.body.messages?.[0]?.content).toContain('exactly one right option');
      expect(req.body.messages?.[1]?.content.match(/^Notes section: /gm)).toHaveLength(1);
    }
  });

  it(`stops after ${MAX_FAILED_CALLS} failed calls in a row`, async () => {
    standIn.script(() => ({ kind: 'status', status: 503 }));
    const { drafts, dropped } = await run(10);
    expect(drafts).toEqual([]);
    expect(standIn.requests).toHaveLength(MAX_FAILED_CALLS);
    expect(dropped.every((d) => d.reason.startsWith('the model call failed'))).toBe(true);
  });
});
