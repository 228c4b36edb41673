/**
 * What an uninstall does, without HTTP: the handlers registered on a recording stand-in for
 * Bolt's `App` and called with faked arguments. The erasure schedule is the SQL one on PGlite
 * (and Postgres with DATABASE_URL); the installations are @slack/oauth's own memory store.
 */

import { MemoryInstallationStore } from '@slack/oauth';
import { describe, expect, it } from 'vitest';
import type { LifecycleContext } from '../../../../src/data-lifecycle/lifecycle-context.ts';
import {
  registerInstallationRemoval,
  registerLifecycle,
} from '../../../../src/slack/listeners/events/uninstall.ts';
import { SqlDataLifecycleRepository } from '../../../../src/storage/data-lifecycle-repository.ts';
import { boltFakes, fakeApp } from '../../../helpers/bolt-fakes.ts';
import { testDatabases } from '../../../helpers/databases.ts';
import { uniqueId } from '../../../helpers/ids.ts';
import { recordingLog } from '../../../helpers/quiz-harness.ts';
import { useMigratedDatabase } from '../../../helpers/suite-setup.ts';
import { TestClock } from '../../../helpers/test-clock.ts';

/** Resolves once `check` holds (the cancel runs in the background, off the request's path). */
async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(testDatabases())('registerLifecycle on $name', (target) => {
  const database = useMigratedDatabase(target);
  const lifecycle = (): LifecycleContext => ({
    repo: new SqlDataLifecycleRepository(database.db),
    clock: new TestClock('2026-03-02T09:00:00Z').now,
    ready: () => Promise.resolve(),
    graceMs: 30 * 86_400_000,
    log: recordingLog().log,
  });

  it('app_uninstalled schedules the erasure; the workspace’s next request cancels it', async () => {
    const ctx = lifecycle();
    const f = fakeApp();
    registerLifecycle(f.app, ctx);
    expect(f.registered.map((r) => `${r.kind} ${r.id}`)).toEqual([
      'use *',
      'event app_uninstalled',
      'event tokens_revoked',
    ]);
    const team = uniqueId('T');
    const fakes = boltFakes();
    for (const h of f.handlers('event', 'app_uninstalled'))
      await h({ body: { team_id: team }, logger: fakes.args.logger });
    expect(await ctx.repo.pendingErasures()).toContain(team);
    expect(fakes.logged('warn')).toHaveLength(1);

    let nexts = 0;
    const request = {
      body: { event: { type: 'message' } },
      context: { teamId: team },
      next: async () => void nexts++,
      logger: fakes.args.logger,
    };
    for (const h of f.handlers('use', '*')) await h(request);
    expect(nexts).toBe(1);
    await eventually(async () => !(await ctx.repo.pendingErasures()).has(team));
  });

  it('tokens_revoked schedules the erasure only when the bot’s token went', async () => {
    const ctx = lifecycle();
    const f = fakeApp();
    registerLifecycle(f.app, ctx);
    const [userOnly, bot] = [uniqueId('T'), uniqueId('T')];
    const { logger } = boltFakes().args;
    const [revoked] = f.handlers('event', 'tokens_revoked');
    await revoked?.({ body: { team_id: userOnly }, event: { tokens: { oauth: ['U1'] } }, logger });
    await revoked?.({ body: { team_id: bot }, event: { tokens: { bot: ['B1'] } }, logger });
    const pending = await ctx.repo.pendingErasures();
    expect([pending.has(userOnly), pending.has(bot)]).toEqual([false, true]);
  });
});

describe('registerInstallationRemoval', () => {
  it('deletes the workspace’s installation on app_uninstalled', async () => {
    const store = new MemoryInstallationStore();
    const team = uniqueId('T');
    await store.storeInstallation({
      team: { id: team },
      enterprise: undefined,
      user: { id: 'U1', token: undefined, scopes: undefined },
      bot: { id: 'B1', userId: 'UB', token: 'xoxb-1', scopes: ['chat:write'] },
      isEnterpriseInstall: false,
    });
    const query = { teamId: team, enterpriseId: undefined, isEnterpriseInstall: false };
    expect(await store.fetchInstallation(query)).toBeDefined();
    const f = fakeApp();
    registerInstallationRemoval(f.app, store);
    const fakes = boltFakes();
    const [uninstalled] = f.handlers('event', 'app_uninstalled');
    await uninstalled?.({ context: { teamId: team, isEnterpriseInstall: false }, logger: fakes.args.logger });
    // @slack/oauth's memory store answers undefined for a workspace it does not hold.
    expect(await store.fetchInstallation(query)).toBeUndefined();
    expect(fakes.logged('warn')).toEqual([
      `workspace ${team}: app_uninstalled; its installation (bot token) is deleted`,
    ]);
  });

  it('a deletion that fails is logged', async () => {
    const f = fakeApp();
    registerInstallationRemoval(f.app, {
      deleteInstallation: () => Promise.reject(new Error('store down')),
    });
    const fakes = boltFakes();
    const [uninstalled] = f.handlers('event', 'app_uninstalled');
    await uninstalled?.({ context: { teamId: 'T1', isEnterpriseInstall: false }, logger: fakes.args.logger });
    expect(fakes.logged('error')).toEqual(['could not delete the installation']);
  });
});
