/**
 * `/saa review`: which card a person sees next (issue 12, item 2). Due cards first, earliest due
 * first, while today's reviews last; then questions never answered, while today's new cards last
 * (review-limits.ts); when nothing is due, "review ahead" shows the cards due soonest. Only
 * questions in the workspace's rotation are shown (reported ones wait for their review). The
 * day is the local day in the quiz time zone (QUIZ_TIMEZONE).
 */

import { questionsInRotation } from '../daily-quiz/quiz-context.ts';
import type { Question } from '../quiz/question.ts';
import { seededOrder } from '../quiz/seeded-hash.ts';
import type { ReviewContext } from './review-context.ts';
import { DEFAULT_REVIEW_LIMITS, reviewAllowance, startOfLocalDay } from './review-limits.ts';

/** Due cards read per step; cards whose question left the rotation are skipped among them. */
const DUE_WINDOW = 50;

/**
 * The next step of a review session.
 * - `card`: show `question`; `reps` is the card's answer count (0 for a new card), which the
 *   answer buttons carry back; `kind` says why it is shown; `dueLeft` due cards left (this one
 *   included, at most {@link DUE_WINDOW} counted), `newLeft` new cards left today.
 * - `nothing-due`: no due card and no new card left today; `nextDue` the soonest card (null: none).
 * - `limit`: today's reviews are done (REVIEW_MAX_PER_DAY); `nextDue` as above.
 * - `off`: this bot has no card storage.
 */
export type ReviewStep =
  | {
      status: 'card';
      question: Question;
      reps: number;
      kind: 'due' | 'new' | 'ahead';
      dueLeft: number;
      newLeft: number;
    }
  | { status: 'nothing-due'; nextDue: Date | null }
  | { status: 'limit'; reviewsPerDay: number; nextDue: Date | null }
  | { status: 'off' };

/**
 * The person's next card. `ahead`: a card not yet due, the soonest (asked for when nothing is due).
 * @throws DatabaseUnavailableError when the database is down.
 */
export async function nextReview(
  ctx: ReviewContext,
  args: { teamId: string; userId: string; ahead?: boolean },
): Promise<ReviewStep> {
  const cards = ctx.cards;
  if (!cards) return { status: 'off' };
  await ctx.ready();
  const { teamId, userId } = args;
  const now = ctx.clock();
  const limits = ctx.reviewLimits ?? DEFAULT_REVIEW_LIMITS;
  const [done, rotation, due] = await Promise.all([
    cards.reviewCounts(teamId, userId, startOfLocalDay(now, ctx.defaults.timeZone)),
    questionsInRotation(ctx, teamId),
    cards.due(teamId, userId, now, DUE_WINDOW),
  ]);
  const { newLeft, reviewsLeft } = reviewAllowance(done, limits);
  const byId = new Map(rotation.map((q) => [q.id, q]));
  const dueShown = due.filter((c) => byId.has(c.questionId));
  const soonest = async () => {
    const upcoming = await cards.upcoming(teamId, userId, now, DUE_WINDOW);
    return upcoming.find((c) => byId.has(c.questionId)) ?? null;
  };
  if (reviewsLeft === 0 && (dueShown.length > 0 || args.ahead)) {
    const next = dueShown[0] ?? (await soonest());
    return { status: 'limit', reviewsPerDay: limits.reviewsPerDay, nextDue: next?.fsrs.due ?? null };
  }
  const first = dueShown[0];
  if (first) {
    const question = byId.get(first.questionId) as Question;
    return {
      status: 'card',
      question,
      reps: first.fsrs.reps,
      kind: 'due',
      dueLeft: dueShown.length,
      newLeft,
    };
  }
  if (args.ahead) {
    const next = await soonest();
    const question = next && byId.get(next.questionId);
    if (next && question)
      return { status: 'card', question, reps: next.fsrs.reps, kind: 'ahead', dueLeft: 0, newLeft };
    return { status: 'nothing-due', nextDue: null };
  }
  if (newLeft > 0) {
    const seen = await cards.questionIds(teamId, userId);
    // A fixed order per person, so new cards come in the same order whenever they ask.
    const [question] = seededOrder(
      rotation.filter((q) => !seen.has(q.id)),
      `${teamId}:${userId}`,
      (q) => q.id,
    );
    if (question) return { status: 'card', question, reps: 0, kind: 'new', dueLeft: 0, newLeft };
  }
  return { status: 'nothing-due', nextDue: (await soonest())?.fsrs.due ?? null };
}
