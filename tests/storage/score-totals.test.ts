/**
 * The all-time leaderboard reads user_totals (kept by a trigger); every other period aggregates
 * quiz_answers. Both paths must agree, answer by answer, on every engine.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { SqlQuizPostRepository } from '../../src/storage/quiz-post-repository.ts';
import { SqlResponseRepository } from '../../src/storage/response-repository.ts';
import { SqlScoreRepository } from '../../src/storage/score-repository.ts';
import { testDatabases } from '../helpers/databases.ts';
import { useMigratedDatabase } from '../helpers/suite-setup.ts';

describe.each(testDatabases())('score totals on $name', (target) => {
  let db: Database;
  const database = useMigratedDatabase(target);

  beforeAll(async () => {
    db = database.db;
  });

  it('all-time standings from user_totals equal the aggregate of every answer, duplicates ignored', async () => {
    const team = `T-totals-${target.name}`;
    const posts = new SqlQuizPostRepository(db);
    const answers = new SqlResponseRepository(db);
    const scores = new SqlScoreRepository(db);
    const start = Date.parse('2026-11-02T09:00:00Z');
    for (let day = 0; day < 5; day += 1) {
      const now = new Date(start + day * 86_400_000);
      const claim = await posts.claim({
        teamId: team,
        channelId: day % 2 ? 'C1' : 'C2',
        localDate: `2026-11-0${day + 2}`,
        questionId: `q${day}`,
        claimedBy: 'test',
        now,
        staleAfterMs: 60_000,
      });
      await posts.markPosted(claim.post.id, `${day}.1`, now);
      for (let u = 0; u < 6; u += 1) {
        if ((u + day) % 4 === 0) continue;
        const correct = (u * day) % 3 !== 1;
        const answer = {
          quizId: claim.post.id,
          teamId: team,
          userId: `U${u}`,
          choice: correct ? 'A' : 'B',
          correct,
          points: correct ? 10 : 0,
          answeredAt: new Date(now.getTime() + (u + 1) * 60_000),
        };
        await answers.recordDaily(answer);
        await answers.recordDaily({ ...answer, choice: 'C' }); // a duplicate click changes nothing
      }
    }
    const allTime = await scores.standings({ teamId: team });
    const aggregated = await scores.standings({ teamId: team, since: new Date(0) });
    expect(allTime.length).toBeGreaterThan(3);
    expect(allTime).toEqual(aggregated);
    const top2 = await scores.standings({ teamId: team, limit: 2, userId: allTime[4]?.userId });
    expect(top2.map((s) => s.rank)).toEqual([1, 2, 5]);
    expect(top2[0]?.total).toBe(allTime.length);
  });
});
