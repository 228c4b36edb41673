/**
 * A workspace that installed the app again (OAuth install stored its installation) is back: its
 * pending erasure is cancelled at once, not at its first request, so its history stays and its
 * daily quiz resumes (the scheduler skips workspaces with an erasure pending). An org-wide
 * install names no workspace, so it cancels nothing; its workspaces' first requests do.
 */

import type { LifecycleContext } from './lifecycle-context.ts';

/**
 * Cancels the pending erasure of `teamId`; resolves true when one was pending (and logs it).
 * @throws DatabaseUnavailableError when the database is down.
 */
export async function workspaceReturned(ctx: LifecycleContext, teamId: string): Promise<boolean> {
  await ctx.ready();
  const cancelled = await ctx.repo.cancelErasure(teamId);
  if (cancelled) ctx.log.info(`workspace ${teamId} installed the app again; its erasure is cancelled`);
  return cancelled;
}
