/** Registers view_submission handlers. */

import type { App } from '@slack/bolt';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import { REPORT_VIEW } from '../../views/report-blocks.ts';
import { reportSubmission } from './report-submission.ts';

/** Registers the report modal's handler when the quiz runs. */
export function registerViews(app: App, quiz?: () => QuizContext): void {
  if (quiz) app.view(REPORT_VIEW, reportSubmission(quiz));
}
