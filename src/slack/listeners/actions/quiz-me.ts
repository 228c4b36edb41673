/**
 * "Quiz me on this" button under an answer: a practice question (ephemeral, just for the clicker)
 * from the bank, citing the answer's top source file when the bank has one, else on the bank
 * topic nearest to the source's file and headings, else any question.
 */

import { practiceToShow } from '../../../daily-quiz/practice-quiz.ts';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { quizMeHint } from '../../../quiz/quiz-me-hint.ts';
import { BANK_EMPTY, PRACTICE_UNAVAILABLE } from '../../../user-messages.ts';
import { respondSafely } from '../../respond-safely.ts';
import { decodeQuizMe } from '../../views/button-payloads.ts';
import { practiceQuestionBlocks } from '../../views/quiz-blocks.ts';
import { type ButtonClickArgs, clickTeamId } from './button-value.ts';

/** Builds the quiz-me button handler. */
export function quizMe(quiz: () => QuizContext) {
  return async ({ ack, action, body, respond, logger }: ButtonClickArgs) => {
    await ack();
    const source = decodeQuizMe(action.value);
    let message: { text: string; blocks?: ReturnType<typeof practiceQuestionBlocks> };
    try {
      const ctx = quiz();
      const shown = await practiceToShow(ctx, {
        teamId: clickTeamId(body),
        userId: body.user.id,
        hint: source ? quizMeHint(ctx.bank(), source) : undefined,
      });
      message = shown
        ? {
            text: `Practice question: ${shown.question.question}`,
            blocks: practiceQuestionBlocks(shown.question, shown.cardReps),
          }
        : { text: BANK_EMPTY };
    } catch (err) {
      logger.error('quiz me failed', { user: body.user.id, err });
      message = { text: PRACTICE_UNAVAILABLE };
    }
    await respondSafely(
      respond,
      { response_type: 'ephemeral', replace_original: false, ...message },
      { logger, what: 'quiz me reply failed', context: { user: body.user.id } },
    );
  };
}
