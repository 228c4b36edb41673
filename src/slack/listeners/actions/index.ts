/** Registers block_actions handlers. */

import type { App, BlockAction, BlockButtonAction, FeedbackButtonsAction } from '@slack/bolt';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { QUIZ_ME_ACTION, SHARE_ACTION } from '../../views/answer-blocks.ts';
import { FEEDBACK_ACTION } from '../../views/feedback-blocks.ts';
import {
  DAILY_ACTION,
  DAILY_PICK_ACTION,
  DAILY_SUBMIT_ACTION,
  PRACTICE_ACTION,
  PRACTICE_PICK_ACTION,
  PRACTICE_SUBMIT_ACTION,
  REVIEW_ACTION,
  REVIEW_PICK_ACTION,
  REVIEW_SUBMIT_ACTION,
} from '../../views/quiz-blocks.ts';
import { REPORT_ACTION } from '../../views/report-blocks.ts';
import { REVIEW_AHEAD_ACTION, REVIEW_EASY_ACTION } from '../../views/review-blocks.ts';
import { answerFeedback } from './answer-feedback.ts';
import { practiceAnswer } from './practice-answer.ts';
import { quizAnswer } from './quiz-answer.ts';
import { quizMe } from './quiz-me.ts';
import { reportProblem } from './report-problem.ts';
import { reviewAnswer } from './review-answer.ts';
import { reviewEasy } from './review-easy.ts';
import { shareAnswer } from './share-answer.ts';
import { tickBox } from './tick-box.ts';

/** Registers every button handler; quiz buttons only when the quiz runs. */
export function registerActions(app: App, quiz?: () => QuizContext): void {
  app.action<BlockButtonAction>(SHARE_ACTION, shareAnswer({ feedback: Boolean(quiz) }));
  if (quiz) {
    app.action<BlockAction<FeedbackButtonsAction>>(FEEDBACK_ACTION, answerFeedback(quiz));
    app.action<BlockButtonAction>(
      new RegExp(`^(${DAILY_ACTION}:|${DAILY_SUBMIT_ACTION}$)`),
      quizAnswer(quiz),
    );
    app.action<BlockButtonAction>(
      new RegExp(`^(${PRACTICE_ACTION}:|${PRACTICE_SUBMIT_ACTION}$)`),
      practiceAnswer(quiz),
    );
    app.action<BlockButtonAction>(
      new RegExp(`^(${REVIEW_ACTION}:|${REVIEW_SUBMIT_ACTION}$|${REVIEW_AHEAD_ACTION}$)`),
      reviewAnswer(quiz),
    );
    app.action<BlockButtonAction>(REVIEW_EASY_ACTION, reviewEasy(quiz));
    app.action(
      new RegExp(`^(${DAILY_PICK_ACTION}|${PRACTICE_PICK_ACTION}|${REVIEW_PICK_ACTION})$`),
      tickBox(),
    );
    app.action<BlockButtonAction>(QUIZ_ME_ACTION, quizMe(quiz));
    app.action<BlockButtonAction>(REPORT_ACTION, reportProblem(quiz));
  }
}
