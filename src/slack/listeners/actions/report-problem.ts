/**
 * "Report a problem" button under a quiz reply: opens the report modal (views.open needs the
 * click's trigger_id, valid for 3 s: https://api.slack.com/interactivity/handling#modal_responses).
 */

import { type QuizContext, questionById } from '../../../daily-quiz/quiz-context.ts';
import { REPORT_FORM_FAILED_TEXT } from '../../../user-messages.ts';
import { respondSafely } from '../../respond-safely.ts';
import { decodeReport } from '../../views/button-payloads.ts';
import { reportModal } from '../../views/report-blocks.ts';
import type { ButtonClickArgs } from './button-value.ts';

/** Builds the report button handler. */
export function reportProblem(quiz: () => QuizContext) {
  return async ({ ack, action, body, client, respond, logger }: ButtonClickArgs): Promise<void> => {
    await ack();
    const value = decodeReport(action.value);
    if (!value) return;
    // The bank is in memory: the modal opens within trigger_id's 3 s even with the database down.
    const text =
      quiz()
        .bank()
        .find((q) => q.id === value.questionId)?.question ??
      (await questionById(quiz(), value.questionId).catch(() => undefined))?.question ??
      value.questionId;
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: reportModal(value.questionId, text) });
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
