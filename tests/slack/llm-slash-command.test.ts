/**
 * `/saa` with model-phrased answers, end to end: signed requests into the real Bolt receiver, the
 * answerer calling a local OpenAI-compatible stand-in through the official openai client, answers
 * posted to a response_url stand-in. Per scripted model behaviour, what the asker sees: "Looking
 * that up…", then exactly one answer replacing it (the model's, or the extractive one).
 */

import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose-answer.ts';
import { createAnswerer } from '../../src/answer/create-answerer.ts';
import { loadConfig } from '../../src/config.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { type Knowledge, openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { escapeMrkdwn } from '../../src/slack/mrkdwn.ts';
import { PENDING_ANSWER_TEXT, QUIZ_ME_ACTION, SHARE_ACTION } from '../../src/slack/views/answer-blocks.ts';
import { PRACTICE_ACTION } from '../../src/slack/views/quiz-blocks.ts';
import { testIndexCache } from '../helpers/index-cache.ts';
import { type Behaviour, type OpenAiStandIn, startOpenAiStandIn } from '../helpers/openai-stand-in.ts';
import { buttonClickForm, postSigned, slashCommandForm } from '../helpers/signed-request.ts';
import { type RecordedCall, type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeQuestion } from '../quiz/quiz-fixtures.ts';

const SECRET = 'test-signing-secret';
const TIMEOUT_MS = 300;
let slackApi: SlackStandIn;
let model: OpenAiStandIn;
let slack: SlackAdapter;
let knowledge: Knowledge;
let events: string;
let n = 0;
const logged: string[] = [];

const bank = [
  makeQuestion('lambda-q', { source: { file: 'lambda.md', heading: 'AWS Lambda > Limits' } }),
  makeQuestion('dax-q', {
    topic: 'DynamoDB advanced features',
    question: 'Which cache suits DynamoDB reads?',
    source: {
      file: 'dynamodb-advanced.md',
      heading: 'DynamoDB advanced features > DAX (DynamoDB Accelerator)',
    },
  }),
  makeQuestion('apigw-q', {
    topic: 'Amazon API Gateway',
    source: { file: 'api-gateway.md', heading: 'Amazon API Gateway > Throttling' },
  }),
];

/** The quiz-me path needs only the bank, a clock, a log and a database that is down (no recent ids). */
const quizWarnings: string[] = [];
const quiz = {
  bank: () => bank,
  clock: new TestClock('2026-01-05T09:00:00Z').now,
  ready: () => Promise.reject(new Error('no database in this test')),
  log: { info: () => undefined, warn: (m: string) => quizWarnings.push(m), error: () => undefined },
} as unknown as QuizContext;

type Block = { type: string; text?: { text: string }; elements?: Array<Record<string, unknown>> };
const blocksOf = (body: Record<string, unknown>) => (body.blocks ?? []) as Block[];
const contextText = (body: Record<string, unknown>) =>
  blocksOf(body)
    .filter((b) => b.type === 'context')
    .map((b) => String(b.elements?.[0]?.text ?? ''))
    .join('\n');
const buttons = (body: Record<string, unknown>) =>
  blocksOf(body).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));

/** Sends `/saa text`; resolves with every post to its response_url once the answer (not the note) came. */
async function command(
  text: string,
): Promise<{ id: string; posts: RecordedCall[]; answer: Record<string, unknown> }> {
  const id = `llm-${++n}`;
  const res = await postSigned(events, slashCommandForm(text, slackApi.responseUrl(id)), { secret: SECRET });
  expect(res.status).toBe(200);
  const answer = await slackApi.waitFor(
    (c) => c.method === `response_url:${id}` && c.body.text !== PENDING_ANSWER_TEXT,
  );
  return { id, posts: postsTo(id), answer: answer.body };
}

const postsTo = (id: string) => slackApi.calls.filter((c) => c.method === `response_url:${id}`);

/** The asker saw the pending note first, then one answer that replaced it. */
function expectNoteThenOneAnswer(posts: RecordedCall[]): void {
  expect(posts).toHaveLength(2);
  expect(posts[0]?.body).toMatchObject({ response_type: 'ephemeral', text: PENDING_ANSWER_TEXT });
  expect(posts[1]?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
}

beforeAll(async () => {
  slackApi = await startSlackStandIn();
  model = await startOpenAiStandIn();
  knowledge = await openKnowledge(resolve(import.meta.dirname, '../../knowledge/notes'), testIndexCache());
  const config = loadConfig({ OPENAI_BASE_URL: model.baseUrl, OPENAI_TIMEOUT_MS: String(TIMEOUT_MS) });
  const log = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) };
  slack = createSlackApp(
    {
      botToken: 'xoxb-test',
      signingSecret: SECRET,
      slackApiUrl: slackApi.apiUrl,
      port: 0,
      logLevel: 'error',
    },
    { answerer: createAnswerer(config, () => knowledge.index, { log }), quiz: () => quiz },
  );
  events = `http://127.0.0.1:${await slack.start()}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await model?.close();
  await slackApi?.close();
});

beforeEach(() => {
  model.requests.length = 0;
  logged.length = 0;
});

/** `s` as a literal in a RegExp. */
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('/saa with a model', () => {
  it('shows the model’s cited answer with numbered sources, Share and Quiz me buttons', async () => {
    model.script(() => ({
      kind: 'reply',
      content: 'DAX is a managed cache in front of DynamoDB [1]; use ElastiCache for computed results [5].',
    }));
    const { posts, answer } = await command('what is dax');
    expectNoteThenOneAnswer(posts);
    expect(answer.text).toBe(
      'DAX is a managed cache in front of DynamoDB [1]; use ElastiCache for computed results [2].',
    );
    expect(blocksOf(answer)[0]?.text?.text).toBe(answer.text);
    // [5] renumbered to [2]: the fifth passage sent, as the prompt names it.
    const user = model.requests[0]?.body.messages?.[1]?.content ?? '';
    const fifth = /\[5\] ([^\n›]+?) › ([^\n]+)\n/.exec(user);
    expect(fifth).not.toBeNull();
    const [first, second] = contextText(answer).split('\n');
    expect(first).toBe(
      '📄 [1] dynamodb-advanced.md › DynamoDB advanced features › DAX (DynamoDB Accelerator) (line 5)',
    );
    const heading = (fifth?.[2] ?? '').split(' › ').slice(-2).join(' › ');
    expect(second).toMatch(
      new RegExp(`^\\[2\\] ${escapeRegExp(`${fifth?.[1]} › ${heading}`)} \\(line \\d+\\)$`),
    );
    expect(buttons(answer).map((b) => b.action_id)).toEqual([SHARE_ACTION, QUIZ_ME_ACTION]);
    expect(logged).toEqual([]);
  });

  const fallbacks: Array<[string, Behaviour, RegExp]> = [
    [
      'an uncited answer',
      { kind: 'reply', content: 'Lambda runs for up to 15 minutes.' },
      /cited no passage/,
    ],
    [
      'a citation of a passage that was not given',
      { kind: 'reply', content: 'Lambda runs for up to 15 minutes [9].' },
      /not given/,
    ],
    ['a 500', { kind: 'status', status: 500 }, /HTTP 500/],
    ['a timeout', { kind: 'hang' }, /timed out|no reply within/],
    ['malformed JSON', { kind: 'malformed' }, /malformed JSON/],
  ];

  it.each(fallbacks)('shows the extractive answer, once, after %s', async (_name, behaviour, reason) => {
    model.script(() => behaviour);
    const question = 'lambda max execution time';
    const { posts, answer } = await command(question);
    expectNoteThenOneAnswer(posts);
    const extractive = composeAnswer(question, knowledge.index);
    expect(answer.text).toBe(escapeMrkdwn(extractive.text));
    expect(answer.text).toMatch(/15 minutes|900/);
    expect(contextText(answer)).toMatch(/^📄 lambda\.md › /);
    expect(contextText(answer)).not.toContain('[1]');
    expect(buttons(answer).map((b) => b.action_id)).toEqual([SHARE_ACTION, QUIZ_ME_ACTION]);
    expect(model.requests).toHaveLength(1);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(reason);
  });

  it('never sends a second answer when the model replies after the deadline', async () => {
    model.script(() => ({ kind: 'reply', content: 'Too late [1].', delayMs: TIMEOUT_MS * 2 }));
    const { id, answer } = await command('lambda memory limits');
    expect(answer.text).toBe(escapeMrkdwn(composeAnswer('lambda memory limits', knowledge.index).text));
    await expect(model.requests[0]?.ended).resolves.toBe('aborted');
    model.script(() => ({ kind: 'reply', content: 'Another answer [1].' }));
    await command('dynamodb ttl');
    expectNoteThenOneAnswer(postsTo(id));
  });

  it('answers a repeated question from the cache at once: no note, no second model call', async () => {
    model.script(() => ({
      kind: 'reply',
      content: 'API Gateway throttles at 10,000 requests per second [1].',
    }));
    const first = await command('api gateway throttling');
    expectNoteThenOneAnswer(first.posts);
    const again = await command('API Gateway throttling?');
    expect(again.posts).toHaveLength(1);
    expect(again.answer.text).toBe(first.answer.text);
    expect(again.answer.replace_original).toBeUndefined();
    expect(model.requests).toHaveLength(1);
  });

  it('says at once that the notes do not cover a question, without the model', async () => {
    const { posts, answer } = await command(
      'how do I set up a hyperledger fabric network on amazon managed blockchain',
    );
    expect(posts).toHaveLength(1);
    expect(String(answer.text)).toMatch(/couldn't find/i);
    expect(buttons(answer)).toEqual([]);
    expect(model.requests).toHaveLength(0);
  });
});

describe('Quiz me on this', () => {
  async function click(value: string) {
    const id = `quiz-me-${++n}`;
    const res = await postSigned(
      events,
      buttonClickForm({ actionId: QUIZ_ME_ACTION, value, responseUrl: slackApi.responseUrl(id) }),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    return (await slackApi.waitFor((c) => c.method === `response_url:${id}`)).body;
  }

  it('gives a practice question citing the answer’s top source file, only to the clicker', async () => {
    model.script(() => ({ kind: 'reply', content: 'DAX caches DynamoDB reads [1].' }));
    const { answer } = await command('dax read cache');
    const value = String(buttons(answer).find((b) => b.action_id === QUIZ_ME_ACTION)?.value);
    const practice = await click(value);
    expect(practice.response_type).toBe('ephemeral');
    expect(practice.replace_original).toBe(false);
    expect(String(practice.text)).toContain('Which cache suits DynamoDB reads?');
    expect(JSON.stringify(practice.blocks)).toContain(`${PRACTICE_ACTION}:A`);
  });

  it('falls back to the nearest topic when no question cites the file', async () => {
    const practice = await click(
      JSON.stringify({ f: '003_fbfe1d70922c440f.txt', h: 'DynamoDB advanced features > DAX' }),
    );
    expect(String(practice.text)).toContain('Which cache suits DynamoDB reads?');
  });

  it('still gives a question for a value that is not ours', async () => {
    const practice = await click('not json');
    expect(String(practice.text)).toMatch(/^Practice question: /);
  });
});
