/**
 * Exam readiness as plain-text lines (pure), shared by Slack (as mrkdwn) and the console. Every
 * piece of text here is ours (domain names, numbers, a validated date): nothing to escape.
 */

import type { Readiness } from './exam-readiness.ts';
import { PASS_SCORE } from './score-estimate.ts';

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(100 * x)} %`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Exam: 2026-12-20, 21 days left". */
export function daysLeftLine(r: Readiness): string {
  if (r.examDate === null || r.daysLeft === null)
    return 'Exam date: not set (`/saa exam YYYY-MM-DD` to get a plan paced to it)';
  if (r.daysLeft < 0) return `Exam: ${r.examDate}, ${plural(-r.daysLeft, 'day')} ago`;
  if (r.daysLeft === 0) return `Exam: ${r.examDate}, today. Good luck!`;
  return `Exam: ${r.examDate}, ${plural(r.daysLeft, 'day')} left`;
}

/** "Estimated score: 690 (90 % range 610–770; pass 720), from 84 answers" or "not enough answers yet". */
export function estimateLine(r: Readiness): string {
  const e = r.estimate;
  if (e.status === 'not-enough')
    return `Estimated score: not enough answers yet (${e.answers} of ${e.needed}; answer more with \`/saa review\` or \`/saa quiz\`)`;
  return `Estimated score: ${e.score} (90 % range ${e.low}–${e.high}; pass ${PASS_SCORE}), from ${plural(e.answers, 'answer')}: an estimate, see the README`;
}

/** One line per domain: mastery, accuracy, coverage. */
export function masteryLines(r: Readiness): string[] {
  return r.domains.map(
    (d) =>
      `  ${d.name} (${pct(d.weight)} of the exam): mastery ${pct(d.mastery)} · accuracy ${pct(d.accuracy)}` +
      (d.answers ? ` (${d.correct}/${d.answers})` : '') +
      ` · seen ${d.seen} of ${d.questions}`,
  );
}

/** Today's plan: due reviews, then new questions by domain, then whether `/saa review` keeps the pace. */
export function planLines(r: Readiness): string[] {
  const p = r.plan;
  const reviews =
    p.reviewsToday < p.due
      ? `${plural(p.due, 'review')} due (${p.reviewsToday} today)`
      : `${plural(p.due, 'review')} due`;
  const fresh = p.newByDomain.length
    ? `${plural(p.newToday, 'new question')} (${p.newByDomain.map((x) => `${x.name}: ${x.count}`).join(', ')})`
    : 'no new questions';
  const lines = [`Today’s plan: ${reviews} + ${fresh}`];
  if (p.paceNeeded !== null && p.unseen > 0 && r.daysLeft !== null && r.daysLeft > 0)
    lines.push(
      `  ${p.paceNeeded} new a day sees the ${plural(p.unseen, 'question')} you have not answered before the exam` +
        (p.paceNeeded > p.newPerDay
          ? `; \`/saa review\` brings ${p.newPerDay} a day, so add \`/saa quiz\``
          : ''),
    );
  return lines;
}

/** All readiness lines, in order. */
export function readinessLines(r: Readiness): string[] {
  return [daysLeftLine(r), estimateLine(r), 'Mastery by domain:', ...masteryLines(r), ...planLines(r)];
}
