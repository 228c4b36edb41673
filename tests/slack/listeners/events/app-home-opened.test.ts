/** The App Home listener alone: Bolt's arguments and Web API client faked, scores in memory. */

import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../../../src/database-unavailable.ts';
import { appHomeOpened } from '../../../../src/slack/listeners/events/app-home-opened.ts';
import { homeUnavailableView } from '../../../../src/slack/views/score-blocks.ts';
import { boltFakes, listenerArgs } from '../../../helpers/bolt-fakes.ts';
import { memoryQuizStores } from '../../../helpers/quiz-stores.ts';
import { TestClock } from '../../../helpers/test-clock.ts';
import { scoreContext } from '../../../scores/score-harness.ts';

const clock = new TestClock('2026-03-02T09:00:00Z');

async function open(tab: string, ready?: () => Promise<void>, fail: string[] = []) {
  const fakes = boltFakes({ fail });
  const ctx = scoreContext(memoryQuizStores(), { now: clock.now, ready });
  const handler = appHomeOpened(() => ctx);
  await handler(
    listenerArgs(handler, {
      ...fakes.args,
      event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab },
      body: { team_id: 'T1' },
    }),
  );
  return fakes;
}

describe('appHomeOpened', () => {
  it('publishes the person’s stats and the week’s leaderboard on the Home tab', async () => {
    const fakes = await open('home');
    expect(fakes.calls.map((c) => [c.method, c.args.user_id])).toEqual([['views.publish', 'U1']]);
    expect(fakes.calls[0]?.args.view).toMatchObject({ type: 'home' });
    expect(fakes.calls[0]?.args.view).not.toEqual(homeUnavailableView());
  });

  it('ignores the Messages tab', async () => {
    expect((await open('messages')).calls).toEqual([]);
  });

  it('with the database down publishes the fallback view, logging no error', async () => {
    const fakes = await open('home', () => Promise.reject(new DatabaseUnavailableError('down')));
    expect(fakes.calls.map((c) => c.args.view)).toEqual([homeUnavailableView()]);
    expect(fakes.logged('error')).toEqual([]);
  });

  it('a failure is logged, and so is a fallback view that cannot be published', async () => {
    const fakes = await open('home', () => Promise.reject(new Error('bug')), ['views.publish']);
    expect(fakes.logged('error')).toEqual(['app home failed', 'app home fallback view failed']);
  });
});
