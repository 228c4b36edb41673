/**
 * Daily-quiz button (or Submit of a multiple-response question, with the ticked boxes): ack at
 * once, record the first answer, reply only to the clicker.
 * With the database down the person is told their answer was not recorded.
 */

import { answerDailyQuiz } from '../../../daily-quiz/answer-daily-quiz.ts';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { yieldToEventLoop } from '../../../yield-to-event-loop.ts';
import { decodeDailyOption, decodeDailySubmit } from '../../views/button-payloads.ts';
import { DAILY_PICK_ACTION, DAILY_SUBMIT_ACTION, dailyFeedbackText } from '../../views/quiz-blocks.ts';
import { replyToAnswerClick } from './answer-click-feedback.ts';
import { type ButtonClickArgs, clickedAnswer, clickTeamId } from './button-value.ts';

const DAILY_BUTTONS = {
  submitAction: DAILY_SUBMIT_ACTION,
  pickAction: DAILY_PICK_ACTION,
  decodeSubmit: decodeDailySubmit,
  decodeOption: decodeDailyOption,
};

/** Builds the daily-quiz button handler. */
export function quizAnswer(quiz: () => QuizContext) {
  return async ({ ack, action, body, respond, logger }: ButtonClickArgs) => {
    await ack();
    // Ack the other clicks already waiting on the socket before this one's database work.
    await yieldToEventLoop();
    const { value, choice } = clickedAnswer(action, body.state, DAILY_BUTTONS);
    const teamId = clickTeamId(body);
    await replyToAnswerClick(
      async () => {
        // A value our buttons never carry names no quiz: no database round trip for it.
        const outcome = value
          ? await answerDailyQuiz(quiz(), {
              teamId,
              userId: body.user.id,
              quizId: value.quizId,
              choice,
            })
          : ({ status: 'unknown' } as const);
        quiz().onClick?.('daily', outcome.status);
        const graded = 'question' in outcome && outcome.status !== 'incomplete';
        return {
          text: dailyFeedbackText(outcome),
          questionId: graded ? outcome.question.id : undefined,
          replace: false,
        };
      },
      { respond, logger, what: 'quiz', userId: body.user.id, replaceOnFailure: false },
    );
  };
}
