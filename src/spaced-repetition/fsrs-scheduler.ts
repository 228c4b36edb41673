/**
 * The FSRS scheduler every answer goes through (ts-fsrs 5.4, FSRS-6 default weights), and how a
 * rated answer moves a card (pure: the time comes in as `now`). Fuzz spreads due dates so cards
 * learned together do not all come back on one day; ts-fsrs seeds it from the card and review
 * time, so the same answer always gives the same date.
 */

import {
  type Card,
  createEmptyCard,
  type FSRSParameters,
  fsrs,
  type Grade,
  Rating,
  type ReviewLog,
} from 'ts-fsrs';

/**
 * Scheduler settings. `request_retention` 0.9: ts-fsrs's default, the recall probability a card
 * is scheduled for. `maximum_interval` 365 days: past a year the exam is long over, so a card
 * never waits longer than that. Short-term (re)learning steps stay at ts-fsrs's defaults (1 min,
 * 10 min; relearning 10 min).
 */
export const SCHEDULER_PARAMETERS: Partial<FSRSParameters> = {
  request_retention: 0.9,
  maximum_interval: 365,
  enable_fuzz: true,
};

const scheduler = fsrs(SCHEDULER_PARAMETERS);

/**
 * The card after an answer rated `rating` at `now`, and ts-fsrs's log of it (the card as it was).
 * `card` undefined: a question the person never answered (a new, empty card due now).
 */
export function scheduleAnswer(
  card: Card | undefined,
  rating: Grade,
  now: Date,
): { card: Card; log: ReviewLog } {
  const { card: next, log } = scheduler.next(card ?? createEmptyCard(now), now, rating);
  return { card: next, log };
}

/**
 * The card as if its last answer had been rated Easy: ts-fsrs's `rollback` of `card` by that
 * answer's `log` (the card as it was before), then `next` at the answer's own time with
 * Rating.Easy. Returns the new card and ts-fsrs's log of the Easy rating.
 */
export function rescheduleAsEasy(card: Card, log: ReviewLog): { card: Card; log: ReviewLog } {
  const before = scheduler.rollback(card, log);
  const { card: next, log: easy } = scheduler.next(before, log.review, Rating.Easy);
  return { card: next, log: easy };
}

/** Probability (0–1) that the person recalls the card's answer at `now` (FSRS forgetting curve). */
export function recallProbability(card: Card, now: Date): number {
  return scheduler.get_retrievability(card, now, false);
}
