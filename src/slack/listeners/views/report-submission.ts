/**
 * The report modal's view_submission: records the report and shows thanks in the modal. With the
 * database down the modal stays open with the error under the comment field, so nothing typed is
 * lost (response_action "errors": https://api.slack.com/surfaces/modals#displaying_errors).
 */

import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { reportQuestion } from '../../../question-review/report-question.ts';
import { DatabaseUnavailableError } from '../../../storage/db.ts';
import { REPORT_COMMENT_BLOCK, REPORT_REASON_BLOCK, reportThanksView } from '../../views/report-blocks.ts';

const metadata = z.object({ id: z.string().min(1).max(200) });

/** Builds the report modal's submission handler. */
export function reportSubmission(quiz: () => QuizContext) {
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
    if (!parsed || !ctx.reviews) {
      await ack({
        response_action: 'errors',
        errors: { [REPORT_REASON_BLOCK]: 'This report form is out of date.' },
      });
      return;
    }
    const values = view.state.values;
    try {
      const outcome = await reportQuestion(
        { reviews: ctx.reviews, clock: ctx.clock, ready: ctx.ready },
        {
          teamId: body.team?.id ?? body.user.team_id ?? '',
          userId: body.user.id,
          questionId: parsed.id,
          reason: values[REPORT_REASON_BLOCK]?.[REPORT_REASON_BLOCK]?.selected_option?.value,
          comment: values[REPORT_COMMENT_BLOCK]?.[REPORT_COMMENT_BLOCK]?.value ?? '',
        },
      );
      if (outcome.status === 'invalid') {
        await ack({ response_action: 'errors', errors: { [REPORT_REASON_BLOCK]: outcome.error } });
        return;
      }
      if (outcome.suspended) logger.warn('question suspended after reports', { question: parsed.id });
      await ack({ response_action: 'update', view: reportThanksView(outcome.suspended) });
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError))
        logger.error('report failed', { user: body.user.id, err });
      await ack({
        response_action: 'errors',
        errors: { [REPORT_COMMENT_BLOCK]: 'The report could not be saved right now: try again in a minute.' },
      });
    }
  };
}
