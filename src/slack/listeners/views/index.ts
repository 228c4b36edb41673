/** Registers view_submission handlers. */

import type { App } from '@slack/bolt';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { FEEDBACK_VIEW } from '../../views/feedback-blocks.ts';
import { REPORT_VIEW } from '../../views/report-blocks.ts';
import { feedbackReasonSubmission } from './feedback-reason-submission.ts';
import { reportSubmission } from './report-submission.ts';

/** Registers the report modal's and the 👎 reason form's handlers when the quiz runs. */
export function registerViews(app: App, quiz?: () => QuizContext): void {
  if (!quiz) return;
  app.view(REPORT_VIEW, reportSubmission(quiz));
  app.view(FEEDBACK_VIEW, feedbackReasonSubmission(quiz));
}
