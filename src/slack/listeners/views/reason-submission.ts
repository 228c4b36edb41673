/**
 * The submission of a reason modal (views/reason-modal.ts), shared by the report form and the 👎
 * form: reads the metadata (a zod schema) and the chosen reason and comment, runs `save`, and
 * acks with the thanks view, or keeps the modal open with the error under the field it concerns
 * (response_action "errors": https://api.slack.com/surfaces/modals#displaying_errors): an
 * out-of-date form or an invalid choice under the reasons; a database that is down under the
 * comment, so nothing typed is lost.
 */

import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import type { View } from '@slack/types';
import type { z } from 'zod';
import { DatabaseUnavailableError } from '../../../database-unavailable.ts';

/** What a reason modal's submission does. */
export interface ReasonSubmission<M> {
  metadata: z.ZodType<M>;
  reasonBlock: string;
  commentBlock: string;
  /** What the comment field says when the database is down. */
  unavailable: string;
  /** For logs: what failed. */
  what: string;
  /**
   * Saves the submission; resolves with the view to show, or an error for the reasons field, or
   * null when the form cannot be used here any more.
   * @throws DatabaseUnavailableError when the database is down.
   */
  save(
    meta: M,
    input: { teamId: string; userId: string; reason: string | undefined; comment: string },
    logger: AllMiddlewareArgs['logger'],
  ): Promise<{ view: View } | { error: string } | null>;
}

function parseMetadata<M>(schema: z.ZodType<M>, view: ViewOutput): M | null {
  try {
    return schema.parse(JSON.parse(view.private_metadata));
  } catch {
    return null;
  }
}

/** Builds the view_submission handler for one reason modal. */
export function reasonSubmission<M>(s: ReasonSubmission<M>) {
  return async ({
    ack,
    body,
    view,
    logger,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = parseMetadata(s.metadata, view);
    const outOfDate = () =>
      ack({ response_action: 'errors', errors: { [s.reasonBlock]: 'This form is out of date.' } });
    if (meta === null) {
      await outOfDate();
      return;
    }
    const values = view.state.values;
    try {
      const outcome = await s.save(
        meta,
        {
          teamId: body.team?.id ?? body.user.team_id ?? '',
          userId: body.user.id,
          reason: values[s.reasonBlock]?.[s.reasonBlock]?.selected_option?.value,
          comment: values[s.commentBlock]?.[s.commentBlock]?.value ?? '',
        },
        logger,
      );
      if (outcome === null) await outOfDate();
      else if ('error' in outcome)
        await ack({ response_action: 'errors', errors: { [s.reasonBlock]: outcome.error } });
      else await ack({ response_action: 'update', view: outcome.view });
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError))
        logger.error(`${s.what} failed`, { user: body.user.id, err });
      await ack({ response_action: 'errors', errors: { [s.commentBlock]: s.unavailable } });
    }
  };
}
