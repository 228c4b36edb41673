/**
 * Block Kit for `/saa review` (pure): the next card with its answer buttons (quiz-blocks.ts
 * answerElements, review mode), the feedback to an answer with when the card comes back, and
 * what a person sees when nothing is due (a Review ahead button) or today's limit is reached.
 * After a right answer, an optional Easy button under the feedback (rate-easy.ts).
 * Dates are Slack date tokens, shown in each reader's own time zone, with a UTC fallback
 * (https://api.slack.com/reference/surfaces/formatting#date-formatting).
 */

import type { KnownBlock } from '@slack/types';
import type { ReviewOutcome } from '../../spaced-repetition/answer-review.ts';
import type { ReviewStep } from '../../spaced-repetition/next-review.ts';
import type { EasyOutcome } from '../../spaced-repetition/rate-easy.ts';
import { REVIEWS_NEED_DATABASE } from '../../user-messages.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import {
  encodeReviewEasy,
  encodeReviewOption,
  encodeReviewSubmit,
  type ReviewSubmitPayload,
} from './button-payloads.ts';
import { answerElements, gradeText, incompleteText, optionsText } from './quiz-blocks.ts';

/** action_id of the Review ahead button (value `{}`): shows the card due soonest. */
export const REVIEW_AHEAD_ACTION = 'review_ahead';

/**
 * action_id of the Easy button under a right review answer; value: `encodeReviewEasy`
 * (button-payloads.ts: the question and the card's answer count after that answer).
 */
export const REVIEW_EASY_ACTION = 'review_easy';

/** The reply to an Easy click (mrkdwn): the new due date, or that it changed nothing. */
export function easyFeedbackText(outcome: EasyOutcome): string {
  if (outcome.status === 'unchanged')
    return 'That answer can no longer be rated Easy (already rated, or the card moved since).';
  const { due, last_review } = outcome.card.fsrs;
  const wait = due.getTime() - (last_review ?? due).getTime();
  return `⭐ Rated Easy: back for review ${slackDate(due)} (in ${waitText(wait)}).`;
}

/** `date` as a Slack date token, e.g. "Tue, Jun 2 at 9:10 AM" in the reader's zone. */
export function slackDate(date: Date): string {
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty} at {time}|${fallback}>`;
}

/** A wait in words: "10 min", "5 h", "1 day", "12 days" (rounded; at least 1 min). */
export function waitText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h`;
  const days = Math.round(minutes / (24 * 60));
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Feedback to a review answer (mrkdwn); null for `unknown` (the step that follows says enough). */
export function reviewFeedbackText(outcome: ReviewOutcome): string | null {
  switch (outcome.status) {
    case 'recorded': {
      const { due, last_review } = outcome.card.fsrs;
      const wait = due.getTime() - (last_review ?? due).getTime();
      return `${gradeText(outcome.grade, outcome.question, false)}\n🗓️ Back for review ${slackDate(due)} (in ${waitText(wait)}).`;
    }
    case 'stale':
      return 'You already answered that card: only the first answer moves it.';
    case 'invalid':
      return incompleteText(outcome.question);
    case 'unknown':
      return null;
  }
}

/**
 * Fallback text and blocks of a review step, with `feedback` (to the previous answer) on top and,
 * after a right answer, an Easy button for `easy`.
 */
export function reviewBlocks(
  step: ReviewStep,
  feedback?: string | null,
  easy?: ReviewSubmitPayload,
): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [];
  if (feedback) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: feedback.slice(0, 3000) } });
    if (easy)
      blocks.push({
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: REVIEW_EASY_ACTION,
            text: { type: 'plain_text', text: 'Easy' },
            value: encodeReviewEasy(easy),
          },
        ],
      });
    blocks.push({ type: 'divider' });
  }
  const say = (text: string): { text: string; blocks: KnownBlock[] } => {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
    return { text: feedback ? `${feedback}\n${text}` : text, blocks };
  };
  switch (step.status) {
    case 'card': {
      const q = step.question;
      const why =
        step.kind === 'new'
          ? 'new question'
          : step.kind === 'ahead'
            ? 'reviewing ahead'
            : `${step.dueLeft} due`;
      blocks.push(
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: `*Review* (${escapeMrkdwn(q.topic)}) · ${why}\n${escapeMrkdwn(q.question)}`.slice(0, 3000),
          },
        },
        { type: 'section', text: { type: 'mrkdwn', text: optionsText(q, false).slice(0, 3000) } },
        {
          type: 'actions',
          elements: answerElements(q, 'review', {
            option: (choice) => encodeReviewOption({ questionId: q.id, choice, cardReps: step.reps }),
            submit: encodeReviewSubmit({ questionId: q.id, cardReps: step.reps }),
          }),
        },
      );
      const text = `Review: ${q.question}`;
      return { text: feedback ? `${feedback}\n${text}` : text, blocks };
    }
    case 'nothing-due': {
      if (!step.nextDue)
        return say(
          'Nothing to review: no card is due and no new question is left for today. What you answer in the daily quiz or `/saa quiz` comes back here when it is due.',
        );
      const result = say(`Nothing due right now. Your next card is due ${slackDate(step.nextDue)}.`);
      blocks.push({
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: REVIEW_AHEAD_ACTION,
            text: { type: 'plain_text', text: 'Review ahead' },
            value: '{}',
          },
        ],
      });
      return result;
    }
    case 'limit':
      return say(
        `That's your ${step.reviewsPerDay} reviews for today: the daily limit keeps a backlog from piling up. ${
          step.nextDue ? `Next card due ${slackDate(step.nextDue)}; ` : ''
        }\`/saa review\` again tomorrow.`,
      );
    case 'off':
      return say(REVIEWS_NEED_DATABASE);
  }
}
