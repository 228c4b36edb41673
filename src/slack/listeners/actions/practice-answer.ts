/**
 * Practice-question button (or Submit of a multiple-response practice question): grade, record
 * for the person's stats, reply only to them.
 */

import { answerPractice } from '../../../daily-quiz/practice-quiz.ts';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { decodePracticeOption, decodePracticeSubmit } from '../../views/button-payloads.ts';
import {
  incompleteText,
  PRACTICE_PICK_ACTION,
  PRACTICE_SUBMIT_ACTION,
  practiceFeedbackText,
} from '../../views/quiz-blocks.ts';
import { replyToAnswerClick } from './answer-click-feedback.ts';
import { type ButtonClickArgs, clickedAnswer, clickTeamId } from './button-value.ts';

const PRACTICE_BUTTONS = {
  submitAction: PRACTICE_SUBMIT_ACTION,
  pickAction: PRACTICE_PICK_ACTION,
  decodeSubmit: decodePracticeSubmit,
  decodeOption: decodePracticeOption,
};

/** Builds the practice button handler. */
export function practiceAnswer(quiz: () => QuizContext) {
  return async ({ ack, action, body, respond, logger }: ButtonClickArgs) => {
    await ack();
    const { value, choice } = clickedAnswer(action, body.state, PRACTICE_BUTTONS);
    await replyToAnswerClick(
      async () => {
        const result = value
          ? await answerPractice(quiz(), {
              teamId: clickTeamId(body),
              userId: body.user.id,
              questionId: value.questionId,
              choice,
              ...(value.cardReps !== undefined ? { expectedReps: value.cardReps } : {}),
            })
          : ({ status: 'unknown' } as const);
        quiz().onClick?.('practice', result.status);
        // Wrong number of boxes ticked: say so and keep the question (and its ticks) on screen.
        if (result.status === 'recorded')
          return {
            text: practiceFeedbackText(result.question, result.grade),
            questionId: result.question.id,
            replace: true,
          };
        if (result.status === 'invalid') return { text: incompleteText(result.question), replace: false };
        return { text: 'That question is no longer in the bank: `/saa quiz` for another.', replace: true };
      },
      { respond, logger, what: 'practice', userId: body.user.id, replaceOnFailure: true },
    );
  };
}
