/**
 * The study-card port's contract, on the in-memory implementation and on SQL (PGlite, and
 * Postgres with DATABASE_URL): a card reads back as ts-fsrs left it, one answer moves a card once
 * however many arrive together, a person sees only their own cards in due order, and the daily
 * counts see review-session answers only. On SQL, the review log refuses updates and deletes.
 */

import { Rating, State } from 'ts-fsrs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStudyCardRepository } from '../../src/spaced-repetition/memory-study-cards.ts';
import type { StudyCardRepository } from '../../src/spaced-repetition/ports.ts';
import { recordCardAnswer } from '../../src/spaced-repetition/record-card-answer.ts';
import type { Database } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { SqlStudyCardRepository } from '../../src/storage/study-card-repository.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';

const T0 = new Date('2026-06-01T09:00:00.000Z');
const DAY = 86_400_000;

const targets: Array<{
  name: string;
  open: () => Promise<{ repo: StudyCardRepository; db?: Database }>;
  close: () => Promise<void>;
}> = [
  { name: 'memory', open: async () => ({ repo: new MemoryStudyCardRepository() }), close: async () => {} },
  ...testDatabases().map((t) => ({
    name: t.name,
    open: async () => {
      const db = await t.open();
      await migrate(db);
      return { repo: new SqlStudyCardRepository(db), db };
    },
    close: () => t.close(),
  })),
];

describe.each(targets)('StudyCardRepository on $name', (target) => {
  let repo: StudyCardRepository;
  let db: Database | undefined;
  beforeAll(async () => {
    ({ repo, db } = await target.open());
  });
  afterAll(() => target.close());

  const answer = (team: string, user: string, questionId: string, correct: boolean, at: Date) =>
    recordCardAnswer(repo, { teamId: team, userId: user, questionId, correct, source: 'review', at });

  it('reads a card back exactly as ts-fsrs left it', async () => {
    const team = uniqueId('T');
    const first = await answer(team, 'U1', 'q-1', true, T0);
    const second = await answer(team, 'U1', 'q-1', false, new Date(T0.getTime() + 11 * 60_000));
    if (first.status !== 'saved' || second.status !== 'saved') throw new Error('expected saves');
    const stored = await repo.card(team, 'U1', 'q-1');
    expect(stored).toEqual(second.card);
    expect(stored?.fsrs.reps).toBe(2);
    expect(stored?.lastRating).toBe(Rating.Again);
    expect(await repo.card(team, 'U2', 'q-1')).toBeUndefined();
  });

  it('twenty answers to the same card at once move it once', async () => {
    const team = uniqueId('T');
    await answer(team, 'U1', 'q-race', true, T0);
    const later = new Date(T0.getTime() + DAY);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        recordCardAnswer(repo, {
          teamId: team,
          userId: 'U1',
          questionId: 'q-race',
          correct: true,
          source: 'review',
          at: later,
          expectedReps: 1,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'saved')).toHaveLength(1);
    expect((await repo.card(team, 'U1', 'q-race'))?.fsrs.reps).toBe(2);
    expect(await repo.reviewCounts(team, 'U1', T0)).toEqual({ newCards: 1, reviews: 1 });
  });

  it('twenty first answers to a new card at once create it once', async () => {
    const team = uniqueId('T');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => answer(team, 'U1', 'q-new', true, T0)),
    );
    expect(results.filter((r) => r.status === 'saved')).toHaveLength(1);
    expect(await repo.reviewCounts(team, 'U1', T0)).toEqual({ newCards: 1, reviews: 0 });
  });

  it("lists a person's due and upcoming cards, earliest first, and nobody else's", async () => {
    const team = uniqueId('T');
    // Wrong → due in a minute (learning step); right → due in 10 minutes.
    await answer(team, 'U1', 'q-b', true, T0);
    await answer(team, 'U1', 'q-a', false, T0);
    await answer(team, 'U1', 'q-c', true, new Date(T0.getTime() - 60_000));
    await answer(team, 'U2', 'q-z', false, T0);
    await answer(uniqueId('T'), 'U1', 'q-y', false, T0);

    const in5 = new Date(T0.getTime() + 5 * 60_000);
    expect((await repo.due(team, 'U1', in5, 10)).map((c) => c.questionId)).toEqual(['q-a']);
    expect((await repo.upcoming(team, 'U1', in5, 10)).map((c) => c.questionId)).toEqual(['q-c', 'q-b']);
    expect((await repo.upcoming(team, 'U1', in5, 1)).map((c) => c.questionId)).toEqual(['q-c']);
    const in1h = new Date(T0.getTime() + 3_600_000);
    expect((await repo.due(team, 'U1', in1h, 10)).map((c) => c.questionId)).toEqual(['q-a', 'q-c', 'q-b']);
    expect([...(await repo.questionIds(team, 'U1'))].sort()).toEqual(['q-a', 'q-b', 'q-c']);
  });

  it('daily counts see review-session answers since the given instant only', async () => {
    const team = uniqueId('T');
    await recordCardAnswer(repo, {
      teamId: team,
      userId: 'U1',
      questionId: 'q-daily',
      correct: true,
      source: 'daily',
      at: T0,
    });
    await answer(team, 'U1', 'q-daily', true, new Date(T0.getTime() + 3_600_000)); // a review of a seen card
    await answer(team, 'U1', 'q-old', true, new Date(T0.getTime() - DAY)); // yesterday
    await answer(team, 'U1', 'q-new', true, T0);
    expect(await repo.reviewCounts(team, 'U1', T0)).toEqual({ newCards: 1, reviews: 1 });
    expect(await repo.reviewCounts(team, 'U1', new Date(T0.getTime() - DAY))).toEqual({
      newCards: 2,
      reviews: 1,
    });
  });

  it("lists a person's cards with how many answers were right, in question id order", async () => {
    const team = uniqueId('T');
    await answer(team, 'U1', 'q-2', true, T0);
    await answer(team, 'U1', 'q-2', false, new Date(T0.getTime() + 11 * 60_000));
    await answer(team, 'U1', 'q-2', true, new Date(T0.getTime() + DAY));
    await recordCardAnswer(repo, {
      teamId: team,
      userId: 'U1',
      questionId: 'q-1',
      correct: false,
      source: 'daily',
      at: T0,
    });
    await answer(team, 'U2', 'q-1', true, T0);
    const records = await repo.records(team, 'U1');
    expect(records.map((r) => [r.questionId, r.fsrs.reps, r.correctAnswers])).toEqual([
      ['q-1', 1, 0],
      ['q-2', 3, 2],
    ]);
    expect(records[1]).toMatchObject((await repo.card(team, 'U1', 'q-2')) as object);
    expect(await repo.records(team, 'U3')).toEqual([]);
  });

  it.runIf(target.name !== 'memory')('the review log is append-only', async () => {
    const team = uniqueId('T');
    await answer(team, 'U1', 'q-log', false, T0);
    await expect(
      db?.query('UPDATE study_card_reviews SET rating = 4 WHERE team_id = $1', [team]),
    ).rejects.toThrow(/append-only/);
    await expect(db?.query('DELETE FROM study_card_reviews WHERE team_id = $1', [team])).rejects.toThrow(
      /append-only/,
    );
    const { rows } = await (db as Database).query<{ rating: number; state: number }>(
      'SELECT rating, state FROM study_card_reviews WHERE team_id = $1',
      [team],
    );
    expect(rows).toEqual([{ rating: Rating.Again, state: State.New }]);
  });

  it('dueCount counts the person’s cards due at or before now', async () => {
    const team = uniqueId('T');
    await answer(team, 'U1', 'q-1', false, T0);
    await answer(team, 'U1', 'q-2', false, T0);
    await answer(team, 'U2', 'q-1', false, T0);
    expect(await repo.dueCount(team, 'U1', T0)).toBe(0);
    expect(await repo.dueCount(team, 'U1', new Date(T0.getTime() + DAY))).toBe(2);
    expect(await repo.dueCount(team, 'U3', new Date(T0.getTime() + DAY))).toBe(0);
  });
});
