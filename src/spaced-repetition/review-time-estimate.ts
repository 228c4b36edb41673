/**
 * How long a person's due reviews take, for the reminder ("7 cards due, ~4 min"). Pure.
 * {@link SECONDS_PER_CARD} is our estimate, not a measurement: reading an exam-style scenario
 * question again, answering from memory and glancing at the explanation. For scale, the exam
 * itself allows 2 minutes a question (SAA-C03: 130 minutes for 65 questions), and a question one
 * has answered before goes faster; 35 s makes the example (7 cards, ~4 min) come out.
 */

/** Seconds one review takes, on average (see the file's contract). */
export const SECONDS_PER_CARD = 35;

/** Minutes `cards` reviews take, rounded to the nearest minute, at least 1. */
export function reviewMinutes(cards: number): number {
  return Math.max(1, Math.round((cards * SECONDS_PER_CARD) / 60));
}
