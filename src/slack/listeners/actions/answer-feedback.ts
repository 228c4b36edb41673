/**
 * 👍/👎 under an answer (Slack `feedback_buttons`): records the rating with the question, answer,
 * sources and mode the button carries; a 👎 also opens the reason form (views.open needs the
 * click's trigger_id, valid for 3 s: https://api.slack.com/interactivity/handling#modal_responses,
 * so the form opens first). A repeated click leaves one rating per person and answer. With the
 * database down the person is told the feedback was not saved.
 */

import type {
  AllMiddlewareArgs,
  BlockAction,
  FeedbackButtonsAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { DatabaseUnavailableError } from '../../../database-unavailable.ts';
import { answerKey } from '../../../feedback/ports.ts';
import { rateAnswer } from '../../../feedback/rate-answer.ts';
import { FEEDBACK_NOT_SAVED } from '../../../user-messages.ts';
import { respondSafely } from '../../respond-safely.ts';
import { decodeRating } from '../../views/answer-value.ts';
import { feedbackReasonModal } from '../../views/feedback-blocks.ts';

/** Builds the feedback handler. */
export function answerFeedback(quiz: () => QuizContext) {
  return async ({
    ack,
    action,
    body,
    client,
    respond,
    logger,
  }: SlackActionMiddlewareArgs<BlockAction<FeedbackButtonsAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const value = decodeRating(action.value);
    const ctx = quiz();
    if (!value || !ctx.feedback) return;
    const tell = (text: string) =>
      respondSafely(
        respond,
        { response_type: 'ephemeral', replace_original: false, text },
        { logger, what: 'feedback reply failed', context: { user: body.user.id } },
      );
    const rating = {
      teamId: body.team?.id ?? body.user.team_id ?? '',
      userId: body.user.id,
      rating: value.rating,
      question: value.answer.question,
      answer: value.answer.text,
      sources: value.answer.sources,
      mode: value.answer.mode,
    };
    const saved = rateAnswer({ feedback: ctx.feedback, clock: ctx.clock, ready: ctx.ready }, rating);
    if (value.rating === 'down') {
      await client.views
        .open({
          trigger_id: body.trigger_id,
          view: feedbackReasonModal(
            answerKey(value.answer.question, value.answer.text),
            value.answer.question,
          ),
        })
        .catch((err) => logger.warn('feedback form did not open', { user: body.user.id, err }));
    }
    try {
      await saved;
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError))
        logger.error('feedback failed', { user: body.user.id, err });
      await tell(FEEDBACK_NOT_SAVED);
    }
  };
}
