/**
 * The report modal's view_submission: records the report and shows thanks in the modal
 * (reason-submission.ts keeps the modal open with the error when it cannot be saved, so nothing
 * typed is lost).
 */

import { z } from 'zod';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { reportQuestion } from '../../../question-review/report-question.ts';
import { REPORT_NOT_SAVED } from '../../../user-messages.ts';
import { REPORT_COMMENT_BLOCK, REPORT_REASON_BLOCK, reportThanksView } from '../../views/report-blocks.ts';
import { reasonSubmission } from './reason-submission.ts';

/** Builds the report modal's submission handler. */
export function reportSubmission(quiz: () => QuizContext) {
  return reasonSubmission({
    metadata: z.object({ id: z.string().min(1).max(200) }),
    reasonBlock: REPORT_REASON_BLOCK,
    commentBlock: REPORT_COMMENT_BLOCK,
    unavailable: REPORT_NOT_SAVED,
    what: 'report',
    async save(meta, input, logger) {
      const ctx = quiz();
      if (!ctx.reviews) return null;
      const outcome = await reportQuestion(
        { reviews: ctx.reviews, clock: ctx.clock, ready: ctx.ready },
        { ...input, questionId: meta.id },
      );
      if (outcome.status === 'invalid') return { error: outcome.error };
      if (outcome.suspended) logger.warn('question suspended after reports', { question: meta.id });
      return { view: reportThanksView(outcome.suspended) };
    },
  });
}
