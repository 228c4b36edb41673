/**
 * What the review use cases (next-review.ts, answer-review.ts) read from the quiz context: the
 * question bank and team questions, the cards, the clock, the daily limits and the time zone
 * whose local day they count in (QUIZ_TIMEZONE). A full QuizContext is one.
 */

import type { QuizContext } from '../daily-quiz/quiz-context.ts';

/** The part of {@link QuizContext} reviews use. */
export type ReviewContext = Pick<
  QuizContext,
  'bank' | 'reviews' | 'cards' | 'ready' | 'clock' | 'reviewLimits' | 'defaults'
>;
