/**
 * The Messages tab and mention listener's reply alone: Bolt's Web API client and logger faked,
 * the real extractive answerer over the repository's notes, the quiz and scores in memory. The
 * signed-HTTP path (events in, streamed model answers) is tests/slack/conversation.test.ts.
 */

import type { WebClient } from '@slack/web-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../../../src/answer/answerer.ts';
import type { Question } from '../../../../src/quiz/question.ts';
import type { SearchIndex } from '../../../../src/retrieval/search-index.ts';
import {
  type ConversationServices,
  conversation,
  type IncomingMessage,
  SEARCHING_STATUS,
} from '../../../../src/slack/listeners/events/conversation.ts';
import { boltFakes } from '../../../helpers/bolt-fakes.ts';
import { loadRealBank, memoryQuizContext } from '../../../helpers/quiz-harness.ts';
import { memoryQuizStores } from '../../../helpers/quiz-stores.ts';
import { TestClock } from '../../../helpers/test-clock.ts';
import { loadIndexed, OWN_NOTES } from '../../../retrieval/notes-corpora.ts';
import { scoreContext } from '../../../scores/score-harness.ts';

let index: SearchIndex;
let bank: Question[];
beforeAll(async () => {
  index = (await loadIndexed(OWN_NOTES)).index;
  bank = await loadRealBank();
});

let n = 0;
const message = (text: string, o: Partial<IncomingMessage> = {}): IncomingMessage => ({
  channel: 'D1',
  ts: `${++n}.000100`,
  teamId: 'T1',
  userId: 'U1',
  text,
  surface: 'dm',
  ...o,
});

function services(o: Partial<ConversationServices> = {}): ConversationServices {
  const quiz = memoryQuizContext(bank);
  const clock = new TestClock('2026-03-02T09:00:00Z');
  const scores = scoreContext(memoryQuizStores(), { now: clock.now, bank });
  return { answerer: new ExtractiveAnswerer(() => index), quiz: () => quiz, scores: () => scores, ...o };
}

async function reply(reply: ReturnType<typeof conversation>, m: IncomingMessage, fail: string[] = []) {
  const fakes = boltFakes({ fail });
  await reply(m, fakes.args.client as unknown as WebClient, fakes.args.logger);
  return fakes;
}

const posts = (fakes: ReturnType<typeof boltFakes>) =>
  fakes.calls.filter((c) => c.method === 'chat.postMessage');

describe('conversation', () => {
  it('shows the status, then answers in the message’s thread, once per message', async () => {
    const replyTo = conversation(services());
    const m = message('dax vs elasticache');
    const fakes = await reply(replyTo, m);
    expect(fakes.calls.map((c) => c.method)).toEqual(['assistant.threads.setStatus', 'chat.postMessage']);
    expect(fakes.calls[0]?.args).toMatchObject({
      channel_id: 'D1',
      thread_ts: m.ts,
      status: SEARCHING_STATUS,
    });
    expect(fakes.calls[1]?.args).toMatchObject({ channel: 'D1', thread_ts: m.ts });
    expect(JSON.stringify(fakes.calls[1]?.args.blocks)).toContain('DAX');
    const again = await reply(replyTo, m);
    expect(again.calls).toEqual([]);
    expect(again.logged('warn')).toEqual(['message delivered again; answered once']);
  });

  it('an empty message gets the examples', async () => {
    const fakes = await reply(conversation(services()), message('  '));
    expect(posts(fakes).map((c) => c.args.text)).toEqual([
      'Ask me anything about your AWS notes, e.g. “dax vs elasticache”, or say “quiz me”.',
    ]);
  });

  it('“quiz me” after an answer posts a practice question in the thread', async () => {
    const replyTo = conversation(services());
    const first = message('what is dax');
    await reply(replyTo, first);
    const fakes = await reply(replyTo, message('quiz me', { threadTs: first.ts }));
    expect(posts(fakes)).toHaveLength(1);
    expect(posts(fakes)[0]?.args).toMatchObject({ thread_ts: first.ts });
    expect(String(posts(fakes)[0]?.args.text)).toMatch(/^Practice question: /);
  });

  it('“what’s due for review?” with no cards says nothing is due', async () => {
    const fakes = await reply(conversation(services()), message("what's due for review?"));
    expect(String(posts(fakes)[0]?.args.text)).toMatch(/^Nothing is due for review right now\./);
  });

  it('“my weakest topic” with no answers says there are not enough yet', async () => {
    const fakes = await reply(conversation(services()), message('what is my weakest topic?'));
    expect(posts(fakes).map((c) => c.args.text)).toEqual([
      'Not enough answers yet to tell: take the daily quiz or say “quiz me” a few times.',
    ]);
  });

  it('a failure is logged and the person asked to try again', async () => {
    const broken = new ExtractiveAnswerer(() => {
      throw new Error('index not loaded');
    });
    const fakes = await reply(conversation(services({ answerer: broken })), message('what is dax'));
    expect(fakes.logged('error')).toEqual(['conversation reply failed']);
    expect(posts(fakes).map((c) => c.args.text)).toEqual([
      'Something went wrong on my side; please ask again in a minute.',
    ]);
  });
});
