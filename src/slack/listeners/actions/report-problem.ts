/**
 * "Report a problem" button under a quiz reply: opens the report modal (views.open needs the
 * click's trigger_id, valid for 3 s: https://api.slack.com/interactivity/handling#modal_responses).
 */

import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { type QuizContext, questionById } from '../../../daily-quiz/quiz-context.ts';
import { REPORT_FORM_FAILED_TEXT } from '../../../user-messages.ts';
import { respondSafely } from '../../respond-safely.ts';
import { reportModal } from '../../views/report-blocks.ts';
import { parseButtonValue } from './button-value.ts';

/** The report button's value: the question id. */
export const reportButtonValue = z.object({ id: z.string().min(1).max(200) });

/** Builds the report button handler. */
export function reportProblem(quiz: () => QuizContext) {
  return async ({
    ack,
    action,
    body,
    client,
    respond,
    logger,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const value = parseButtonValue(reportButtonValue, action.value);
    if (!value) return;
    // The bank is in memory: the modal opens within trigger_id's 3 s even with the database down.
    const text =
      quiz()
        .bank()
        .find((q) => q.id === value.id)?.question ??
      (await questionById(quiz(), value.id).catch(() => undefined))?.question ??
      value.id;
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: reportModal(value.id, text) });
    } catch (err) {
      logger.error('report modal failed', { user: body.user.id, err });
      await respondSafely(
        respond,
        {
          response_type: 'ephemeral',
          replace_original: false,
          text: REPORT_FORM_FAILED_TEXT,
        },
        { logger, what: 'report modal failure not told', context: { user: body.user.id } },
      );
    }
  };
}
