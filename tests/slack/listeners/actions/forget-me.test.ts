/**
 * The "Delete my data" listener alone: Bolt's arguments faked, the data lifecycle on PGlite (and
 * Postgres with DATABASE_URL): it spans every table, so it has no in-memory implementation.
 */

import { describe, expect, it } from 'vitest';
import type { LifecycleContext } from '../../../../src/data-lifecycle/lifecycle-context.ts';
import { DatabaseUnavailableError } from '../../../../src/database-unavailable.ts';
import { answerKey } from '../../../../src/feedback/ports.ts';
import { forgetMe } from '../../../../src/slack/listeners/actions/forget-me.ts';
import { FORGET_ACTION } from '../../../../src/slack/views/forget-blocks.ts';
import { SqlDataLifecycleRepository } from '../../../../src/storage/data-lifecycle-repository.ts';
import type { Database } from '../../../../src/storage/db.ts';
import { SqlFeedbackRepository } from '../../../../src/storage/feedback-repository.ts';
import { boltFakes, clickBody, listenerArgs } from '../../../helpers/bolt-fakes.ts';
import { testDatabases } from '../../../helpers/databases.ts';
import { uniqueId } from '../../../helpers/ids.ts';
import { recordingLog } from '../../../helpers/quiz-harness.ts';
import { useMigratedDatabase } from '../../../helpers/suite-setup.ts';
import { TestClock } from '../../../helpers/test-clock.ts';

const lifecycle = (db: Database, ready = () => Promise.resolve()): LifecycleContext => ({
  repo: new SqlDataLifecycleRepository(db),
  clock: new TestClock('2026-03-02T09:00:00Z').now,
  ready,
  graceMs: 30 * 86_400_000,
  log: recordingLog().log,
});

async function click(ctx: LifecycleContext, user: string, team: string, value: string) {
  const fakes = boltFakes();
  const handler = forgetMe(ctx);
  await handler(
    listenerArgs(handler, {
      ...fakes.args,
      body: clickBody(user, team),
      action: { action_id: FORGET_ACTION, value },
    }),
  );
  return fakes;
}

describe.each(testDatabases())('forgetMe on $name', (target) => {
  const database = useMigratedDatabase(target);

  it('deletes the clicker’s rows in this workspace and says what went', async () => {
    const { db } = database;
    const team = uniqueId('T');
    const at = new Date('2026-03-02T08:00:00Z');
    const rating = { teamId: team, rating: 'up' as const, question: 'q', answer: 'a', sources: [] };
    const feedback = new SqlFeedbackRepository(db);
    await feedback.rate({ ...rating, userId: 'U1', answerKey: answerKey('q', 'a'), mode: 'extractive' }, at);
    await feedback.rate({ ...rating, userId: 'U2', answerKey: answerKey('q', 'a'), mode: 'extractive' }, at);
    const fakes = await click(lifecycle(db), 'U1', team, 'U1');
    expect(fakes.acks).toEqual([undefined]);
    expect(fakes.responses).toEqual([
      expect.objectContaining({ response_type: 'ephemeral', replace_original: true }),
    ]);
    expect(String(fakes.responses[0]?.text)).toMatch(/^Done: deleted 1 records about you/);
    expect(fakes.logged('info')).toEqual(['person forgotten']);
    expect((await feedback.list()).filter((f) => f.teamId === team).map((f) => f.userId)).toEqual(['U2']);
  });

  it('a click by someone else deletes nothing', async () => {
    const fakes = await click(lifecycle(database.db), 'U2', uniqueId('T'), 'U1');
    expect(fakes.responses).toEqual([
      expect.objectContaining({
        text: 'This button deletes the data of the person who asked for it, not yours: run `/saa forget me`.',
      }),
    ]);
  });

  it('with the database down nothing is deleted and the person is told so', async () => {
    const down = lifecycle(database.db, () => Promise.reject(new DatabaseUnavailableError('down')));
    const fakes = await click(down, 'U1', uniqueId('T'), 'U1');
    expect(fakes.responses).toEqual([
      expect.objectContaining({
        text: 'Nothing was deleted: the database is not answering. Try again in a minute.',
      }),
    ]);
    expect(fakes.logged('error')).toEqual([]);
  });
});
