/**
 * The 👎 reason form's view_submission: adds the reason and comment to the person's 👎 and shows
 * thanks (reason-submission.ts keeps the form open with the error when it cannot be saved).
 */

import { z } from 'zod';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { explainRating } from '../../../feedback/rate-answer.ts';
import { REASON_NOT_SAVED } from '../../../user-messages.ts';
import {
  FEEDBACK_COMMENT_BLOCK,
  FEEDBACK_REASON_BLOCK,
  feedbackThanksView,
} from '../../views/feedback-blocks.ts';
import { reasonSubmission } from './reason-submission.ts';

/** Builds the reason form's submission handler. */
export function feedbackReasonSubmission(quiz: () => QuizContext) {
  return reasonSubmission({
    metadata: z.object({ k: z.string().regex(/^[0-9a-f]{64}$/) }),
    reasonBlock: FEEDBACK_REASON_BLOCK,
    commentBlock: FEEDBACK_COMMENT_BLOCK,
    unavailable: REASON_NOT_SAVED,
    what: 'feedback reason',
    async save(meta, input) {
      const ctx = quiz();
      if (!ctx.feedback) return null;
      const outcome = await explainRating(
        { feedback: ctx.feedback, clock: ctx.clock, ready: ctx.ready },
        { ...input, answerKey: meta.k },
      );
      return outcome.status === 'invalid' ? { error: outcome.error } : { view: feedbackThanksView() };
    },
  });
}
