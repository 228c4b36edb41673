/**
 * Daily-quiz clicks and practice answers move the person's study card (issue 12, item 1), on the
 * in-memory repositories: a wrong answer rates Again, a right one Good, a right one after a wrong
 * one Hard; a daily answer counted once moves the card once, however many clicks arrive; and a
 * card that cannot be stored never costs the click its score.
 */

import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerDailyQuiz } from '../../src/daily-quiz/answer-daily-quiz.ts';
import { postDailyQuiz } from '../../src/daily-quiz/post-daily-quiz.ts';
import { answerPractice, cardReps } from '../../src/daily-quiz/practice-quiz.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import type { Question } from '../../src/quiz/question.ts';
import { SCHEDULER_PARAMETERS } from '../../src/spaced-repetition/fsrs-scheduler.ts';
import { MemoryStudyCardRepository } from '../../src/spaced-repetition/memory-study-cards.ts';
import { uniqueId } from '../helpers/ids.ts';
import {
  loadRealSingleChoiceBank,
  memoryQuizRepositories,
  quizContextOver,
  recordingLog,
  standInMessenger,
} from '../helpers/quiz-harness.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';

/** Card storage that is down: every save fails, as SQL does when the table cannot be written. */
class UnavailableCards extends MemoryStudyCardRepository {
  override async save(): Promise<boolean> {
    throw new Error('study cards are unavailable');
  }
}

// The rules, on the in-memory repositories (their contract tests hold them to SQL's behaviour).
describe('study cards from quiz answers on memory', () => {
  const repositories = memoryQuizRepositories();
  let standIn: SlackStandIn;
  let bank: Question[];
  let ctx: QuizContext;
  const clock = new TestClock('2026-06-01T09:00:00Z');
  const rec = recordingLog();

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    bank = await loadRealSingleChoiceBank();
    ctx = quizContextOver(repositories, { bank, clock, messenger: standInMessenger(standIn), log: rec.log });
  });
  afterAll(async () => {
    await standIn?.close();
  });

  const wrongKey = (q: Question) => q.options.find((o) => !q.correctKeys.includes(o.key))?.key ?? 'A';

  it('a daily answer counted once moves the card once, however many clicks arrive', async () => {
    const team = uniqueId('T');
    const posted = await postDailyQuiz(ctx, team, uniqueId('C'));
    if (posted.status !== 'posted') throw new Error(`expected a post, got ${posted.status}`);
    const question = bank.find((q) => q.id === posted.post.questionId) as Question;
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        answerDailyQuiz(ctx, {
          teamId: team,
          userId: 'U1',
          quizId: posted.post.id,
          choice: wrongKey(question),
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'recorded')).toHaveLength(1);

    const card = await ctx.cards?.card(team, 'U1', question.id);
    expect(card?.fsrs.reps).toBe(1);
    expect(card?.lastRating).toBe(Rating.Again);
    // As ts-fsrs schedules a first Again: the first learning step.
    const expected = fsrs(SCHEDULER_PARAMETERS).next(createEmptyCard(clock.now()), clock.now(), Rating.Again);
    expect(card?.fsrs.due).toEqual(expected.card.due);
    expect(rec.errors()).toEqual([]);
  });

  it('practice: wrong → Again, then right → Hard, then right → Good', async () => {
    const team = uniqueId('T');
    const question = bank[0] as Question;
    const ratings: number[] = [];
    for (const choice of [
      wrongKey(question),
      question.correctKeys.join(','),
      question.correctKeys.join(','),
    ]) {
      clock.advance(86_400_000);
      const outcome = await answerPractice(ctx, {
        teamId: team,
        userId: 'U2',
        questionId: question.id,
        choice,
      });
      expect(outcome.status).toBe('recorded');
      ratings.push((await ctx.cards?.card(team, 'U2', question.id))?.lastRating ?? 0);
    }
    expect(ratings).toEqual([Rating.Again, Rating.Hard, Rating.Good]);
    expect((await ctx.cards?.card(team, 'U2', question.id))?.fsrs.reps).toBe(3);
  });

  it('practice: clicks on one shown question (a double click, a Slack retry) move the card once', async () => {
    const team = uniqueId('T');
    const question = bank[1] as Question;
    const shownWith = await cardReps(ctx, { teamId: team, userId: 'U4', questionId: question.id });
    expect(shownWith).toBe(0);
    for (let i = 0; i < 3; i++) {
      const outcome = await answerPractice(ctx, {
        teamId: team,
        userId: 'U4',
        questionId: question.id,
        choice: wrongKey(question),
        expectedReps: shownWith,
      });
      expect(outcome.status).toBe('recorded');
    }
    expect((await ctx.cards?.card(team, 'U4', question.id))?.fsrs.reps).toBe(1);
    // Shown again later, it moves again.
    clock.advance(86_400_000);
    const later = await cardReps(ctx, { teamId: team, userId: 'U4', questionId: question.id });
    await answerPractice(ctx, {
      teamId: team,
      userId: 'U4',
      questionId: question.id,
      choice: question.correctKeys.join(','),
      expectedReps: later,
    });
    expect((await ctx.cards?.card(team, 'U4', question.id))?.fsrs.reps).toBe(2);
  });

  it('a card that cannot be stored is logged, and the click still scores', async () => {
    const team = uniqueId('T');
    const posted = await postDailyQuiz(ctx, team, uniqueId('C'));
    if (posted.status !== 'posted') throw new Error(`expected a post, got ${posted.status}`);
    const question = bank.find((q) => q.id === posted.post.questionId) as Question;
    const cardsDown = quizContextOver(repositories, {
      bank,
      clock,
      messenger: standInMessenger(standIn),
      log: rec.log,
      cards: new UnavailableCards(),
    });
    const outcome = await answerDailyQuiz(cardsDown, {
      teamId: team,
      userId: 'U3',
      quizId: posted.post.id,
      choice: question.correctKeys.join(','),
    });
    expect(outcome).toMatchObject({ status: 'recorded', grade: { correct: true, points: 10 } });
    expect(await ctx.responses.quizStats(posted.post.id)).toMatchObject({ answered: 1, correct: 1 });
    expect(rec.errors().map((l) => l.args[0])).toEqual([
      'study card update failed; the answer itself was recorded',
    ]);
    expect(await ctx.cards?.card(team, 'U3', question.id)).toBeUndefined();
  });
});
