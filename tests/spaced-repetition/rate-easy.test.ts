/**
 * The "Easy" button after a right answer in `/saa review` (issue 12, item 1), on the real
 * repositories (PGlite and Postgres) and in memory: the card becomes exactly what ts-fsrs itself
 * computes for the card before the answer rated Easy; a second click changes nothing; a wrong
 * answer cannot be made Easy; the log keeps the answer and adds the correction, which neither
 * counts as a review toward the daily limit nor as another right answer.
 */

import { createEmptyCard, fsrs, type Grade, Rating } from 'ts-fsrs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEDULER_PARAMETERS } from '../../src/spaced-repetition/fsrs-scheduler.ts';
import { MemoryStudyCardRepository } from '../../src/spaced-repetition/memory-study-cards.ts';
import type { StudyCardRepository } from '../../src/spaced-repetition/ports.ts';
import { rateEasy } from '../../src/spaced-repetition/rate-easy.ts';
import { recordCardAnswer } from '../../src/spaced-repetition/record-card-answer.ts';
import type { Database } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { SqlStudyCardRepository } from '../../src/storage/study-card-repository.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';

const DAY = 86_400_000;
const reference = fsrs(SCHEDULER_PARAMETERS);

const targets = [
  ...testDatabases().map((t) => ({
    name: t.name,
    async open(): Promise<StudyCardRepository> {
      const db: Database = await t.open();
      await migrate(db);
      return new SqlStudyCardRepository(db);
    },
    close: () => t.close(),
  })),
  { name: 'memory', open: async () => new MemoryStudyCardRepository(), close: async () => undefined },
];

describe.each(targets)('Easy button on $name', (target) => {
  let cards: StudyCardRepository;
  beforeAll(async () => {
    cards = await target.open();
  });
  afterAll(() => target.close());

  /** Answers q1 right or wrong (`correct`), each at the card's due date; returns the answer times. */
  async function answer(team: string, user: string, correct: boolean[], start: Date): Promise<Date[]> {
    const times: Date[] = [];
    let at = start;
    for (const c of correct) {
      const result = await recordCardAnswer(cards, {
        teamId: team,
        userId: user,
        questionId: 'q1',
        correct: c,
        source: 'review',
        at,
      });
      if (result.status !== 'saved') throw new Error('not saved');
      times.push(at);
      at = new Date(Math.max(result.card.fsrs.due.getTime(), at.getTime() + 60_000));
    }
    return times;
  }

  /** ts-fsrs on its own: the ratings at the times, the last one replaced by Easy. */
  function expected(ratings: Grade[], times: Date[]) {
    let card = createEmptyCard(times[0]);
    ratings.forEach((r, i) => {
      const last = i === ratings.length - 1;
      card = reference.next(card, times[i] as Date, last ? Rating.Easy : r).card;
    });
    return card;
  }

  it.each([
    ['a first answer (new card)', [true], [Rating.Good]],
    ['a learning card', [true, true], [Rating.Good, Rating.Good]],
    ['a card in review after a miss', [true, true, true, false, true], [3, 3, 3, 1, 2] as Grade[]],
  ])('re-rates %s exactly as ts-fsrs schedules it rated Easy, once', async (_name, correct, ratings) => {
    const team = uniqueId('T');
    const user = uniqueId('U');
    const times = await answer(team, user, correct, new Date('2026-05-01T10:00:00Z'));
    const before = await cards.card(team, user, 'q1');
    const reps = correct.length;
    expect(before?.lastRating).toBe(ratings[ratings.length - 1]);

    const first = await rateEasy(cards, { teamId: team, userId: user, questionId: 'q1', reps });
    expect(first.status).toBe('rated');
    const stored = await cards.card(team, user, 'q1');
    const want = expected(ratings as Grade[], times);
    expect(stored?.fsrs).toEqual(want);
    expect(stored?.lastRating).toBe(Rating.Easy);
    // Easy waits longer than the answer's own rating did.
    expect(want.due.getTime()).toBeGreaterThan(before?.fsrs.due.getTime() ?? 0);

    expect(await rateEasy(cards, { teamId: team, userId: user, questionId: 'q1', reps })).toEqual({
      status: 'unchanged',
    });
    expect((await cards.card(team, user, 'q1'))?.fsrs).toEqual(want);
    // The correction is not another review today, nor another right answer.
    expect(await cards.reviewCounts(team, user, new Date(0))).toMatchObject({
      newCards: 1,
      reviews: reps - 1,
    });
    const record = (await cards.records(team, user))[0];
    expect(record?.correctAnswers).toBe(correct.filter(Boolean).length);
  });

  it('a wrong answer cannot be made Easy; nor an answer the card has moved past', async () => {
    const team = uniqueId('T');
    const user = uniqueId('U');
    await answer(team, user, [false], new Date('2026-05-01T10:00:00Z'));
    const wrong = await cards.card(team, user, 'q1');
    expect(await rateEasy(cards, { teamId: team, userId: user, questionId: 'q1', reps: 1 })).toEqual({
      status: 'unchanged',
    });
    expect(await cards.card(team, user, 'q1')).toEqual(wrong);

    await answer(team, user, [true], new Date(Date.parse('2026-05-01T10:00:00Z') + DAY));
    await answer(team, user, [true], new Date(Date.parse('2026-05-01T10:00:00Z') + 3 * DAY));
    const now = await cards.card(team, user, 'q1');
    // The button under the 2nd answer (reps 2) after a 3rd answer: nothing changes.
    expect(await rateEasy(cards, { teamId: team, userId: user, questionId: 'q1', reps: 2 })).toEqual({
      status: 'unchanged',
    });
    expect(await cards.card(team, user, 'q1')).toEqual(now);
  });
});
