/**
 * An estimated SAA-C03 scaled score with its uncertainty (pure). An estimate, not a prediction:
 * the README's "Exam readiness" section says how it is computed and how wrong it can be.
 *
 * 1. Per domain, the expected share right on an exam question, `p_d = G + (1 − G) × x_d`, where
 *    `G` = 0.25 (a guess among four options) and `x_d` the chance of knowing the answer:
 *    `x_d = (Σ card knowledge over the questions seen + unseen × u_d) / questions` (card
 *    knowledge: domain-mastery.ts), with `u_d = ½ × right_d / (answers_d + 2)` for questions
 *    never practised: half the domain's accuracy (pulled toward 0 while there are few answers).
 *    The half is our assumption, not measured: a question practised must count more than one
 *    never seen, so covering the bank raises the estimate.
 * 2. Overall `p = Σ w_d × p_d` with the exam guide's weights (30/26/24/20 %, src/quiz/exam-guide.ts).
 * 3. Uncertainty: a normal interval over the weighted binomial shares,
 *    `sd = √(Σ w_d² × p_d (1 − p_d) / (answers_d + 1))`, `p ± 1.645 sd` (90 %), clipped to 0..1.
 *    It always contains `p`; few answers in a domain make it wide.
 * 4. Scaled score: piecewise linear, share 0 → 100, {@link PASS_SHARE} → 720 (pass), 1 → 1000.
 *    AWS does not publish its raw-to-scaled mapping (it equates exam forms); 72 % right for a
 *    pass is our assumption.
 * Under {@link MIN_ANSWERS} answers in all there is no estimate ("not enough answers yet").
 */

import type { DomainMastery } from './domain-mastery.ts';

/** Chance of a right answer by guessing among four options. */
export const GUESS_SHARE = 0.25;
/** How much of the domain's accuracy a question never practised is credited with (an assumption). */
export const UNSEEN_SHARE = 0.5;
/** Assumed share right that scores 720, the pass mark. */
export const PASS_SHARE = 0.72;
/** The pass mark on AWS's scale (100–1000). */
export const PASS_SCORE = 720;
/** Answers in all (daily, practice, review) before any estimate is shown. */
export const MIN_ANSWERS = 30;
/** Two-sided 90 % normal quantile. */
const Z90 = 1.645;

/** An estimate, or why there is none. Scores are on AWS's 100–1000 scale. */
export type ScoreEstimate =
  | { status: 'not-enough'; answers: number; needed: number }
  | {
      status: 'estimate';
      /** Expected share right (0..1), and its 90 % interval. */
      share: number;
      shareLow: number;
      shareHigh: number;
      score: number;
      low: number;
      high: number;
      /** Answers the estimate rests on. */
      answers: number;
    };

/** Share right (0..1) → scaled score (100–1000), piecewise linear through (PASS_SHARE, 720). */
export function scaledScore(share: number): number {
  const s = Math.min(1, Math.max(0, share));
  const scaled =
    s <= PASS_SHARE
      ? 100 + (s / PASS_SHARE) * (PASS_SCORE - 100)
      : PASS_SCORE + ((s - PASS_SHARE) / (1 - PASS_SHARE)) * (1000 - PASS_SCORE);
  return Math.round(scaled);
}

/** The estimate from the person's per-domain mastery (domain-mastery.ts). */
export function scoreEstimate(domains: readonly DomainMastery[]): ScoreEstimate {
  const answers = domains.reduce((n, d) => n + d.answers, 0);
  if (answers < MIN_ANSWERS) return { status: 'not-enough', answers, needed: MIN_ANSWERS };
  const weights = domains.reduce((n, d) => n + d.weight, 0);
  let share = 0;
  let variance = 0;
  for (const d of domains) {
    const w = d.weight / weights;
    const unseenKnown = (UNSEEN_SHARE * d.correct) / (d.answers + 2);
    const known = d.questions
      ? (d.knowledgeSum + (d.questions - d.seen) * unseenKnown) / d.questions
      : unseenKnown;
    const p = GUESS_SHARE + (1 - GUESS_SHARE) * known;
    share += w * p;
    variance += (w * w * p * (1 - p)) / (d.answers + 1);
  }
  const half = Z90 * Math.sqrt(variance);
  const shareLow = Math.max(0, share - half);
  const shareHigh = Math.min(1, share + half);
  return {
    status: 'estimate',
    share,
    shareLow,
    shareHigh,
    score: scaledScore(share),
    low: scaledScore(shareLow),
    high: scaledScore(shareHigh),
    answers,
  };
}
