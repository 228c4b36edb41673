/**
 * The data lifecycle's Slack events (issue 14, item 2). `app_uninstalled`, and `tokens_revoked`
 * when it revokes the bot's token, schedule the workspace's erasure after the grace period
 * (https://api.slack.com/events/app_uninstalled, https://api.slack.com/events/tokens_revoked);
 * any later request from that workspace (it reinstalled) cancels it, checked against an
 * in-memory set of pending workspaces so ordinary requests cost no query.
 */

import type { AllMiddlewareArgs, AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { LifecycleContext } from '../../../data-lifecycle/lifecycle-context.ts';
import type { ErasureReason } from '../../../data-lifecycle/ports.ts';

/** Registers the events and the cancelling middleware. */
export function registerLifecycle(app: App, lifecycle: LifecycleContext): void {
  let pending: Set<string> | null = null;
  const load = async () => {
    pending ??= await lifecycle
      .ready()
      .then(() => lifecycle.repo.pendingErasures())
      .catch(() => null);
    return pending;
  };
  const schedule = async (teamId: string, reason: ErasureReason, logger: AllMiddlewareArgs['logger']) => {
    try {
      await lifecycle.ready();
      await lifecycle.repo.scheduleErasure(teamId, lifecycle.clock(), reason);
      (await load())?.add(teamId);
      logger.warn(
        `workspace ${teamId}: ${reason}; its data is erased after the grace period unless it comes back`,
      );
    } catch (err) {
      logger.error('could not schedule the workspace erasure', { teamId, err });
    }
  };
  const cancelOnReturn: Middleware<AnyMiddlewareArgs> = async ({ body, context, next, logger }) => {
    const type = (body as { event?: { type?: string } }).event?.type;
    const teamId = context.teamId;
    if (teamId && type !== 'app_uninstalled' && type !== 'tokens_revoked') {
      const set = await load();
      if (set?.has(teamId)) {
        await lifecycle.repo
          .cancelErasure(teamId)
          .then(() => {
            set.delete(teamId);
            logger.info(`workspace ${teamId} is back; its erasure is cancelled`);
          })
          .catch((err) => logger.error('could not cancel the workspace erasure', { teamId, err }));
      }
    }
    await next();
  };
  app.use(cancelOnReturn);
  app.event('app_uninstalled', async ({ body, logger }) => {
    await schedule(body.team_id, 'app_uninstalled', logger);
  });
  app.event('tokens_revoked', async ({ event, body, logger }) => {
    if ((event.tokens.bot ?? []).length > 0) await schedule(body.team_id, 'tokens_revoked', logger);
  });
}
