/**
 * Erases the workspaces whose grace period after an uninstall has passed (issue 14, item 2:
 * "after a grace period (configurable, default 30 days, so a reinstall keeps history)"). Runs on
 * a schedule; one workspace's failure is logged and does not stop the others.
 * @throws DatabaseUnavailableError when the database is down (the next run tries again).
 */

import type { LifecycleContext } from './lifecycle-context.ts';

/** Erases every due workspace; resolves with the team ids erased. */
export async function eraseDueWorkspaces(ctx: LifecycleContext): Promise<string[]> {
  await ctx.ready();
  const due = await ctx.repo.dueErasures(new Date(ctx.clock().getTime() - ctx.graceMs));
  const erased: string[] = [];
  for (const teamId of due) {
    try {
      const counts = await ctx.repo.eraseWorkspace(teamId);
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      ctx.log.info(`workspace ${teamId} erased after its grace period: ${rows} rows deleted`);
      erased.push(teamId);
    } catch (err) {
      ctx.log.error('workspace erasure failed; will retry', { teamId, err });
    }
  }
  return erased;
}
