/**
 * Practice-question button (or Submit of a multiple-response practice question): grade, record
 * for the person's stats, reply only to them.
 */

import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerPractice } from '../../../daily-quiz/practice-quiz.ts';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { DatabaseUnavailableError } from '../../../storage/db.ts';
import { SCORES_UNAVAILABLE } from '../../../user-messages.ts';
import { respondSafely } from '../../respond-safely.ts';
import { decodePracticeOption, decodePracticeSubmit } from '../../views/button-payloads.ts';
import {
  incompleteText,
  PRACTICE_PICK_ACTION,
  PRACTICE_SUBMIT_ACTION,
  practiceFeedbackText,
} from '../../views/quiz-blocks.ts';
import { withReportButton } from '../../views/report-blocks.ts';
import { clickTeamId, tickedChoice } from './button-value.ts';

/** Builds the practice button handler. */
export function practiceAnswer(quiz: () => QuizContext) {
  return async ({
    ack,
    action,
    body,
    respond,
    logger,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const submit = action.action_id === PRACTICE_SUBMIT_ACTION;
    const value = submit ? decodePracticeSubmit(action.value) : decodePracticeOption(action.value);
    const choice = submit
      ? tickedChoice(body.state, PRACTICE_PICK_ACTION)
      : (value as { choice?: string } | null)?.choice;
    let text: string;
    let replace = true;
    let questionId: string | undefined;
    try {
      const result = value
        ? await answerPractice(quiz(), {
            teamId: clickTeamId(body),
            userId: body.user.id,
            questionId: value.questionId,
            choice: choice ?? '',
            ...(value.cardReps !== undefined ? { expectedReps: value.cardReps } : {}),
          })
        : ({ status: 'unknown' } as const);
      // Wrong number of boxes ticked: say so and keep the question (and its ticks) on screen.
      quiz().onClick?.('practice', result.status);
      replace = result.status !== 'invalid';
      questionId = result.status === 'recorded' ? result.question.id : undefined;
      text =
        result.status === 'recorded'
          ? practiceFeedbackText(result.question, result.grade)
          : result.status === 'invalid'
            ? incompleteText(result.question)
            : 'That question is no longer in the bank: `/saa quiz` for another.';
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError))
        logger.error('practice answer failed', { user: body.user.id, err });
      text = SCORES_UNAVAILABLE;
    }
    const blocks = questionId ? withReportButton(text, questionId) : undefined;
    await respondSafely(
      respond,
      { response_type: 'ephemeral', replace_original: replace, text, blocks },
      { logger, what: 'practice feedback failed', context: { user: body.user.id } },
    );
  };
}
