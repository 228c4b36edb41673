/**
 * The quiz-post port's contract, in memory and on SQL (PGlite, and Postgres with DATABASE_URL):
 * one post per team, channel and local day, claimed by exactly one of many racing callers; a claim
 * left unposted is taken over once it is older than `staleAfterMs` (strictly), by exactly one
 * taker, question kept; the message ts and the reveal are each recorded once.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimRequest, QuizPostRepository } from '../../src/daily-quiz/ports.ts';
import { uniqueId } from '../helpers/ids.ts';
import { quizStoreTargets } from '../helpers/quiz-stores.ts';

const T0 = new Date('2025-03-04T08:00:00.000Z');
const MINUTE = 60_000;
const STALE = 10 * MINUTE;

const at = (ms: number) => new Date(T0.getTime() + ms);

function request(overrides: Partial<ClaimRequest> = {}): ClaimRequest {
  return {
    teamId: uniqueId('T'),
    channelId: uniqueId('C'),
    localDate: '2025-03-04',
    questionId: 's3-storage-classes-1',
    claimedBy: 'host-a:100',
    now: T0,
    staleAfterMs: STALE,
    ...overrides,
  };
}

describe.each(quizStoreTargets())('QuizPostRepository on $name', (target) => {
  let repo: QuizPostRepository;
  beforeAll(async () => {
    repo = (await target.open()).stores.posts;
  });
  afterAll(() => target.close());

  it('claims a free day and returns the new row', async () => {
    const r = request();
    const result = await repo.claim(r);
    expect(result).toMatchObject({ status: 'claimed', tookOver: false });
    expect(result.post).toEqual({
      id: expect.any(Number),
      teamId: r.teamId,
      channelId: r.channelId,
      localDate: '2025-03-04',
      questionId: r.questionId,
      claimedAt: T0,
      claimedBy: 'host-a:100',
      messageTs: null,
      postedAt: null,
      revealedAt: null,
    });
    expect(await repo.get(result.post.id)).toEqual(result.post);
  });

  it('gives exactly one of 10 parallel claims for one channel and day', async () => {
    const base = request();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        repo.claim({ ...base, questionId: `q${i}`, claimedBy: `host:${i}` }),
      ),
    );
    const winners = results.filter((r) => r.status === 'claimed');
    expect(winners).toHaveLength(1);
    const winner = winners[0]?.post;
    expect(new Set(results.map((r) => r.post.id))).toEqual(new Set([winner?.id]));
    for (const r of results) expect(r.post.questionId).toBe(winner?.questionId);
  });

  it('does not take over a fresh claim that is not posted yet', async () => {
    const r = request();
    await repo.claim(r);
    const second = await repo.claim({
      ...r,
      claimedBy: 'host-b:200',
      questionId: 'other',
      now: at(STALE - 1),
    });
    expect(second.status).toBe('taken');
    expect(second.post.claimedBy).toBe('host-a:100');
  });

  it('lets exactly one of several racing takers take over a stale unposted claim, keeping its question', async () => {
    const r = request();
    const first = await repo.claim(r);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        repo.claim({ ...r, questionId: `other-${i}`, claimedBy: `taker:${i}`, now: at(STALE + MINUTE) }),
      ),
    );
    const winners = results.filter((x) => x.status === 'claimed');
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ tookOver: true });
    const post = winners[0]?.post;
    expect(post?.id).toBe(first.post.id);
    expect(post?.questionId).toBe(r.questionId);
    expect(post?.claimedAt).toEqual(at(STALE + MINUTE));
    expect(post?.claimedBy).toMatch(/^taker:\d$/);
    for (const x of results.filter((y) => y.status === 'taken'))
      expect(x.post.claimedBy).toBe(post?.claimedBy);
  });

  it('takes over an unposted claim only once it is older than staleAfterMs, not at exactly that age', async () => {
    const r = request();
    await repo.claim(r);
    const atStale = await repo.claim({ ...r, claimedBy: 'host-b:200', now: at(STALE) });
    expect(atStale).toMatchObject({ status: 'taken', post: { claimedBy: 'host-a:100', claimedAt: T0 } });
    const past = await repo.claim({ ...r, claimedBy: 'host-b:200', now: at(STALE + 1) });
    expect(past).toMatchObject({ status: 'claimed', tookOver: true, post: { claimedBy: 'host-b:200' } });
  });

  it('replaces the question of an unposted claim only', async () => {
    const r = request();
    const { post } = await repo.claim(r);
    expect(await repo.replaceQuestion(post.id, 'q-new')).toBe(true);
    expect((await repo.get(post.id))?.questionId).toBe('q-new');
    await repo.markPosted(post.id, 'ts-replace', at(MINUTE));
    expect(await repo.replaceQuestion(post.id, 'q-later')).toBe(false);
    expect((await repo.get(post.id))?.questionId).toBe('q-new');
    expect(await repo.replaceQuestion(-1, 'q-none')).toBe(false);
  });

  it('hands out copies: changing a returned post changes nothing stored', async () => {
    const r = request();
    const { post } = await repo.claim(r);
    post.questionId = 'changed-by-the-caller';
    post.claimedAt.setTime(0);
    expect(await repo.get(post.id)).toMatchObject({ questionId: r.questionId, claimedAt: T0 });
  });

  it('never takes over a posted claim, however old', async () => {
    const r = request();
    const { post } = await repo.claim(r);
    expect(await repo.markPosted(post.id, '1741075200.000100', at(MINUTE))).toBe(true);
    const later = await repo.claim({ ...r, claimedBy: 'host-b:200', now: at(24 * 60 * MINUTE) });
    expect(later.status).toBe('taken');
    expect(later.post).toMatchObject({ messageTs: '1741075200.000100', postedAt: at(MINUTE) });
  });

  it('records the message once: a second ts is refused and stored nowhere', async () => {
    const r = request();
    const { post } = await repo.claim(r);
    expect(await repo.markPosted(post.id, '1741075200.000200', at(MINUTE))).toBe(true);
    expect(await repo.markPosted(post.id, '1741075200.999999', at(2 * MINUTE))).toBe(false);
    const found = await repo.get(post.id);
    expect(found).toMatchObject({ id: post.id, messageTs: '1741075200.000200', postedAt: at(MINUTE) });
    const posted = await repo.dueForReveal(at(24 * 60 * MINUTE));
    expect(posted.filter((p) => p.messageTs === '1741075200.999999')).toEqual([]);
    expect(await repo.get(-1)).toBeNull();
  });

  it('lists used question ids from posted quizzes only, per channel, oldest first with repeats', async () => {
    const teamId = uniqueId('T');
    const channelId = uniqueId('C');
    const days = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06'];
    const questions = ['q-b', 'q-a', 'q-b', 'q-unposted'];
    for (const [i, localDate] of days.entries()) {
      const { post } = await repo.claim(request({ teamId, channelId, localDate, questionId: questions[i] }));
      if (i < 3) await repo.markPosted(post.id, `ts-${i}`, at(i * MINUTE));
    }
    await repo.claim(request({ teamId, channelId: uniqueId('C'), questionId: 'q-elsewhere' }));
    expect(await repo.usedQuestionIds(teamId, channelId)).toEqual(['q-b', 'q-a', 'q-b']);
  });

  it('finds posts due for reveal and previous unrevealed days, and reveals each exactly once', async () => {
    const teamId = uniqueId('T');
    const channelId = uniqueId('C');
    const ids: number[] = [];
    for (const [i, localDate] of ['2025-03-01', '2025-03-02', '2025-03-03'].entries()) {
      const { post } = await repo.claim(request({ teamId, channelId, localDate }));
      await repo.markPosted(post.id, `ts-${localDate}`, at(i * 60 * MINUTE));
      ids.push(post.id);
    }
    const mine = async (before: Date) => (await repo.dueForReveal(before)).filter((p) => p.teamId === teamId);
    expect((await mine(at(90 * MINUTE))).map((p) => p.localDate)).toEqual(['2025-03-01', '2025-03-02']);

    const flips = await Promise.all(
      Array.from({ length: 5 }, () => repo.markRevealed(ids[0] ?? 0, at(100 * MINUTE))),
    );
    expect(flips.filter(Boolean)).toHaveLength(1);
    expect(await repo.markRevealed(ids[0] ?? 0, at(101 * MINUTE))).toBe(false);
    expect((await repo.get(ids[0] ?? 0))?.revealedAt).toEqual(at(100 * MINUTE));

    expect((await mine(at(1000 * MINUTE))).map((p) => p.localDate)).toEqual(['2025-03-02', '2025-03-03']);
    const previous = await repo.previousUnrevealed(teamId, channelId, '2025-03-03');
    expect(previous.map((p) => p.localDate)).toEqual(['2025-03-02']);
    expect(await repo.previousUnrevealed(uniqueId('T'), channelId, '2025-03-04')).toEqual([]);
  });

  it('keeps two teams apart even with the same channel id and day', async () => {
    const channelId = uniqueId('C');
    const a = await repo.claim(request({ channelId }));
    const b = await repo.claim(request({ channelId }));
    expect([a.status, b.status]).toEqual(['claimed', 'claimed']);
    expect(a.post.id).not.toBe(b.post.id);
  });
});
