/**
 * The study partner in Slack's Messages tab and in channel threads, end to end through the real
 * Bolt receiver (signed Events API requests, the Slack stand-in, PGlite, and the OpenAI stand-in
 * streaming): suggested prompts when the tab opens; a DM question gets the status at once and an
 * answer in its thread, with 👍/👎; a retried event is answered once; a follow-up in the thread is
 * answered from the thread's earlier question; "quiz me" gives a practice question; a model
 * answer is streamed with only citations of passages it was given; when Slack cuts the stream the
 * message is completed with chat.update; a channel mention is answered in a thread.
 */

import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { createAnswerer } from '../../src/answer/create-answerer.ts';
import { loadConfig } from '../../src/config.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import type { SearchIndex } from '../../src/retrieval/search-index.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import type { Database } from '../../src/storage/db.ts';
import { SqlFeedbackRepository } from '../../src/storage/feedback-repository.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { testDatabases } from '../helpers/databases.ts';
import { testIndexCache } from '../helpers/index-cache.ts';
import { type OpenAiStandIn, startOpenAiStandIn } from '../helpers/openai-stand-in.ts';
import { quizContext, standInMessenger } from '../helpers/quiz-harness.ts';
import { buttonClickForm, eventCallback, postSigned, postSignedEvent } from '../helpers/signed-request.ts';
import {
  type RecordedCall,
  type SlackStandIn,
  slackAppOptions,
  startSlackStandIn,
} from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

const SECRET = 'conversation-secret';

describe('conversation in the Messages tab and channel threads', () => {
  const target = testDatabases()[0];
  let standIn: SlackStandIn;
  let openai: OpenAiStandIn;
  let extractiveApp: SlackAdapter;
  let modelApp: SlackAdapter;
  let extractiveUrl: string;
  let modelUrl: string;
  let ctx: QuizContext;
  let index: SearchIndex;
  let db: Database;
  let n = 0;

  beforeAll(async () => {
    if (!target) throw new Error('no test database');
    db = await target.open();
    await migrate(db);
    standIn = await startSlackStandIn();
    openai = await startOpenAiStandIn();
    ctx = quizContext(db, {
      bank: makeBank(3),
      clock: new TestClock('2026-12-01T09:00:00Z'),
      messenger: standInMessenger(standIn),
    });
    const knowledge = await openKnowledge(
      resolve(import.meta.dirname, '../../knowledge/notes'),
      testIndexCache(),
    );
    index = knowledge.index;
    extractiveApp = createSlackApp(slackAppOptions(standIn, SECRET), {
      answerer: new ExtractiveAnswerer(() => index),
      quiz: () => ctx,
      exampleQuestion: () => 'What do my notes say about DAX?',
    });
    extractiveUrl = `http://127.0.0.1:${await extractiveApp.start()}/slack/events`;
    const config = loadConfig(
      { OPENAI_BASE_URL: openai.baseUrl, OPENAI_MODEL: 'stand-in', OPENAI_TIMEOUT_MS: '5000' },
      { purpose: 'cli' },
    );
    modelApp = createSlackApp(slackAppOptions(standIn, SECRET), {
      answerer: createAnswerer(config, () => index, {
        log: { info: () => undefined, warn: () => undefined },
      }),
      quiz: () => ctx,
    });
    modelUrl = `http://127.0.0.1:${await modelApp.start()}/slack/events`;
  });
  afterAll(async () => {
    await extractiveApp?.stop();
    await modelApp?.stop();
    await standIn?.close();
    await openai?.close();
    await target?.close();
  });
  beforeEach(() => {
    openai.requests.length = 0;
  });

  /** A DM from U1 (a new message unless `ts` is given); resolves with its ts. */
  async function dm(
    url: string,
    text: string,
    opts: { threadTs?: string; ts?: string; retry?: number; eventId?: string } = {},
  ) {
    const ts = opts.ts ?? `1800000${String(++n).padStart(3, '0')}.000100`;
    const event = {
      type: 'message',
      channel: 'D1',
      channel_type: 'im',
      user: 'U1',
      text,
      ts,
      ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
      team: 'T1',
    };
    const res = await postSignedEvent(
      url,
      eventCallback(event, 'T1', opts.eventId),
      SECRET,
      opts.retry ? { 'x-slack-retry-num': String(opts.retry), 'x-slack-retry-reason': 'http_timeout' } : {},
    );
    expect(res.status).toBe(200);
    return ts;
  }

  const repliesIn = (threadTs: string, method = 'chat.postMessage') =>
    standIn.calls.filter((c) => c.method === method && c.body.thread_ts === threadTs);
  const waitReply = (threadTs: string, method = 'chat.postMessage') =>
    standIn.waitFor((c) => c.method === method && c.body.thread_ts === threadTs);
  const blocksOf = (c: RecordedCall) => JSON.stringify(c.body.blocks ?? []);

  it('pins suggested prompts when the Messages tab opens, one of them from the notes', async () => {
    await postSignedEvent(
      extractiveUrl,
      eventCallback({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'messages' }),
      SECRET,
    );
    const call = await standIn.waitFor((c) => c.method === 'assistant.threads.setSuggestedPrompts');
    expect(call.body.channel_id).toBe('D1');
    const prompts = call.body.prompts as Array<{ title: string; message: string }>;
    expect(prompts.map((p) => p.title)).toEqual(
      expect.arrayContaining(['Quiz me', "What's due for review?", 'My weakest topic']),
    );
    expect(prompts.map((p) => p.message)).toContain('What do my notes say about DAX?');
  });

  it('shows the status at once and answers a DM in its thread, with sources and 👍/👎; a retry is answered once', async () => {
    const ts = await dm(extractiveUrl, 'dax vs elasticache', { eventId: 'EvSame1' });
    const reply = await waitReply(ts);
    const status = standIn.calls.find(
      (c) => c.method === 'assistant.threads.setStatus' && c.body.thread_ts === ts,
    );
    expect(status?.body.status).toBe('Searching your notes…');
    expect(standIn.calls.indexOf(status as RecordedCall)).toBeLessThan(standIn.calls.indexOf(reply));
    expect(String(reply.body.text)).toMatch(/DAX/);
    expect(blocksOf(reply)).toMatch(/dynamodb-advanced\.md/);
    expect(blocksOf(reply)).toContain('"type":"feedback_buttons"');

    await dm(extractiveUrl, 'dax vs elasticache', { ts, retry: 1, eventId: 'EvSame1' });
    await new Promise((r) => setTimeout(r, 200));
    expect(repliesIn(ts)).toHaveLength(1);
  });

  it('answers a follow-up from the thread’s earlier question; a new thread starts fresh', async () => {
    const root = await dm(extractiveUrl, 'how long can a lambda function run');
    await waitReply(root);
    await dm(extractiveUrl, 'and its memory?', { threadTs: root });
    const replies = await (async () => {
      for (let i = 0; i < 50 && repliesIn(root).length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      return repliesIn(root);
    })();
    expect(replies).toHaveLength(2);
    expect(String(replies[1]?.body.text)).toMatch(/memory/i);
    expect(String(replies[1]?.body.text)).toMatch(/MB|GB/);

    const fresh = await dm(extractiveUrl, 'and its memory?');
    const alone = await waitReply(fresh);
    expect(String(alone.body.text)).not.toEqual(String(replies[1]?.body.text));
  });

  it('"quiz me" in a DM gives a practice question in the thread', async () => {
    const ts = await dm(extractiveUrl, 'quiz me');
    const reply = await waitReply(ts);
    expect(String(reply.body.text)).toMatch(/^Practice question: /);
    expect(blocksOf(reply)).toContain('practice_answer');
  });

  it('streams a model answer, showing only citations of passages it was given, then sources and 👍/👎', async () => {
    openai.script(() => ({
      kind: 'reply',
      content: '',
      chunks: [
        'DAX is an in-memory cache for Dyn',
        'amoDB [',
        '1] with microsecond reads [9',
        ']. ElastiCache is a ',
        'general cache [2].',
      ],
    }));
    const ts = await dm(modelUrl, 'dax vs elasticache');
    const start = await standIn.waitFor((c) => c.method === 'chat.startStream' && c.body.thread_ts === ts);
    const stop = await standIn.waitFor(
      (c) =>
        c.method === 'chat.stopStream' &&
        c.body.ts !== undefined &&
        standIn.calls.indexOf(c) > standIn.calls.indexOf(start),
    );
    expect(openai.requests[0]?.body.stream).toBe(true);
    const appended = standIn.calls
      .filter(
        (c) =>
          c.method === 'chat.appendStream' &&
          standIn.calls.indexOf(c) > standIn.calls.indexOf(start) &&
          standIn.calls.indexOf(c) < standIn.calls.indexOf(stop),
      )
      .map((c) => String(c.body.markdown_text ?? ''));
    const shown = [String(start.body.markdown_text), ...appended].join('');
    expect(shown).toContain('DAX is an in-memory cache for DynamoDB [1]');
    expect(shown).not.toContain('[9');
    expect(shown).toContain('general cache [2].');
    const blocks = blocksOf(stop);
    expect(blocks).toContain('[1]');
    expect(blocks).toContain('[2]');
    expect(stop.body.ts).toBe(
      (await standIn.waitFor((c) => c.method === 'chat.appendStream' && c.body.ts !== undefined)).body.ts,
    );
    expect(blocks).toContain('"type":"feedback_buttons"');
    expect(repliesIn(ts)).toHaveLength(0);
  });

  it('completes the reply with chat.update when Slack cuts the stream', async () => {
    openai.script(() => ({
      kind: 'reply',
      content: '',
      chunks: ['DAX caches DynamoDB reads [1].', ' It is a write-through cache', ' for DynamoDB tables [1].'],
      chunkDelayMs: 300,
    }));
    const removeFault = standIn.fault('chat.appendStream', () => ({ kind: 'status', status: 500 }));
    try {
      const ts = await dm(modelUrl, 'what is dax');
      const start = await standIn.waitFor((c) => c.method === 'chat.startStream' && c.body.thread_ts === ts);
      const startedTs = await standIn.waitFor((c) => c.method === 'chat.update', 8000);
      expect(String(startedTs.body.text)).toContain(
        'DAX caches DynamoDB reads [1]. It is a write-through cache for DynamoDB tables [1].',
      );
      expect(blocksOf(startedTs)).toContain('"type":"feedback_buttons"');
      expect(start.body.markdown_text).toBe('DAX caches DynamoDB reads [1].');
    } finally {
      removeFault();
    }
  });

  it('stores 👍/👎 given under a DM answer', async () => {
    const ts = await dm(extractiveUrl, 'what is pitr');
    const reply = await waitReply(ts);
    const element = (
      reply.body.blocks as Array<{ type: string; elements?: Array<{ negative_button: { value: string } }> }>
    ).find((b) => b.type === 'context_actions')?.elements?.[0];
    if (!element) throw new Error('no feedback buttons');
    await postSigned(
      extractiveUrl,
      buttonClickForm({
        actionId: 'answer_feedback',
        elementType: 'feedback_buttons',
        value: element.negative_button.value,
        responseUrl: standIn.responseUrl(`dm-feedback-${ts}`),
        team: 'T1',
        user: 'U1',
      }),
      { secret: SECRET },
    );
    const stored = async () =>
      (await new SqlFeedbackRepository(db).list()).filter((f) => f.question === 'what is pitr');
    for (let i = 0; i < 50 && (await stored()).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await stored()).toMatchObject([{ userId: 'U1', rating: 'down', mode: 'extractive' }]);
  });

  it('sends the thread’s earlier question and answer to the model with a follow-up', async () => {
    openai.script(() => ({ kind: 'reply', content: '', chunks: ['Lambda runs up to 15 minutes [1].'] }));
    const root = await dm(modelUrl, 'how long can a lambda function run');
    const start = await standIn.waitFor((c) => c.method === 'chat.startStream' && c.body.thread_ts === root);
    await standIn.waitFor(
      (c) => c.method === 'chat.stopStream' && standIn.calls.indexOf(c) > standIn.calls.indexOf(start),
    );
    // The turn is stored right after the stream ends.
    await new Promise((r) => setTimeout(r, 200));
    openai.script(() => ({ kind: 'reply', content: '', chunks: ['Memory goes up to 10,240 MB [1].'] }));
    await dm(modelUrl, 'and its memory?', { threadTs: root });
    for (let i = 0; i < 100 && openai.requests.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    const messages = openai.requests[1]?.body.messages ?? [];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[1]?.content).toBe('how long can a lambda function run');
    expect(messages[2]?.content).toContain('15 minutes');
    expect(messages[3]?.content).toContain('and its memory?');
  });

  it('answers a channel mention in a thread under it', async () => {
    const ts = '1800009999.000100';
    await postSignedEvent(
      extractiveUrl,
      eventCallback({
        type: 'app_mention',
        channel: 'C77',
        user: 'U2',
        text: '<@UBOT> what is pitr',
        ts,
        team: 'T1',
      }),
      SECRET,
    );
    const reply = await standIn.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'C77' && c.body.thread_ts === ts,
    );
    expect(String(reply.body.text)).toMatch(/point-in-time|PITR/i);
  });
});
