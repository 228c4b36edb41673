/**
 * Exam readiness for one person (issue 12, item 4): days left to their exam date, mastery per
 * domain (domain-mastery.ts), the estimated scaled score (score-estimate.ts) and today's plan
 * (study-plan.ts). Reads two things: the exam date and the person's cards (one index range scan
 * of `study_cards`); the rest is computed here.
 */

import type { Question } from '../quiz/question.ts';
import type { StudyCardRepository } from '../spaced-repetition/ports.ts';
import type { ReviewLimits } from '../spaced-repetition/review-limits.ts';
import { type DomainMastery, domainMastery } from './domain-mastery.ts';
import { daysBetween, localDate } from './exam-date.ts';
import type { ExamDateRepository } from './ports.ts';
import { type ScoreEstimate, scoreEstimate } from './score-estimate.ts';
import { type StudyPlan, studyPlan } from './study-plan.ts';

/** The ports readiness reads, and `/saa review`'s daily limits (REVIEW_NEW_PER_DAY, REVIEW_MAX_PER_DAY). */
export interface ReadinessPorts {
  cards: StudyCardRepository;
  exams: ExamDateRepository;
  limits: ReviewLimits;
}

/** A person's readiness. */
export interface Readiness {
  /** `YYYY-MM-DD`, or null when no exam date is set. */
  examDate: string | null;
  /** Days from the person's local today to the exam (0 on the day, negative after it); null without a date. */
  daysLeft: number | null;
  /** The four domains, in the exam guide's order. */
  domains: DomainMastery[];
  estimate: ScoreEstimate;
  plan: StudyPlan;
}

/**
 * Computes `userId`'s readiness in `teamId` at `now`; `timeZone` (the person's Slack `tz`) says
 * which day today is. `bank`: the questions that count (domain-tagged ones are used).
 * @throws DatabaseUnavailableError when the database is down.
 */
export async function examReadiness(
  ports: ReadinessPorts,
  args: {
    teamId: string;
    userId: string;
    bank: readonly Question[];
    now: Date;
    timeZone: string;
  },
): Promise<Readiness> {
  const { teamId, userId, bank, now } = args;
  const [examDate, cards] = await Promise.all([
    ports.exams.get(teamId, userId),
    ports.cards.records(teamId, userId),
  ]);
  const inBank = new Set(bank.map((q) => q.id));
  const daysLeft = examDate === null ? null : daysBetween(localDate(now, args.timeZone), examDate);
  const domains = domainMastery(cards, bank, now);
  const due = cards.filter((c) => inBank.has(c.questionId) && c.fsrs.due.getTime() <= now.getTime()).length;
  return {
    examDate,
    daysLeft,
    domains,
    estimate: scoreEstimate(domains),
    plan: studyPlan({ domains, due, daysLeft, limits: ports.limits }),
  };
}
