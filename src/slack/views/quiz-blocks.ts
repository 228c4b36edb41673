/**
 * Block Kit for the quiz (pure): the daily question with one button per option, its revealed
 * form, the thread reply with the team's result, and the ephemeral feedback to a click.
 * Button text ≤ 75 chars, so buttons carry the letter and the options are listed in the text.
 */

import type { Button, Checkboxes, KnownBlock } from '@slack/types';
import { fileLabel } from '../../answer/source-line.ts';
import type { AnswerOutcome } from '../../daily-quiz/answer-daily-quiz.ts';
import type { QuizStats } from '../../daily-quiz/ports.ts';
import {
  DISPLAY_SEPARATOR,
  formatHeadingPath,
  sectionLabel,
  splitHeadingPath,
} from '../../knowledge/heading-path.ts';
import type { GradeResult } from '../../quiz/grade-answer.ts';
import { correctOptionsText } from '../../quiz/grade-answer.ts';
import type { Question } from '../../quiz/question.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import {
  encodeDailyOption,
  encodeDailySubmit,
  encodePracticeOption,
  encodePracticeSubmit,
} from './button-payloads.ts';

/** action_id prefix of daily-quiz buttons (`quiz_answer:B`); value: `encodeDailyOption` (button-payloads.ts). */
export const DAILY_ACTION = 'quiz_answer';
/** action_id prefix of practice buttons (`practice_answer:B`); value: `encodePracticeOption`. */
export const PRACTICE_ACTION = 'practice_answer';
/**
 * A multiple-response question ("Which TWO…") is answered with checkboxes (one per option letter;
 * ticking one only acks) and a Submit button, whose click carries the ticked boxes in
 * `state.values` (https://api.slack.com/reference/interaction-payloads/block-actions).
 */
export const DAILY_PICK_ACTION = 'quiz_pick';
/** Submit of a daily multiple-response question; value: `encodeDailySubmit`. */
export const DAILY_SUBMIT_ACTION = 'quiz_submit';
/** Checkboxes of a practice multiple-response question. */
export const PRACTICE_PICK_ACTION = 'practice_pick';
/** Submit of a practice multiple-response question; value: `encodePracticeSubmit`. */
export const PRACTICE_SUBMIT_ACTION = 'practice_submit';
/**
 * action_id prefix of `/saa review` buttons (`review_answer:B`); value: `encodeReviewOption`
 * (the question, the option and the card's answer count when shown).
 */
export const REVIEW_ACTION = 'review_answer';
/** Checkboxes of a multiple-response review question. */
export const REVIEW_PICK_ACTION = 'review_pick';
/** Submit of a multiple-response review question; value: `encodeReviewSubmit`. */
export const REVIEW_SUBMIT_ACTION = 'review_submit';

const ACTIONS = {
  daily: [DAILY_PICK_ACTION, DAILY_SUBMIT_ACTION, DAILY_ACTION],
  practice: [PRACTICE_PICK_ACTION, PRACTICE_SUBMIT_ACTION, PRACTICE_ACTION],
  review: [REVIEW_PICK_ACTION, REVIEW_SUBMIT_ACTION, REVIEW_ACTION],
} as const;

/** The values of one question's answer buttons: each option's, and the Submit button's. */
export interface AnswerValues {
  option: (choice: string) => string;
  submit: string;
}

/**
 * The answer controls: one button per option (multiple choice), or checkboxes and a Submit
 * button (multiple response), carrying `values` (button-payloads.ts encoders).
 */
export function answerElements(
  question: Question,
  mode: keyof typeof ACTIONS,
  values: AnswerValues,
): Array<Button | Checkboxes> {
  const [pick, submit, each] = ACTIONS[mode];
  if (question.correctKeys.length === 1) {
    return question.options.map((o) => ({
      type: 'button' as const,
      action_id: `${each}:${o.key}`,
      text: { type: 'plain_text' as const, text: o.key },
      value: values.option(o.key),
    }));
  }
  return [
    {
      type: 'checkboxes',
      action_id: pick,
      options: question.options.map((o) => ({ text: { type: 'plain_text', text: o.key }, value: o.key })),
    },
    {
      type: 'button',
      action_id: submit,
      style: 'primary',
      text: { type: 'plain_text', text: `Submit ${question.correctKeys.length}` },
      value: values.submit,
    },
  ];
}

/**
 * `📄 file › heading` for a question's source section; `📄 bundled notes › file › heading` when
 * the bot reads a team's notes and only ours hold the answer.
 */
export function sourceLine(source: Question['source'], citedIn?: Question['citedIn']): string {
  const where = citedIn === 'bundled' ? `bundled notes${DISPLAY_SEPARATOR}` : '';
  const heading = formatHeadingPath(splitHeadingPath(source.heading).slice(-2), DISPLAY_SEPARATOR);
  return `📄 ${where}${sectionLabel(escapeMrkdwn(fileLabel(source.file)), escapeMrkdwn(heading))}`;
}

/** The options as mrkdwn lines (`*A.* text`), the right ones marked ✅ once `revealed`. */
export function optionsText(question: Question, revealed: boolean): string {
  return question.options
    .map((o) => {
      const mark = revealed && question.correctKeys.includes(o.key) ? ' ✅' : '';
      return `*${o.key}.* ${escapeMrkdwn(o.text)}${mark}`;
    })
    .join('\n');
}

const pct = (stats: QuizStats) => (stats.answered ? Math.round((100 * stats.correct) / stats.answered) : 0);

/** The daily question as posted (or revealed). */
export function dailyQuestionBlocks(
  question: Question,
  quizId: number,
  stats: QuizStats,
  revealed: boolean,
): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Daily SAA question' } },
    { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(question.question).slice(0, 3000) } },
    { type: 'section', text: { type: 'mrkdwn', text: optionsText(question, revealed).slice(0, 3000) } },
  ];
  if (!revealed) {
    blocks.push({
      type: 'actions',
      block_id: `quiz:${quizId}`,
      elements: answerElements(question, 'daily', {
        option: (choice) => encodeDailyOption({ quizId, choice }),
        submit: encodeDailySubmit({ quizId }),
      }),
    });
  }
  const status = revealed
    ? `Answer: *${question.correctKeys.join(', ')}* · ${stats.correct} of ${stats.answered} right (${pct(stats)} %)`
    : `${stats.answered} answered · ${question.correctKeys.length > 1 ? `tick ${question.correctKeys.length}, then Submit · ` : ''}your first answer counts, and only you see the result`;
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `${status} · ${escapeMrkdwn(question.topic)}` }],
  });
  return blocks;
}

/** Thread reply when a quiz is revealed. */
export function revealText(question: Question, stats: QuizStats): string {
  const who = stats.answered
    ? `${stats.correct} of ${stats.answered} got it right (${pct(stats)} %).`
    : 'Nobody answered this one.';
  return [
    `*Answer: ${escapeMrkdwn(correctOptionsText(question))}* ${who}`,
    escapeMrkdwn(question.explanation),
    sourceLine(question.source, question.citedIn),
  ].join('\n');
}

/**
 * Feedback to a graded answer (mrkdwn): verdict, why the chosen option is wrong, explanation,
 * points when `points`, and the note section to read.
 */
export function gradeText(
  grade: Extract<GradeResult, { ok: true }>,
  question: Question,
  points: boolean,
): string {
  const lines = [`${grade.correct ? '✅' : '❌'} ${escapeMrkdwn(grade.feedback.verdict)}`];
  if (grade.feedback.whyYourChoiceIsWrong)
    lines.push(`Why not ${grade.choice}: ${escapeMrkdwn(grade.feedback.whyYourChoiceIsWrong)}`);
  lines.push(escapeMrkdwn(grade.feedback.explanation));
  if (points) lines.push(grade.correct ? `+${grade.points} points.` : 'No points this time.');
  lines.push(sourceLine(question.source, question.citedIn));
  return lines.join('\n');
}

/** Ephemeral reply to a daily-quiz click. */
export function dailyFeedbackText(outcome: AnswerOutcome): string {
  switch (outcome.status) {
    case 'recorded':
      return gradeText(outcome.grade, outcome.question, true);
    case 'duplicate':
      return `You already answered ${outcome.firstChoice}: only your first answer counts. The answer is revealed when the quiz closes.`;
    case 'closed':
      return `This quiz is closed. The answer was ${outcome.question.correctKeys.join(', ')}: ${escapeMrkdwn(outcome.question.explanation)}`;
    case 'incomplete':
      return incompleteText(outcome.question);
    case 'unknown':
      return 'I can’t find that quiz any more.';
  }
}

/** Reply to a Submit with the wrong number of boxes ticked (nothing was recorded). */
export function incompleteText(question: Question): string {
  return `Tick exactly ${question.correctKeys.length} options, then press Submit. Nothing was recorded yet.`;
}

/** Ephemeral reply to a practice click. */
export function practiceFeedbackText(question: Question, grade: Extract<GradeResult, { ok: true }>): string {
  return `${gradeText(grade, question, false)}\n_Practice: recorded for your stats, no team points._ \`/saa quiz\` for another.`;
}

/** A practice question, shown only to the asker. */
export function practiceQuestionBlocks(question: Question, cardReps?: number): KnownBlock[] {
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Practice question* (${escapeMrkdwn(question.topic)})\n${escapeMrkdwn(question.question)}`.slice(
          0,
          3000,
        ),
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: optionsText(question, false).slice(0, 3000) } },
    {
      type: 'actions',
      elements: answerElements(question, 'practice', {
        option: (choice) => encodePracticeOption({ questionId: question.id, choice, cardReps }),
        submit: encodePracticeSubmit({ questionId: question.id, cardReps }),
      }),
    },
  ];
}
