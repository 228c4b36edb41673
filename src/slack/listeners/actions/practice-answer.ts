/** Practice-question button: grade, record for the person's stats, reply only to them. */

import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerPractice } from '../../../daily-quiz/practice-quiz.ts';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { DatabaseUnavailableError } from '../../../storage/db.ts';
import { practiceFeedbackText } from '../../views/quiz-blocks.ts';
import { clickTeamId, parseButtonValue, practiceButtonValue } from './button-value.ts';
import { SCORES_UNAVAILABLE } from './quiz-answer.ts';

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
    const value = parseButtonValue(practiceButtonValue, action.value);
    let text: string;
    try {
      const result = value
        ? await answerPractice(quiz(), {
            teamId: clickTeamId(body),
            userId: body.user.id,
            questionId: value.id,
            choice: value.c,
          })
        : null;
      text = result
        ? practiceFeedbackText(result.question, result.grade)
        : 'That question is no longer in the bank: `/saa quiz` for another.';
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError))
        logger.error('practice answer failed', { user: body.user.id, err });
      text = SCORES_UNAVAILABLE;
    }
    await respond({ response_type: 'ephemeral', replace_original: true, text }).catch((err) =>
      logger.error('practice feedback failed', { user: body.user.id, err }),
    );
  };
}
