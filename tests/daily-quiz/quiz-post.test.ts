/**
 * Posting the daily quiz exactly once per channel and local day, with the real Slack messenger
 * (talking to the local Slack stand-in): the rules (repeat calls, the channel's day, a process that
 * died between claim and post, a Slack failure, which question comes out over the days) on the
 * in-memory repositories, which the port contract tests hold to SQL's behaviour; a fresh schema
 * and processes racing with their own connections on the databases.
 */

import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerDailyQuiz } from '../../src/daily-quiz/answer-daily-quiz.ts';
import { postDailyQuiz } from '../../src/daily-quiz/post-daily-quiz.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { pickQuestion } from '../../src/quiz/pick-question.ts';
import type { Question } from '../../src/quiz/question.ts';
import { escapeMrkdwn } from '../../src/slack/mrkdwn.ts';
import type { Database } from '../../src/storage/db.ts';
import { MIGRATIONS_DIR, migrate } from '../../src/storage/migrate.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import {
  buttonsOf,
  loadRealSingleChoiceBank,
  memoryQuizRepositories,
  messageText,
  type QuizRepositories,
  questionPosts,
  quizContext,
  quizContextOver,
  recordingLog,
  standInMessenger,
  TEST_STALE_CLAIM_MS,
} from '../helpers/quiz-harness.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

const QUIZ_TABLES = ['channel_schedules', 'practice_answers', 'quiz_answers', 'quiz_posts', 'user_profiles'];
const DAY_MS = 24 * 3_600_000;

async function tables(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

/** Claims the channel's day as a process that then dies before posting; returns the question it chose. */
async function crashedClaim(
  ctx: QuizContext,
  bank: readonly Question[],
  team: string,
  channel: string,
  at: Date,
) {
  // A question other than the one a fresh pick would choose, so a takeover that re-picked would show.
  const fresh = pickQuestion(bank, [], `${team}:${channel}:2026-04-01`);
  const chosen = bank.find((q) => q.id !== fresh?.id);
  if (!chosen) throw new Error('the bank needs two questions');
  const claim = await ctx.posts.claim({
    teamId: team,
    channelId: channel,
    localDate: '2026-04-01',
    questionId: chosen.id,
    claimedBy: 'crashed:999',
    now: at,
    staleAfterMs: TEST_STALE_CLAIM_MS,
  });
  expect(claim).toMatchObject({ status: 'claimed', tookOver: false });
  return chosen;
}
// The rules, on the in-memory repositories.
describe('daily quiz posting on memory', () => {
  const repositories = memoryQuizRepositories();
  let standIn: SlackStandIn;
  let bank: Question[];

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    bank = await loadRealSingleChoiceBank();
  });
  afterAll(async () => {
    await standIn?.close();
  });

  /** A context of one "process"; every process shares `store`, as they share a database. */
  function instance(
    clock: TestClock,
    instanceId = 'test:1',
    questions: readonly Question[] = bank,
    store: QuizRepositories = repositories,
  ) {
    const rec = recordingLog();
    const ctx = quizContextOver(store, {
      bank: questions,
      clock,
      messenger: standInMessenger(standIn),
      instanceId,
      log: rec.log,
    });
    return { ctx, rec };
  }

  it('posts once per local day: one message with the question and a button per option', async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const clock = new TestClock('2026-03-30T09:00:00Z');
    const { ctx, rec } = instance(clock);

    const first = await postDailyQuiz(ctx, team, channel);
    expect(first).toMatchObject({ status: 'posted', tookOver: false });
    if (first.status !== 'posted') return;
    expect(first.post).toMatchObject({ teamId: team, channelId: channel, localDate: '2026-03-30' });
    expect(first.post.messageTs).toMatch(/^\d+\.\d+$/);

    const posts = questionPosts(standIn, channel);
    expect(posts).toHaveLength(1);
    const question = bank.find((q) => q.id === first.post.questionId);
    if (!question) throw new Error(`posted ${first.post.questionId}, which is not in the bank`);
    const [call] = posts;
    if (!call) return;
    expect(String(call.body.text)).toContain(question.question);
    expect(messageText(call)).toContain(escapeMrkdwn(question.question));
    expect(buttonsOf(call)).toEqual(
      question.options.map((o) => ({
        action_id: `quiz_answer:${o.key}`,
        value: JSON.stringify({ quizId: first.post.id, choice: o.key }),
        text: o.key,
      })),
    );
    expect((await ctx.posts.get(first.post.id))?.messageTs).toBe(first.post.messageTs);

    clock.advance(14 * 3_600_000); // 23:00 UTC, the same local day
    const second = await postDailyQuiz(ctx, team, channel);
    expect(second).toMatchObject({ status: 'already-posted', post: { id: first.post.id } });
    expect(questionPosts(standIn, channel)).toHaveLength(1);
    expect(rec.errors()).toEqual([]);
  });

  it("counts the day in the channel's time zone", async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const clock = new TestClock('2026-03-30T20:00:00Z'); // already Tuesday 09:00 in Auckland (NZDT)
    const { ctx } = instance(clock);
    await ctx.schedules.upsert({
      teamId: team,
      channelId: channel,
      cron: '0 9 * * *',
      timeZone: 'Pacific/Auckland',
      enabled: true,
      updatedAt: clock.now(),
    });
    const first = await postDailyQuiz(ctx, team, channel);
    expect(first).toMatchObject({ status: 'posted', post: { localDate: '2026-03-31' } });
    clock.set('2026-03-31T10:00:00Z'); // 23:00 the same Auckland day, though a new UTC day
    expect((await postDailyQuiz(ctx, team, channel)).status).toBe('already-posted');
    clock.set('2026-03-31T11:00:00Z'); // Wednesday in Auckland
    expect(await postDailyQuiz(ctx, team, channel)).toMatchObject({
      status: 'posted',
      post: { localDate: '2026-04-01' },
    });
    expect(questionPosts(standIn, channel)).toHaveLength(2);
  });

  it('a claim left by a crashed process is waited for, then taken over once with its question', async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const clock = new TestClock('2026-04-01T09:00:00Z');
    const { ctx, rec } = instance(clock);
    const chosen = await crashedClaim(ctx, bank, team, channel, clock.now());

    clock.advance(TEST_STALE_CLAIM_MS - 1_000); // restarted, but the claim may still be in flight
    expect(await postDailyQuiz(ctx, team, channel)).toMatchObject({
      status: 'in-progress',
      post: { claimedBy: 'crashed:999', messageTs: null },
    });
    clock.advance(1_000); // exactly staleClaimMs old: still not stale
    expect((await postDailyQuiz(ctx, team, channel)).status).toBe('in-progress');
    expect(questionPosts(standIn, channel)).toHaveLength(0);

    clock.advance(1);
    const taken = await postDailyQuiz(ctx, team, channel);
    expect(taken).toMatchObject({
      status: 'posted',
      tookOver: true,
      post: { questionId: chosen.id, claimedBy: ctx.instanceId },
    });
    const posts = questionPosts(standIn, channel);
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.body.text)).toContain(chosen.question);

    clock.advance(TEST_STALE_CLAIM_MS * 10);
    expect((await postDailyQuiz(ctx, team, channel)).status).toBe('already-posted');
    expect(questionPosts(standIn, channel)).toHaveLength(1);
    expect(rec.errors()).toEqual([]);
  });

  // BUG (src/daily-quiz/post-daily-quiz.ts with src/storage/quiz-post-repository.ts): when the
  // crashed claim's question has left the bank (a deploy between the crash and the restart),
  // the taker posts its own pick (`questionById(…) ?? chosen`) but the row keeps the old
  // question_id, so every click on the posted buttons gets "I can't find that quiz any more" and
  // the reveal says nothing. Fixing it needs a repository call that replaces the claim's question
  // (the repository is outside what this suite may change).
  it('a takeover whose claimed question has left the bank posts a question people can answer', async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const clock = new TestClock('2026-04-01T09:00:00Z');
    const { ctx } = instance(clock);
    await ctx.posts.claim({
      teamId: team,
      channelId: channel,
      localDate: '2026-04-01',
      questionId: 'retired-question',
      claimedBy: 'crashed:999',
      now: clock.now(),
      staleAfterMs: TEST_STALE_CLAIM_MS,
    });
    clock.advance(TEST_STALE_CLAIM_MS + 1);
    const outcome = await postDailyQuiz(ctx, team, channel);
    if (outcome.status !== 'posted') throw new Error(`expected a post, got ${outcome.status}`);
    const shown = bank.find((q) =>
      String(questionPosts(standIn, channel)[0]?.body.text).includes(q.question),
    );
    expect(shown).toBeDefined();
    const click = await answerDailyQuiz(ctx, {
      teamId: team,
      userId: 'U1',
      quizId: outcome.post.id,
      choice: shown?.correctKeys.join(',') ?? 'A',
    });
    expect(click.status).toBe('recorded');
  });

  it('a Slack failure leaves the claim unposted, and it is retried after staleClaimMs', async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const clock = new TestClock('2026-04-02T09:00:00Z');
    const { ctx } = instance(clock);
    let ts = 1_800_000_000;
    let failing = true;
    standIn.reply('chat.postMessage', (b) =>
      failing && b.channel === channel
        ? { ok: false, error: 'not_in_channel' }
        : { ok: true, channel: b.channel, ts: `${ts++}.000300` },
    );
    await expect(postDailyQuiz(ctx, team, channel)).rejects.toThrow(/not_in_channel/);
    const attempts = questionPosts(standIn, channel);
    expect(attempts).toHaveLength(1);
    const claimed = await ctx.posts.claim({
      teamId: team,
      channelId: channel,
      localDate: '2026-04-02',
      questionId: 'whatever',
      claimedBy: 'probe',
      now: clock.now(),
      staleAfterMs: TEST_STALE_CLAIM_MS,
    });
    expect(claimed).toMatchObject({ status: 'taken', post: { messageTs: null, claimedBy: ctx.instanceId } });
    const questionId = claimed.post.questionId;

    failing = false;
    clock.advance(60_000);
    expect((await postDailyQuiz(ctx, team, channel)).status).toBe('in-progress');
    clock.advance(TEST_STALE_CLAIM_MS);
    expect(await postDailyQuiz(ctx, team, channel)).toMatchObject({
      status: 'posted',
      tookOver: true,
      post: { questionId },
    });
    expect(questionPosts(standIn, channel)).toHaveLength(2); // the failed attempt and the real post
  });

  describe('which question', () => {
    const fourQuestions = makeBank(4);

    /** Posts on `days` consecutive days from 2026-04-06; returns the question ids. */
    async function postDays(
      team: string,
      channel: string,
      days: number,
      store: QuizRepositories = repositories,
    ): Promise<string[]> {
      const clock = new TestClock('2026-04-06T10:00:00Z');
      const { ctx } = instance(clock, 'test:1', fourQuestions, store);
      const ids: string[] = [];
      for (let day = 0; day < days; day++) {
        const outcome = await postDailyQuiz(ctx, team, channel);
        if (outcome.status !== 'posted') throw new Error(`day ${day + 1}: ${outcome.status}`);
        ids.push(outcome.post.questionId);
        clock.advance(DAY_MS);
      }
      return ids;
    }

    it('does not repeat a question until the bank is exhausted, then repeats one', async () => {
      const team = uniqueId('T');
      const channel = uniqueId('C');
      const ids = await postDays(team, channel, 5);
      expect(new Set(ids.slice(0, 4)).size).toBe(4);
      expect(fourQuestions.map((q) => q.id)).toContain(ids[4]);
      expect(questionPosts(standIn, channel)).toHaveLength(5);
    });

    it('is deterministic: the same team, channel and dates give the same questions', async () => {
      const team = uniqueId('T');
      const channel = uniqueId('C');
      const first = await postDays(team, channel, 5);
      // Again from an empty history (a fresh store holds no post of this channel).
      expect(await postDays(team, channel, 5, memoryQuizRepositories())).toEqual(first);
      const other = await postDays(team, uniqueId('C'), 5);
      expect(new Set(other.slice(0, 4)).size).toBe(4);
    });

    // BUG (src/storage/quiz-post-repository.ts, usedQuestionIds): it returns DISTINCT ids sorted by
    // id, but pickQuestion (src/quiz/pick-question.ts) needs the channel's history oldest first with
    // repeats. Once every question was asked, the history always "completes" a cycle, so each
    // later day picks from the whole bank minus the alphabetically last ids (not the latest asked):
    // questions repeat inside the second cycle and right after being asked. The fix needs a
    // repository query ordered by local_date (e.g. SELECT question_id … ORDER BY local_date, id),
    // outside what this suite may change.
    it('does not repeat inside the second cycle either (days 5–8 are four different questions)', async () => {
      const ids = await postDays(uniqueId('T'), uniqueId('C'), 8);
      expect(new Set(ids.slice(0, 4)).size).toBe(4);
      expect(new Set(ids.slice(4, 8)).size).toBe(4);
    });
  });
});

// What only a database shows: the schema, and processes racing with their own connections.
describe.each(testDatabases())('daily quiz posting on $name', (target) => {
  let db: Database;
  let standIn: SlackStandIn;
  let bank: Question[];
  let tablesBefore: string[];
  let appliedFirst: string[];
  let appliedAgain: string[];

  beforeAll(async () => {
    db = await target.open();
    tablesBefore = await tables(db);
    appliedFirst = await migrate(db);
    appliedAgain = await migrate(db);
    standIn = await startSlackStandIn();
    bank = await loadRealSingleChoiceBank();
  });
  afterAll(async () => {
    await standIn?.close();
    await target.close();
  });

  /** A context of one "process"; on Postgres each gets its own pool, as separate processes would. */
  async function instance(clock: TestClock, instanceId = 'test:1', questions: readonly Question[] = bank) {
    const own = target.name === 'postgres' ? await target.open() : db;
    const rec = recordingLog();
    const ctx = quizContext(own, {
      bank: questions,
      clock,
      messenger: standInMessenger(standIn),
      instanceId,
      log: rec.log,
    });
    return { ctx, rec };
  }

  it('migrates a fresh database: every quiz table, each migration once', async () => {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    expect(tablesBefore).toEqual([]);
    expect(appliedFirst).toEqual(files.map((f) => f.replace(/\.sql$/, '')));
    expect(appliedAgain).toEqual([]);
    const after = await tables(db);
    for (const table of QUIZ_TABLES) expect(after).toContain(table);
  });

  it('ten schedulers racing for one channel-day post exactly one message', async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const clock = new TestClock('2026-03-31T07:00:00Z');
    const contexts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => instance(clock, `host-${i}:${1000 + i}`)),
    );
    const outcomes = await Promise.all(contexts.map(({ ctx }) => postDailyQuiz(ctx, team, channel)));

    expect(outcomes.filter((o) => o.status === 'posted')).toHaveLength(1);
    for (const o of outcomes) expect(['posted', 'already-posted', 'in-progress']).toContain(o.status);
    const ids = new Set(outcomes.map((o) => (o.status === 'no-questions' ? -1 : o.post.id)));
    expect(ids.size).toBe(1);
    expect(questionPosts(standIn, channel)).toHaveLength(1);
    const winner = outcomes.find((o) => o.status === 'posted');
    if (winner?.status !== 'posted') return;
    const stored = await contexts[0]?.ctx.posts.get(winner.post.id);
    expect(stored?.claimedBy).toBe(winner.post.claimedBy);
    expect(contexts.map((c) => c.ctx.instanceId)).toContain(stored?.claimedBy);
    for (const { rec } of contexts) expect(rec.errors()).toEqual([]);
  });

  it('ten restarted processes racing to take over a stale claim post once', async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const clock = new TestClock('2026-04-01T09:00:00Z');
    const first = await instance(clock);
    const chosen = await crashedClaim(first.ctx, bank, team, channel, clock.now());
    clock.advance(TEST_STALE_CLAIM_MS + 1);
    const contexts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => instance(clock, `taker-${i}:${2000 + i}`)),
    );
    const outcomes = await Promise.all(contexts.map(({ ctx }) => postDailyQuiz(ctx, team, channel)));
    const posted = outcomes.filter((o) => o.status === 'posted');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ tookOver: true, post: { questionId: chosen.id } });
    for (const o of outcomes) expect(['posted', 'already-posted', 'in-progress']).toContain(o.status);
    expect(questionPosts(standIn, channel)).toHaveLength(1);
  });
});
