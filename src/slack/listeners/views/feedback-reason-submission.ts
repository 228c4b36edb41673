/**
 * The 👎 reason form's view_submission: adds the reason and comment to the person's 👎 and shows
 * thanks. With the database down the form stays open with the error, so nothing typed is lost
 * (response_action "errors": https://api.slack.com/surfaces/modals#displaying_errors).
 */

import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { explainRating } from '../../../feedback/rate-answer.ts';
import { DatabaseUnavailableError } from '../../../storage/db.ts';
import {
  FEEDBACK_COMMENT_BLOCK,
  FEEDBACK_REASON_BLOCK,
  feedbackThanksView,
} from '../../views/feedback-blocks.ts';

const metadata = z.object({ k: z.string().regex(/^[0-9a-f]{64}$/) });

/** Builds the reason form's submission handler. */
export function feedbackReasonSubmission(quiz: () => QuizContext) {
  return async ({
    ack,
    body,
    view,
    logger,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    let parsed: z.infer<typeof metadata> | null = null;
    try {
      parsed = metadata.parse(JSON.parse(view.private_metadata));
    } catch {
      parsed = null;
    }
    const ctx = quiz();
    if (!parsed || !ctx.feedback) {
      await ack({
        response_action: 'errors',
        errors: { [FEEDBACK_REASON_BLOCK]: 'This form is out of date.' },
      });
      return;
    }
    const values = view.state.values;
    try {
      const outcome = await explainRating(
        { feedback: ctx.feedback, clock: ctx.clock, ready: ctx.ready },
        {
          teamId: body.team?.id ?? body.user.team_id ?? '',
          userId: body.user.id,
          answerKey: parsed.k,
          reason: values[FEEDBACK_REASON_BLOCK]?.[FEEDBACK_REASON_BLOCK]?.selected_option?.value,
          comment: values[FEEDBACK_COMMENT_BLOCK]?.[FEEDBACK_COMMENT_BLOCK]?.value ?? '',
        },
      );
      if (outcome.status === 'invalid') {
        await ack({ response_action: 'errors', errors: { [FEEDBACK_REASON_BLOCK]: outcome.error } });
        return;
      }
      await ack({ response_action: 'update', view: feedbackThanksView() });
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError))
        logger.error('feedback reason failed', { user: body.user.id, err });
      await ack({
        response_action: 'errors',
        errors: { [FEEDBACK_COMMENT_BLOCK]: 'This could not be saved right now: try again in a minute.' },
      });
    }
  };
}
