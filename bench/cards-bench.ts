/**
 * Study cards at scale on Postgres: 10,000 people × 500 cards (5M `study_cards` rows, one
 * INSERT … SELECT over generate_series, people's cards interleaved on disk as if answered over
 * months) and an exam date for each. Times, for 1,000 people drawn with a fixed seed, one at a
 * time through the real repositories and use case: (a) the person's next due card
 * (`SqlStudyCardRepository.due(…, 1)`, what `/saa review` reads) and (b) their readiness stats
 * (`examReadiness`: exam date + all 500 cards, then mastery, estimate and plan in JS). Prints
 * p50/p99 and EXPLAIN (ANALYZE, BUFFERS) of both queries (every column, as the repository reads
 * them) for one person. No index was added for readiness: the primary key serves it (one range
 * scan, ~500 heap pages per person).
 */

import { examReadiness } from '../src/exam-readiness/exam-readiness.ts';
import { EXAM_DOMAINS } from '../src/quiz/exam-guide.ts';
import { SqlExamDateRepository } from '../src/storage/exam-date-repository.ts';
import { PgDatabase } from '../src/storage/pg-database.ts';
import { SqlStudyCardRepository } from '../src/storage/study-card-repository.ts';
import { makeQuestion } from '../tests/quiz/quiz-fixtures.ts';
import { benchDatabase } from './bench-database.ts';
import { percentile } from './retrieval-bench.ts';

const PEOPLE = 10_000;
const CARDS = 500;
const SAMPLE = 1_000;
const WARMUP = 50;

/** One measured operation; times in ms. */
export interface CardsRow {
  operation: string;
  p50: number;
  p99: number;
  max: number;
}

/** A fixed-seed generator (mulberry32), so every run measures the same people. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeds, measures, drops. */
export async function benchCards(): Promise<{
  rows: CardsRow[];
  cards: number;
  seedMs: number;
  tableMB: number;
  explainDue: string;
  explainReadiness: string;
}> {
  const bench = await benchDatabase();
  const { db } = bench;
  // Seeding 5M rows takes minutes: its own connection, past the bot's 5 s statement timeout.
  const seeder = PgDatabase.connect(bench.url, { max: 1, queryTimeoutMs: 30 * 60_000 });
  try {
    const now = new Date('2026-12-01T12:00:00Z');
    let t = performance.now();
    // q outer, u inner: each person's 500 cards land on 500 different pages, as cards answered
    // over months would. h: a per-card pseudo-random 0..999. About a third of the cards are due.
    await seeder.query(
      `INSERT INTO study_cards (team_id, user_id, question_id, due, stability, difficulty, elapsed_days,
         scheduled_days, learning_steps, reps, lapses, state, last_review, last_rating, correct_answers)
       SELECT 'T1', 'U' || u, 'q' || q,
              $1::timestamptz + make_interval(days => (h % 60) - 20, mins => h),
              1 + (h % 100), 1 + (h % 9), 0, 10, 0, 1 + (h % 5), 0, 2,
              $1::timestamptz - make_interval(days => h % 30), 3, (1 + (h % 5)) * 7 / 10
         FROM generate_series(1, ${CARDS}) q
        CROSS JOIN generate_series(1, ${PEOPLE}) u
        CROSS JOIN LATERAL (SELECT (u * 7919 + q * 104729) % 1000 AS h) x`,
      [now],
    );
    await db.query(
      `INSERT INTO exam_dates (team_id, user_id, exam_date, updated_at)
       SELECT 'T1', 'U' || u, date '2026-12-01' + (u % 90), $1 FROM generate_series(1, ${PEOPLE}) u`,
      [now],
    );
    await seeder.query('VACUUM ANALYZE');
    const seedMs = performance.now() - t;
    const { rows: size } = await db.query<{ mb: number }>(
      `SELECT pg_total_relation_size('study_cards')::float8 / 1048576 AS mb`,
    );
    const { rows: count } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM study_cards');

    const cards = new SqlStudyCardRepository(db);
    const ports = {
      cards,
      exams: new SqlExamDateRepository(db),
      limits: { newPerDay: 10, reviewsPerDay: 100 },
    };
    const bank = Array.from({ length: CARDS + 7 }, (_, i) =>
      makeQuestion(`q${i + 1}`, { domain: EXAM_DOMAINS[i % 4]?.domain }),
    );
    const random = seeded(12);
    const people = Array.from({ length: WARMUP + SAMPLE }, () => `U${1 + Math.floor(random() * PEOPLE)}`);
    const timings = { due: [] as number[], readiness: [] as number[] };
    for (const [i, user] of people.entries()) {
      t = performance.now();
      await cards.due('T1', user, now, 1);
      const dueMs = performance.now() - t;
      t = performance.now();
      await examReadiness(ports, { teamId: 'T1', userId: user, bank, now, timeZone: 'Europe/Paris' });
      const readinessMs = performance.now() - t;
      if (i < WARMUP) continue;
      timings.due.push(dueMs);
      timings.readiness.push(readinessMs);
    }
    const row = (operation: string, xs: number[]): CardsRow => ({
      operation,
      p50: percentile(xs, 50),
      p99: percentile(xs, 99),
      max: Math.max(...xs),
    });
    const explain = async (sql: string, params: unknown[]) =>
      (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    const someone = people[WARMUP] ?? 'U1';
    return {
      rows: [
        row('(a) next due card (`due(…, 1)`)', timings.due),
        row(
          '(b) readiness stats (`examReadiness`: date + 500 cards + mastery, estimate, plan)',
          timings.readiness,
        ),
      ],
      cards: count[0]?.n ?? 0,
      seedMs,
      tableMB: size[0]?.mb ?? 0,
      explainDue: await explain(
        `SELECT * FROM study_cards WHERE team_id = $1 AND user_id = $2 AND due <= $3
         ORDER BY due, question_id LIMIT 1`,
        ['T1', someone, now],
      ),
      explainReadiness: await explain(
        'SELECT * FROM study_cards WHERE team_id = $1 AND user_id = $2 ORDER BY question_id',
        ['T1', someone],
      ),
    };
  } finally {
    await seeder.close();
    await bench.drop();
  }
}
