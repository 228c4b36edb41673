/**
 * The reply to a graded answer click (daily quiz, practice question): the grading runs, a
 * database failure becomes the "not recorded, try again" text (an outage is expected and not
 * logged; anything else is logged at error), and the feedback goes to the clicker alone, with a
 * "Report a problem" button for the question graded.
 */

import type { Logger, RespondFn } from '@slack/bolt';
import { DatabaseUnavailableError } from '../../../database-unavailable.ts';
import { SCORES_UNAVAILABLE } from '../../../user-messages.ts';
import { respondSafely } from '../../respond-safely.ts';
import { withReportButton } from '../../views/report-blocks.ts';

/** What a click's grading says: the feedback text, the question graded (for the report button), and whether it replaces the clicked message. */
export interface ClickFeedback {
  text: string;
  questionId?: string;
  /** Ephemeral `replace_original`: true replaces the clicked (ephemeral) question. */
  replace: boolean;
}

/** Where a click came from and how its failures are logged. */
export interface ClickReplyContext {
  respond: RespondFn;
  logger: Logger;
  /** What the click is, in log lines: "quiz" logs "quiz answer failed" and "quiz feedback failed". */
  what: string;
  userId: string;
  /** `replace_original` when grading fails. */
  replaceOnFailure: boolean;
}

/**
 * Runs `grade` and sends its feedback ephemerally (see the file header). Never throws: a failed
 * reply is logged by {@link respondSafely}.
 */
export async function replyToAnswerClick(
  grade: () => Promise<ClickFeedback>,
  c: ClickReplyContext,
): Promise<void> {
  let feedback: ClickFeedback;
  try {
    feedback = await grade();
  } catch (err) {
    if (!(err instanceof DatabaseUnavailableError))
      c.logger.error(`${c.what} answer failed`, { user: c.userId, err });
    feedback = { text: SCORES_UNAVAILABLE, replace: c.replaceOnFailure };
  }
  const { text, questionId, replace } = feedback;
  const blocks = questionId ? withReportButton(text, questionId) : undefined;
  await respondSafely(
    c.respond,
    { response_type: 'ephemeral', replace_original: replace, text, blocks },
    {
      logger: c.logger,
      what: `${c.what} feedback failed`,
      context: { user: c.userId },
    },
  );
}
