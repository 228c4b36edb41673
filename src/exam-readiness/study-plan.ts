/**
 * Today's plan (pure): the person's due reviews, plus new questions taken from the weakest domain
 * first, as many as it takes to see the rest of the bank before the exam: `ceil(unseen / days
 * left)` a day (days left counts today, not the exam day; on the exam day, reviews only). Without
 * an exam date, the `/saa review` allowance of new cards (REVIEW_NEW_PER_DAY). Weakest: lowest
 * mastery, then the larger exam weight. `/saa review` shows at most REVIEW_MAX_PER_DAY reviews and
 * REVIEW_NEW_PER_DAY new cards a day: the plan says so when the pace needs more.
 */

import type { Domain } from '../quiz/exam-guide.ts';
import type { DomainMastery } from './domain-mastery.ts';

/** What to do today. */
export interface StudyPlan {
  /** Cards due now (all of them), and how many `/saa review` will show today. */
  due: number;
  reviewsToday: number;
  /** New questions for today, by domain, weakest first (counts > 0 only). */
  newByDomain: Array<{ domain: Domain; name: string; count: number }>;
  /** Their total. */
  newToday: number;
  /** Bank questions never answered. */
  unseen: number;
  /** New questions a day needed to see them all before the exam (null without an exam date). */
  paceNeeded: number | null;
  /** `/saa review`'s daily allowance of new cards (REVIEW_NEW_PER_DAY). */
  newPerDay: number;
}

/**
 * The plan for today. `daysLeft`: days until the exam (null: no date; 0: the exam is today).
 * `limits` are `/saa review`'s daily limits.
 */
export function studyPlan(args: {
  domains: readonly DomainMastery[];
  due: number;
  daysLeft: number | null;
  limits: { newPerDay: number; reviewsPerDay: number };
}): StudyPlan {
  const { domains, due, daysLeft, limits } = args;
  const unseen = domains.reduce((n, d) => n + d.questions - d.seen, 0);
  const paceNeeded = daysLeft === null ? null : daysLeft <= 0 ? 0 : Math.ceil(unseen / daysLeft);
  let left = Math.min(unseen, paceNeeded ?? limits.newPerDay);
  const newByDomain: StudyPlan['newByDomain'] = [];
  const weakestFirst = [...domains].sort((a, b) => a.mastery - b.mastery || b.weight - a.weight);
  for (const d of weakestFirst) {
    const count = Math.min(left, d.questions - d.seen);
    if (count <= 0) continue;
    newByDomain.push({ domain: d.domain, name: d.name, count });
    left -= count;
  }
  return {
    due,
    reviewsToday: Math.min(due, limits.reviewsPerDay),
    newByDomain,
    newToday: newByDomain.reduce((n, x) => n + x.count, 0),
    unseen,
    paceNeeded,
    newPerDay: limits.newPerDay,
  };
}
