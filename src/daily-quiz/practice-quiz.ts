/**
 * `/saa quiz` and "Quiz me on this": a personal practice question (ephemeral), recorded for the
 * person's stats but worth no team points.
 */

import { type GradeResult, gradeAnswer } from '../quiz/grade-answer.ts';
import { pickPracticeQuestion } from '../quiz/pick-question.ts';
import type { Question } from '../quiz/question.ts';
import { recordCardAnswerQuietly } from '../spaced-repetition/record-card-answer.ts';
import { type QuizContext, questionById, questionsInRotation } from './quiz-context.ts';

/** How many recent practice questions to avoid repeating. */
const RECENT = 20;

/**
 * Picks a practice question for `userId`, preferring `hint` (a notes file or topic). When the
 * database is down the person still gets a question (recent ones just can't be avoided).
 */
export async function practiceQuestion(
  ctx: QuizContext,
  args: { teamId: string; userId: string; hint?: string },
): Promise<Question | undefined> {
  const recent = await ctx
    .ready()
    .then(() => ctx.responses.recentPracticeIds(args.teamId, args.userId, RECENT))
    .catch((err) => {
      ctx.log.warn('recent practice questions unavailable; one may repeat', { err: (err as Error).message });
      return [] as string[];
    });
  const rotation = await ctx
    .ready()
    .then(() => questionsInRotation(ctx, args.teamId))
    .catch((err) => {
      ctx.log.warn('team questions and reports unavailable; practice from the bundled bank', {
        err: (err as Error).message,
      });
      return [...ctx.bank()];
    });
  const seed = `${args.teamId}:${args.userId}:${ctx.clock().toISOString()}`;
  return pickPracticeQuestion(rotation, {
    topicOrSourceFile: args.hint,
    recentIds: [...recent].reverse(),
    seed,
  })?.question;
}

/**
 * How many answers have moved the person's card for `questionId` (0: none yet), read when a
 * practice question is shown: its buttons carry the count, so a double click or a Slack retry
 * moves the card once (spaced-repetition/record-card-answer.ts, `expectedReps`). Undefined when
 * there are no cards or the database is down (the card is then moved by whichever click comes).
 */
export async function cardReps(
  ctx: QuizContext,
  args: { teamId: string; userId: string; questionId: string },
): Promise<number | undefined> {
  if (!ctx.cards) return undefined;
  const cards = ctx.cards;
  return ctx
    .ready()
    .then(() => cards.card(args.teamId, args.userId, args.questionId))
    .then((card) => card?.fsrs.reps ?? 0)
    .catch(() => undefined);
}

/**
 * A practice question to show and its card's answer count for the buttons: {@link practiceQuestion}
 * then {@link cardReps}. Undefined when the bank is empty.
 */
export async function practiceToShow(
  ctx: QuizContext,
  args: { teamId: string; userId: string; hint?: string },
): Promise<{ question: Question; cardReps: number | undefined } | undefined> {
  const question = await practiceQuestion(ctx, args);
  if (!question) return undefined;
  return { question, cardReps: await cardReps(ctx, { ...args, questionId: question.id }) };
}

/**
 * What a practice answer came to: graded and recorded; `invalid` when the choice is not an
 * option, or not as many options as the question has right ones (nothing recorded); `unknown`
 * when the question left the bank.
 */
export type PracticeOutcome =
  | { status: 'recorded'; question: Question; grade: Extract<GradeResult, { ok: true }> }
  | { status: 'invalid'; question: Question }
  | { status: 'unknown' };

/**
 * Grades and records a practice answer, and moves the person's study card for the question
 * (a card failure is logged, never thrown: spaced-repetition/record-card-answer.ts).
 * @throws DatabaseUnavailableError when it could not be recorded.
 */
export async function answerPractice(
  ctx: QuizContext,
  args: { teamId: string; userId: string; questionId: string; choice: string; expectedReps?: number },
): Promise<PracticeOutcome> {
  const question = await questionById(ctx, args.questionId);
  if (!question) return { status: 'unknown' };
  const grade = gradeAnswer(question, args.choice, 'practice');
  if (!grade.ok) return { status: 'invalid', question };
  await ctx.ready();
  const answeredAt = ctx.clock();
  await ctx.responses.recordPractice({
    teamId: args.teamId,
    userId: args.userId,
    questionId: question.id,
    choice: grade.choice,
    correct: grade.correct,
    answeredAt,
  });
  await recordCardAnswerQuietly(
    ctx.cards,
    {
      teamId: args.teamId,
      userId: args.userId,
      questionId: question.id,
      correct: grade.correct,
      source: 'practice',
      at: answeredAt,
      ...(args.expectedReps !== undefined ? { expectedReps: args.expectedReps } : {}),
    },
    ctx.log,
  );
  return { status: 'recorded', question, grade };
}
