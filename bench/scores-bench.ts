/**
 * Leaderboard query on Postgres with 1M synthetic daily answers: 3,000 people, 5 channels,
 * one quiz per channel per day for a year (1,825 quizzes, ~550 answers each), plus a second
 * workspace of the same size that must not slow the first. Times the standings query for a week,
 * a month and all time (p50/p99 over 30 runs) and prints EXPLAIN ANALYZE of the week query.
 */

import { SqlScoreRepository } from '../src/storage/score-repository.ts';
import { benchDatabase } from './bench-database.ts';
import { percentile } from './retrieval-bench.ts';

/** One row of the table; times in ms. */
export interface ScoresRow {
  period: string;
  people: number;
  p50: number;
  p99: number;
}

/** Seeds, measures, drops. */
export async function benchScores(): Promise<{
  rows: ScoresRow[];
  answers: number;
  seedMs: number;
  explain: string;
}> {
  const bench = await benchDatabase();
  const { db } = bench;
  try {
    const now = new Date('2026-11-22T12:00:00Z');
    let t = performance.now();
    // Bulk seeding: fill user_totals once at the end instead of row by row through the trigger.
    await db.query('ALTER TABLE quiz_answers DISABLE TRIGGER quiz_answers_totals');
    for (const team of ['T1', 'T2']) {
      await db.query(
        `INSERT INTO quiz_posts (team_id, channel_id, local_date, question_id, claimed_at, claimed_by, message_ts, posted_at)
         SELECT $1, 'C' || c, (date '2026-11-22' - d), 'q' || ((d * 7 + c) % 144),
                $2::timestamptz - make_interval(days => d), 'bench', d || '.' || c, $2::timestamptz - make_interval(days => d)
         FROM generate_series(0, 364) d, generate_series(1, 5) c`,
        [team, new Date(now.getTime() - 3 * 3_600_000)],
      );
      // ~548 of 3,000 people answer each quiz, 3–60 minutes after it was posted; 60 % correct.
      await db.query(
        `INSERT INTO quiz_answers (quiz_id, team_id, user_id, choice, correct, points, answered_at, channel_id, delay_ms)
         SELECT p.id, p.team_id, 'U' || u, 'A', (hashint) % 10 < 6, CASE WHEN (hashint) % 10 < 6 THEN 10 ELSE 0 END,
                p.posted_at + make_interval(mins => 3 + (hashint % 57)), p.channel_id, (3 + (hashint % 57)) * 60000
         FROM quiz_posts p
         CROSS JOIN LATERAL (SELECT u, abs(hashtext(p.id || ':' || u)) AS hashint FROM generate_series(1, 3000) u) x
         WHERE p.team_id = $1 AND x.hashint % 1000 < 183`,
        [team],
      );
    }
    await db.query(
      `INSERT INTO user_totals (team_id, user_id, points, answered, correct, delay_sum_ms)
       SELECT team_id, user_id, sum(points), count(*), count(*) FILTER (WHERE correct), sum(delay_ms)
         FROM quiz_answers GROUP BY team_id, user_id`,
    );
    await db.query('ALTER TABLE quiz_answers ENABLE TRIGGER quiz_answers_totals');
    await db.query('VACUUM ANALYZE');
    const seedMs = performance.now() - t;
    const { rows: count } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM quiz_answers WHERE team_id = 'T1'",
    );
    const repo = new SqlScoreRepository(db);
    const periods: Array<[string, Date | undefined]> = [
      ['week', new Date('2026-11-16T00:00:00Z')],
      ['month', new Date('2026-11-01T00:00:00Z')],
      ['all', undefined],
    ];
    const rows: ScoresRow[] = [];
    for (const [period, since] of periods) {
      const times: number[] = [];
      let people = 0;
      for (let i = 0; i < 32; i += 1) {
        t = performance.now();
        // What /saa leaderboard asks: ranks 1–10 plus the asker's row.
        const standings = await repo.standings({ teamId: 'T1', since, limit: 10, userId: 'U2500' });
        if (i >= 2) times.push(performance.now() - t);
        people = standings[0]?.total ?? 0;
      }
      rows.push({ period, people, p50: percentile(times, 50), p99: percentile(times, 99) });
    }
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)
       WITH s AS (SELECT user_id, sum(points) AS points, count(*) AS answered, count(*) FILTER (WHERE correct) AS correct,
                         avg(delay_ms)::float8 AS mean_delay
                    FROM quiz_answers WHERE team_id = 'T1' AND answered_at >= '2026-11-16T00:00:00Z' GROUP BY user_id),
            r AS (SELECT s.*, rank() OVER (ORDER BY points DESC, mean_delay ASC, user_id ASC) AS rank, count(*) OVER () AS total FROM s)
       SELECT * FROM r WHERE rank <= 10 OR user_id = 'U2500' ORDER BY rank`,
    );
    return {
      rows,
      answers: count[0]?.n ?? 0,
      seedMs,
      explain: plan.rows.map((r) => r['QUERY PLAN']).join('\n'),
    };
  } finally {
    await bench.drop();
  }
}
