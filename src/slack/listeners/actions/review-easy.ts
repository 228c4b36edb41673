/**
 * The Easy button under a right `/saa review` answer: ack, re-rate that answer as Easy
 * (spaced-repetition/rate-easy.ts), and answer with the card's new due date in an ephemeral
 * message beside the review (the review message and its next card stay as they are). A second
 * click is told nothing changed.
 */

import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { DatabaseUnavailableError } from '../../../database-unavailable.ts';
import { rateEasy } from '../../../spaced-repetition/rate-easy.ts';
import { REVIEWS_UNAVAILABLE } from '../../../user-messages.ts';
import { respondSafely } from '../../respond-safely.ts';
import { decodeReviewEasy } from '../../views/button-payloads.ts';
import { easyFeedbackText } from '../../views/review-blocks.ts';
import { type ButtonClickArgs, clickTeamId } from './button-value.ts';

/** Builds the Easy button handler. */
export function reviewEasy(quiz: () => QuizContext) {
  return async ({ ack, action, body, respond, logger }: ButtonClickArgs) => {
    await ack();
    const userId = body.user.id;
    let text: string;
    try {
      const ctx = quiz();
      const value = decodeReviewEasy(action.value);
      if (!ctx.cards || !value) {
        text = easyFeedbackText({ status: 'unchanged' });
      } else {
        await ctx.ready();
        const outcome = await rateEasy(ctx.cards, {
          teamId: clickTeamId(body),
          userId,
          questionId: value.questionId,
          reps: value.cardReps,
        });
        text = easyFeedbackText(outcome);
      }
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError))
        logger.error('easy rating failed', { user: userId, err });
      text = REVIEWS_UNAVAILABLE;
    }
    await respondSafely(
      respond,
      { response_type: 'ephemeral', replace_original: false, text },
      { logger, what: 'easy feedback failed', context: { user: userId } },
    );
  };
}
