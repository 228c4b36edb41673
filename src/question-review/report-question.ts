/**
 * "Report a problem" on a quiz question: records one open report per person and question in a
 * workspace; once {@link SUSPEND_AFTER_REPORTS} different people of that workspace have open
 * reports, the question leaves its rotation until reviewed (`saa questions approve|reject`).
 */

import {
  MAX_REPORT_COMMENT_CHARS,
  type QuestionReviewRepository,
  REPORT_REASONS,
  type ReportReason,
} from './ports.ts';

/** What the reporter is told: `suspended` when this report took the question out of rotation. */
export type ReportOutcome = { status: 'recorded'; suspended: boolean } | { status: 'invalid'; error: string };

/** True for one of the form's reasons. */
export function isReportReason(value: unknown): value is ReportReason {
  return REPORT_REASONS.some((r) => r.reason === value);
}

/**
 * Records a report. `comment` is trimmed and cut to {@link MAX_REPORT_COMMENT_CHARS}.
 * @throws DatabaseUnavailableError when it could not be stored.
 */
export async function reportQuestion(
  ctx: { reviews: QuestionReviewRepository; clock: () => Date; ready: () => Promise<void> },
  r: { teamId: string; userId: string; questionId: string; reason: unknown; comment?: string },
): Promise<ReportOutcome> {
  if (!isReportReason(r.reason)) {
    return {
      status: 'invalid',
      error: `Choose what is wrong: ${REPORT_REASONS.map((x) => x.label).join(', ')}.`,
    };
  }
  await ctx.ready();
  const before = await ctx.reviews.suspendedIds(r.teamId);
  await ctx.reviews.report({
    teamId: r.teamId,
    questionId: r.questionId,
    userId: r.userId,
    reason: r.reason,
    comment: (r.comment ?? '').trim().slice(0, MAX_REPORT_COMMENT_CHARS),
    reportedAt: ctx.clock(),
  });
  const after = await ctx.reviews.suspendedIds(r.teamId);
  return { status: 'recorded', suspended: after.has(r.questionId) && !before.has(r.questionId) };
}
