/**
 * What an uninstall does. With OAuth install, `app_uninstalled`, and `tokens_revoked` naming the
 * bot, delete the workspace's installation at once (no token is kept for a workspace that
 * removed the app; a reinstall stores a new one). And the data lifecycle (issue 14, item 2):
 * the same two events schedule the workspace's erasure after the grace period
 * (https://api.slack.com/events/app_uninstalled, https://api.slack.com/events/tokens_revoked);
 * any later request from that workspace (it reinstalled) cancels it, checked against an
 * in-memory set of pending workspaces so ordinary requests cost no query. The set is loaded in
 * the background and the cancel runs in the background: a slow or absent database never delays
 * a request (Slack wants its ack within 3 s).
 */

import type { AllMiddlewareArgs, AnyMiddlewareArgs, App, Context, Middleware } from '@slack/bolt';
import type { InstallationQuery, InstallationStore } from '@slack/oauth';
import type { LifecycleContext } from '../../../data-lifecycle/lifecycle-context.ts';
import type { ErasureReason } from '../../../data-lifecycle/ports.ts';

/** Registers the erasure's events and the cancelling middleware. */
export function registerLifecycle(app: App, lifecycle: LifecycleContext): void {
  let pending: Set<string> | null = null;
  let loading = false;
  /** The pending set; starts loading it when it is not loaded (again after a failure), never waits. */
  const load = (): Set<string> | null => {
    if (!pending && !loading) {
      loading = true;
      lifecycle
        .ready()
        .then(() => lifecycle.repo.pendingErasures())
        .then(
          (set) => {
            pending = set;
          },
          () => undefined,
        )
        .finally(() => {
          loading = false;
        });
    }
    return pending;
  };
  load();
  const schedule = async (teamId: string, reason: ErasureReason, logger: AllMiddlewareArgs['logger']) => {
    try {
      await lifecycle.ready();
      await lifecycle.repo.scheduleErasure(teamId, lifecycle.clock(), reason);
      load()?.add(teamId);
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
      const set = load();
      if (set?.has(teamId)) {
        set.delete(teamId);
        void lifecycle.repo
          .cancelErasure(teamId)
          .then(() => logger.info(`workspace ${teamId} is back; its erasure is cancelled`))
          .catch((err) => {
            set.add(teamId); // try again on its next request
            logger.error('could not cancel the workspace erasure', { teamId, err });
          });
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

/**
 * Registers the deletion of the installation on `app_uninstalled` and on `tokens_revoked` with bot
 * tokens: keyed as the event's context says (an org-wide install by its enterprise id, any other
 * by its team id). Bolt does not authorize these two events, so they arrive after the token is
 * gone. A failed deletion is logged (the event is already acked; Slack does not send it again).
 */
export function registerInstallationRemoval(
  app: App,
  store: Pick<InstallationStore, 'deleteInstallation'>,
): void {
  const remove = async (context: Context, reason: string, logger: AllMiddlewareArgs['logger']) => {
    const query = {
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: context.isEnterpriseInstall === true,
    } as InstallationQuery<boolean>;
    const where = query.isEnterpriseInstall
      ? `enterprise ${query.enterpriseId}`
      : `workspace ${query.teamId}`;
    try {
      await store.deleteInstallation?.(query);
      logger.warn(`${where}: ${reason}; its installation (bot token) is deleted`);
    } catch (err) {
      logger.error('could not delete the installation', { where, reason, err });
    }
  };
  app.event('app_uninstalled', async ({ context, logger }) => {
    await remove(context, 'app_uninstalled', logger);
  });
  app.event('tokens_revoked', async ({ event, context, logger }) => {
    if ((event.tokens.bot ?? []).length > 0) await remove(context, 'tokens_revoked', logger);
  });
}
