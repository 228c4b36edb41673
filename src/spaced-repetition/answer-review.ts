/**
 * An answer in `/saa review`: graded like a practice question (no points), and the card moved by
 * FSRS (record-card-answer.ts). The buttons carry the card's answer count when it was shown, so a
 * double click or a Slack retry moves the card once; the later click is told it was answered.
 */

import { questionById } from '../daily-quiz/quiz-context.ts';
import { type GradeResult, gradeAnswer } from '../quiz/grade-answer.ts';
import type { Question } from '../quiz/question.ts';
import type { StudyCard } from './ports.ts';
import { recordCardAnswer } from './record-card-answer.ts';
import type { ReviewContext } from './review-context.ts';

/**
 * What a review answer came to: `recorded` with the grade and the card after it (its `fsrs.due`
 * is the next review); `stale` when the card was answered since it was shown (nothing changed);
 * `invalid` when the choice is not a possible answer; `unknown` when the question left the bank
 * or this bot has no card storage.
 */
export type ReviewOutcome =
  | { status: 'recorded'; question: Question; grade: Extract<GradeResult, { ok: true }>; card: StudyCard }
  | { status: 'stale'; question: Question }
  | { status: 'invalid'; question: Question }
  | { status: 'unknown' };

/**
 * Grades `choice` to `questionId` and moves the person's card, if it still has `reps` answers.
 * @throws DatabaseUnavailableError when the database is down (nothing recorded).
 */
export async function answerReview(
  ctx: ReviewContext,
  args: { teamId: string; userId: string; questionId: string; choice: string; reps: number },
): Promise<ReviewOutcome> {
  if (!ctx.cards) return { status: 'unknown' };
  const question = await questionById(ctx, args.questionId);
  if (!question) return { status: 'unknown' };
  const grade = gradeAnswer(question, args.choice, 'practice');
  if (!grade.ok) return { status: 'invalid', question };
  await ctx.ready();
  const result = await recordCardAnswer(ctx.cards, {
    teamId: args.teamId,
    userId: args.userId,
    questionId: question.id,
    correct: grade.correct,
    source: 'review',
    at: ctx.clock(),
    expectedReps: args.reps,
  });
  return result.status === 'saved'
    ? { status: 'recorded', question, grade, card: result.card }
    : { status: 'stale', question };
}
