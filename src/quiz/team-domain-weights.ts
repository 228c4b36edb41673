/**
 * How strongly the daily pick leans toward each exam domain, from the team's answers (pure;
 * issue 12, item 5: "the channel's daily pick prefers the team's weakest domain, weighted by exam
 * weight, with a floor so every domain still comes up").
 *
 * weight(domain) = examWeight × (1 − accuracy + {@link ACCURACY_FLOOR}), where accuracy is the
 * team's share of right answers on that domain's questions, smoothed as (right + 1) / (answered + 2)
 * (Laplace's rule of succession: a domain nobody answered counts as 0.5, one answer moves it
 * little). Exam weights: the SAA-C03 exam guide (exam-guide.ts). With the floor at 0.2 a domain
 * the team always gets right keeps 0.2 / 1.2 = 1/6 of the weight of one it always misses, so it
 * still comes up. Questions without a domain tag form their own group with the mean exam weight.
 */

import { type Domain, EXAM_DOMAINS } from './exam-guide.ts';
import type { Question } from './question.ts';

/** One question's results for a team: answers recorded (daily and practice) and how many were right. */
export interface QuestionResult {
  questionId: string;
  answered: number;
  correct: number;
}

/** The group a question's domain weight is looked up by: its domain, or `untagged`. */
export type DomainKey = Domain | 'untagged';

/** Added to (1 − accuracy), so a domain the team has mastered keeps some weight. */
export const ACCURACY_FLOOR = 0.2;
/**
 * Below this many answers in the window the team's accuracy says little: the pick stays the plain
 * one (uniform over the questions left, which follows the bank's domain mix).
 */
export const MIN_TEAM_ANSWERS = 10;

const UNTAGGED_EXAM_WEIGHT = 1 / EXAM_DOMAINS.length;

/** The weight key of a question. */
export function domainKeyOf(q: Pick<Question, 'domain'>): DomainKey {
  return q.domain ?? 'untagged';
}

/** Per-domain weights (positive numbers, not normalized); see the file's contract for the formula. */
export type DomainWeights = ReadonlyMap<DomainKey, number>;

/**
 * The team's domain weights from per-question results. Results of ids not in `bank` (questions
 * since removed) are ignored.
 * @returns null when the team has fewer than {@link MIN_TEAM_ANSWERS} answers on `bank`'s questions.
 */
export function teamDomainWeights(
  bank: readonly Pick<Question, 'id' | 'domain'>[],
  results: readonly QuestionResult[],
): DomainWeights | null {
  const keyById = new Map(bank.map((q) => [q.id, domainKeyOf(q)]));
  const tally = new Map<DomainKey, { answered: number; correct: number }>();
  let total = 0;
  for (const r of results) {
    const key = keyById.get(r.questionId);
    if (!key) continue;
    const t = tally.get(key) ?? { answered: 0, correct: 0 };
    t.answered += r.answered;
    t.correct += r.correct;
    tally.set(key, t);
    total += r.answered;
  }
  if (total < MIN_TEAM_ANSWERS) return null;
  const examWeight = new Map<DomainKey, number>([
    ...EXAM_DOMAINS.map((d) => [d.domain, d.weight] as const),
    ['untagged', UNTAGGED_EXAM_WEIGHT],
  ]);
  const weights = new Map<DomainKey, number>();
  for (const [key, w] of examWeight) {
    const t = tally.get(key) ?? { answered: 0, correct: 0 };
    const accuracy = (t.correct + 1) / (t.answered + 2);
    weights.set(key, w * (1 - accuracy + ACCURACY_FLOOR));
  }
  return weights;
}
