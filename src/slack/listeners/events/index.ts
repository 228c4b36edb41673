/** Registers Events API listeners. */

import type { App } from '@slack/bolt';
import type { ScoreContext } from '../../../scores/score-context.ts';
import { appHomeOpened } from './app-home-opened.ts';

/** Registers the App Home listener when scores are available. */
export function registerEvents(app: App, scores?: () => ScoreContext): void {
  if (scores) app.event('app_home_opened', appHomeOpened(scores));
}
