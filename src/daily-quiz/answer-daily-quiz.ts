/**
 * A click on a daily-quiz button. The (quiz, user) primary key makes it count once: Slack
 * retries (X-Slack-Retry-Num) and double clicks land on the key and get the first answer back.
 * The first answer also moves the person's study card for the question (spaced-repetition/),
 * which never makes the click fail.
 */

import { type GradeResult, gradeAnswer } from '../quiz/grade-answer.ts';
import type { Question } from '../quiz/question.ts';
import { recordCardAnswerQuietly } from '../spaced-repetition/record-card-answer.ts';
import { type QuizContext, questionById } from './quiz-context.ts';

/** What the person is told. */
export type AnswerOutcome =
  | { status: 'recorded'; question: Question; grade: Extract<GradeResult, { ok: true }> }
  | { status: 'duplicate'; question: Question; firstChoice: string }
  | { status: 'closed'; question: Question }
  /** A multiple-response Submit with the wrong number of options ticked: nothing recorded. */
  | { status: 'incomplete'; question: Question }
  | { status: 'unknown' };

/**
 * Records `userId`'s answer `choice` to quiz `quizId`.
 * @throws DatabaseUnavailableError when the database is down (nothing was recorded).
 */
export async function answerDailyQuiz(
  ctx: QuizContext,
  args: { teamId: string; userId: string; quizId: number; choice: string },
): Promise<AnswerOutcome> {
  await ctx.ready();
  const post = await ctx.posts.get(args.quizId);
  if (!post || post.teamId !== args.teamId) return { status: 'unknown' };
  const question = await questionById(ctx, post.questionId);
  if (!question) return { status: 'unknown' };
  if (post.revealedAt) return { status: 'closed', question };
  const grade = gradeAnswer(question, args.choice, 'daily');
  if (!grade.ok)
    return question.correctKeys.length > 1 ? { status: 'incomplete', question } : { status: 'unknown' };
  const answeredAt = ctx.clock();
  const result = await ctx.responses.recordDaily({
    quizId: post.id,
    teamId: args.teamId,
    userId: args.userId,
    choice: grade.choice,
    correct: grade.correct,
    points: grade.points,
    answeredAt,
  });
  if (result.status === 'duplicate')
    return { status: 'duplicate', question, firstChoice: result.existing.choice };
  ctx.onAnswered?.(post);
  await recordCardAnswerQuietly(
    ctx.cards,
    {
      teamId: args.teamId,
      userId: args.userId,
      questionId: question.id,
      correct: grade.correct,
      source: 'daily',
      at: answeredAt,
    },
    ctx.log,
  );
  return { status: 'recorded', question, grade };
}
