/**
 * `/saa review` buttons: an answer (or Submit of a multiple-response question, with the ticked
 * boxes), or Review ahead. Ack, move the card, and replace the ephemeral message with the
 * feedback, when the card comes back (with an Easy button after a right answer: review-easy.ts),
 * and the next card: one response_url post per click.
 */

import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { DatabaseUnavailableError } from '../../../database-unavailable.ts';
import { answerReview } from '../../../spaced-repetition/answer-review.ts';
import { nextReview } from '../../../spaced-repetition/next-review.ts';
import { REVIEWS_UNAVAILABLE } from '../../../user-messages.ts';
import { yieldToEventLoop } from '../../../yield-to-event-loop.ts';
import { respondSafely } from '../../respond-safely.ts';
import {
  decodeReviewOption,
  decodeReviewSubmit,
  type ReviewSubmitPayload,
} from '../../views/button-payloads.ts';
import { REVIEW_PICK_ACTION, REVIEW_SUBMIT_ACTION } from '../../views/quiz-blocks.ts';
import { REVIEW_AHEAD_ACTION, reviewBlocks, reviewFeedbackText } from '../../views/review-blocks.ts';
import { type ButtonClickArgs, clickedAnswer, clickTeamId } from './button-value.ts';

const REVIEW_BUTTONS = {
  submitAction: REVIEW_SUBMIT_ACTION,
  pickAction: REVIEW_PICK_ACTION,
  decodeSubmit: decodeReviewSubmit,
  decodeOption: decodeReviewOption,
};

/** Builds the review button handler. */
export function reviewAnswer(quiz: () => QuizContext) {
  return async ({ ack, action, body, respond, logger }: ButtonClickArgs) => {
    await ack();
    // Ack the other clicks already waiting on the socket before this one's database work.
    await yieldToEventLoop();
    const teamId = clickTeamId(body);
    const userId = body.user.id;
    const ahead = action.action_id === REVIEW_AHEAD_ACTION;
    let message: { text: string; blocks?: ReturnType<typeof reviewBlocks>['blocks'] };
    let replace = true;
    try {
      const ctx = quiz();
      let feedback: string | null = null;
      let easy: ReviewSubmitPayload | undefined;
      if (!ahead) {
        const { value, choice } = clickedAnswer(action, body.state, REVIEW_BUTTONS);
        const outcome = value
          ? await answerReview(ctx, {
              teamId,
              userId,
              questionId: value.questionId,
              choice,
              reps: value.cardReps,
            })
          : ({ status: 'unknown' } as const);
        feedback = reviewFeedbackText(outcome);
        if (outcome.status === 'recorded' && outcome.grade.correct)
          easy = { questionId: outcome.question.id, cardReps: outcome.card.fsrs.reps };
        // Wrong number of boxes ticked: say so and keep the card (and its ticks) on screen.
        if (outcome.status === 'invalid') {
          await respondSafely(
            respond,
            { response_type: 'ephemeral', replace_original: false, text: feedback ?? '' },
            { logger, what: 'review feedback failed', context: { user: userId } },
          );
          return;
        }
      }
      message = reviewBlocks(await nextReview(ctx, { teamId, userId, ahead }), feedback, easy);
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError))
        logger.error('review answer failed', { user: userId, err });
      message = { text: REVIEWS_UNAVAILABLE };
      replace = false;
    }
    await respondSafely(
      respond,
      { response_type: 'ephemeral', replace_original: replace, ...message },
      { logger, what: 'review feedback failed', context: { user: userId } },
    );
  };
}
