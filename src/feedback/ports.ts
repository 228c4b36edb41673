/**
 * The storage port of answer feedback (issue 13, item 3): 👍/👎 under every answer, with the
 * question, the answer, its sources and mode, and for a 👎 an optional reason. Implemented on
 * SQL (src/storage/feedback-repository.ts, Postgres and PGlite) and in memory
 * (memory-feedback.ts, for rule tests).
 */

import { createHash } from 'node:crypto';
import type { Source } from '../answer/answer-types.ts';

/** 👍 or 👎. */
export type FeedbackRating = 'up' | 'down';
/** Why an answer got 👎 (the form's choices). */
export type FeedbackReason = 'wrong' | 'not_in_notes' | 'too_long';

/** 👎 reasons, in the order the form shows them, with their labels. */
export const FEEDBACK_REASONS: ReadonlyArray<{ reason: FeedbackReason; label: string }> = [
  { reason: 'wrong', label: 'It is wrong' },
  { reason: 'not_in_notes', label: 'It is not what my notes say' },
  { reason: 'too_long', label: 'It is too long' },
];

/** Longest feedback comment kept (chars); the form's input is capped the same way. */
export const MAX_FEEDBACK_COMMENT_CHARS = 500;

/** One person's feedback on one answer in a workspace. */
export interface AnswerFeedback {
  teamId: string;
  userId: string;
  /** {@link answerKey} of the question and answer. */
  answerKey: string;
  question: string;
  /** The answer's plain text, as the person read it. */
  answer: string;
  sources: Source[];
  mode: 'extractive' | 'llm';
  rating: FeedbackRating;
  /** For a 👎, once the person said why; null otherwise. */
  reason: FeedbackReason | null;
  /** Free text, at most {@link MAX_FEEDBACK_COMMENT_CHARS}; '' when none. */
  comment: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Stored feedback. */
export interface FeedbackRepository {
  /**
   * Records or replaces a person's rating of an answer (a changed mind replaces the rating and
   * clears the reason; the same rating again changes nothing but `updatedAt`).
   */
  rate(f: Omit<AnswerFeedback, 'reason' | 'comment' | 'createdAt' | 'updatedAt'>, at: Date): Promise<void>;
  /** Adds the reason and comment to a person's 👎; resolves false when there is no 👎 to add them to. */
  explain(
    key: { teamId: string; userId: string; answerKey: string },
    reason: FeedbackReason,
    comment: string,
    at: Date,
  ): Promise<boolean>;
  /** Feedback updated at or after `since` (all when absent), newest first. */
  list(since?: Date): Promise<AnswerFeedback[]>;
}

/** The key of an answer: SHA-256 (hex, 64 chars) of its question and text. */
export function answerKey(question: string, answer: string): string {
  return createHash('sha256').update(question).update('\u0000').update(answer).digest('hex');
}
