/**
 * Answer feedback storage, the same rules on Postgres, PGlite and in memory: one row per person
 * and answer however often they click; a changed rating replaces the old one and drops its
 * reason; a reason only attaches to a 👎; listing filters by time, newest first.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryFeedbackRepository } from '../../src/feedback/memory-feedback.ts';
import { answerKey, type FeedbackRepository } from '../../src/feedback/ports.ts';
import { SqlFeedbackRepository } from '../../src/storage/feedback-repository.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';

const engines: Array<{ name: string; open: () => Promise<FeedbackRepository>; close: () => Promise<void> }> =
  [
    ...testDatabases().map((t) => ({
      name: t.name,
      open: async () => {
        const db = await t.open();
        await migrate(db);
        return new SqlFeedbackRepository(db) as FeedbackRepository;
      },
      close: () => t.close(),
    })),
    { name: 'memory', open: async () => new MemoryFeedbackRepository(), close: async () => undefined },
  ];

const T0 = new Date('2026-12-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(engines)('feedback on $name', (engine) => {
  let repo: FeedbackRepository;
  beforeAll(async () => {
    repo = await engine.open();
  });
  afterAll(() => engine.close());

  function rating(
    teamId: string,
    userId: string,
    value: 'up' | 'down',
    answer = 'DAX caches DynamoDB reads.',
  ) {
    return {
      teamId,
      userId,
      answerKey: answerKey('dax vs elasticache', answer),
      question: 'dax vs elasticache',
      answer,
      sources: [{ file: 'dynamodb.md', heading: 'DAX', line: 3 }],
      mode: 'extractive' as const,
      rating: value,
    };
  }

  it('keeps one row per person and answer; a changed mind replaces the rating and drops the old reason', async () => {
    const team = uniqueId('T');
    await repo.rate(rating(team, 'U1', 'down'), at(0));
    expect(
      await repo.explain(
        { teamId: team, userId: 'U1', answerKey: rating(team, 'U1', 'down').answerKey },
        'too_long',
        'two lines would do',
        at(1),
      ),
    ).toBe(true);
    await repo.rate(rating(team, 'U1', 'down'), at(2));
    let mine = (await repo.list()).filter((f) => f.teamId === team);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      rating: 'down',
      reason: 'too_long',
      comment: 'two lines would do',
      sources: [{ file: 'dynamodb.md', heading: 'DAX', line: 3 }],
    });
    expect(mine[0]?.createdAt).toEqual(at(0));

    await repo.rate(rating(team, 'U1', 'up'), at(3));
    mine = (await repo.list()).filter((f) => f.teamId === team);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ rating: 'up', reason: null, comment: '' });
  });

  it('attaches a reason only to a 👎', async () => {
    const team = uniqueId('T');
    await repo.rate(rating(team, 'U2', 'up'), at(0));
    const key = { teamId: team, userId: 'U2', answerKey: rating(team, 'U2', 'up').answerKey };
    expect(await repo.explain(key, 'wrong', '', at(1))).toBe(false);
    expect(await repo.explain({ ...key, userId: 'U9' }, 'wrong', '', at(1))).toBe(false);
  });

  it('lists feedback since a time, newest first, people and answers apart', async () => {
    const team = uniqueId('T');
    await repo.rate(rating(team, 'U1', 'up'), at(10));
    await repo.rate(rating(team, 'U2', 'down'), at(20));
    await repo.rate(rating(team, 'U1', 'down', 'Another answer.'), at(30));
    const recent = (await repo.list(at(15))).filter((f) => f.teamId === team);
    expect(recent.map((f) => [f.userId, f.rating, f.answer])).toEqual([
      ['U1', 'down', 'Another answer.'],
      ['U2', 'down', 'DAX caches DynamoDB reads.'],
    ]);
  });
});
