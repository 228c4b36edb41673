/**
 * Daily limits of a review session (pure), so a long absence does not come back as a wall of
 * cards (issue 12, item 2: "limits that prevent backlog avalanches"). Defaults follow Anki's
 * (20 new / 200 reviews a day) halved for a one-question-at-a-time chat: 10 new, 100 reviews.
 * A day is the local calendar day in `timeZone` (DST-safe, via @date-fns/tz).
 */

import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import type { ReviewCounts } from './ports.ts';

/** Cards a person may see per local day in `/saa review` (REVIEW_NEW_PER_DAY, REVIEW_MAX_PER_DAY). */
export interface ReviewLimits {
  /** Questions never answered before, introduced per day. 0 turns new cards off. */
  newPerDay: number;
  /** Answers to cards seen before (due or ahead), per day. */
  reviewsPerDay: number;
}

/** Defaults when configuration says nothing. */
export const DEFAULT_REVIEW_LIMITS: ReviewLimits = { newPerDay: 10, reviewsPerDay: 100 };

/** How many more new cards and reviews today, never below 0. */
export function reviewAllowance(
  done: ReviewCounts,
  limits: ReviewLimits,
): { newLeft: number; reviewsLeft: number } {
  return {
    newLeft: Math.max(0, limits.newPerDay - done.newCards),
    reviewsLeft: Math.max(0, limits.reviewsPerDay - done.reviews),
  };
}

/** Midnight starting `now`'s local day in `timeZone` (an IANA zone), as an instant. */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  return new Date(startOfDay(new TZDate(now, timeZone)).getTime());
}
