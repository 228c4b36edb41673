/**
 * The use cases behind 👍/👎 (issue 13, item 3): record a person's rating of an answer, and add
 * the reason of a 👎. Input comes from Slack payloads, so it is checked here: a rating is `up` or
 * `down`, a reason one of {@link FEEDBACK_REASONS}, a comment at most
 * {@link MAX_FEEDBACK_COMMENT_CHARS} characters.
 * @throws DatabaseUnavailableError when the database is down (callers say "try again").
 */

import type { Source } from '../answer/answer-types.ts';
import { RATING_NOT_SAVED } from '../user-messages.ts';
import {
  answerKey,
  FEEDBACK_REASONS,
  type FeedbackRating,
  type FeedbackReason,
  type FeedbackRepository,
  MAX_FEEDBACK_COMMENT_CHARS,
} from './ports.ts';

/** What the feedback use cases need. */
export interface FeedbackContext {
  feedback: FeedbackRepository;
  clock: () => Date;
  /** Resolves once the database is migrated; rejects while it is down. */
  ready: () => Promise<void>;
}

/** One click on 👍 or 👎 under an answer. */
export interface RatingInput {
  teamId: string;
  userId: string;
  rating: FeedbackRating;
  question: string;
  answer: string;
  sources: Source[];
  mode: 'extractive' | 'llm';
}

/** Records a rating; resolves with the answer's key (for the 👎 form). */
export async function rateAnswer(ctx: FeedbackContext, input: RatingInput): Promise<string> {
  await ctx.ready();
  const key = answerKey(input.question, input.answer);
  await ctx.feedback.rate({ ...input, answerKey: key }, ctx.clock());
  return key;
}

/** The reason form's outcome: saved, or a message for the form. */
export type ExplainOutcome = { status: 'saved' } | { status: 'invalid'; error: string };

/** Adds the reason and comment to a person's 👎. */
export async function explainRating(
  ctx: FeedbackContext,
  input: { teamId: string; userId: string; answerKey: string; reason: string | undefined; comment: string },
): Promise<ExplainOutcome> {
  const reason = FEEDBACK_REASONS.find((r) => r.reason === input.reason)?.reason as
    | FeedbackReason
    | undefined;
  if (!reason) return { status: 'invalid', error: 'Pick what is wrong with the answer.' };
  const comment = input.comment.trim();
  if (comment.length > MAX_FEEDBACK_COMMENT_CHARS)
    return { status: 'invalid', error: `Keep it under ${MAX_FEEDBACK_COMMENT_CHARS} characters.` };
  await ctx.ready();
  const saved = await ctx.feedback.explain(input, reason, comment, ctx.clock());
  return saved ? { status: 'saved' } : { status: 'invalid', error: RATING_NOT_SAVED };
}
