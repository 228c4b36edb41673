/** App Home: on `app_home_opened`, publish the person's stats and this week's leaderboard. */

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { DatabaseUnavailableError } from '../../../database-unavailable.ts';
import { leaderboard } from '../../../scores/leaderboard.ts';
import { personalStats } from '../../../scores/personal-stats.ts';
import type { ScoreContext } from '../../../scores/score-context.ts';
import { homeUnavailableView, homeView } from '../../views/score-blocks.ts';

/** Builds the handler. */
export function appHomeOpened(scores: () => ScoreContext) {
  return async ({
    event,
    body,
    client,
    logger,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const teamId = body.team_id ?? '';
    try {
      const ctx = scores();
      const [stats, board] = await Promise.all([
        personalStats(ctx, { teamId, userId: event.user }),
        leaderboard(ctx, { teamId, period: 'week', askerId: event.user }),
      ]);
      await client.views.publish({ user_id: event.user, view: homeView(stats, board, ctx.coverage?.()) });
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError))
        logger.error('app home failed', { user: event.user, err });
      await client.views
        .publish({
          user_id: event.user,
          view: homeUnavailableView(),
        })
        .catch((err) => logger.error('app home fallback view failed', { user: event.user, err }));
    }
  };
}
