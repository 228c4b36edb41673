/**
 * The daily-quiz and score repositories as one set, on every engine their contract tests run on:
 * in memory (sharing one MemoryQuizRecords, as SQL shares its tables), and SQL on PGlite and, with
 * DATABASE_URL, Postgres (tests/helpers/databases.ts). Use with
 * `describe.each(quizStoreTargets())('… on $name', …)`. Tests in one file share the store: give
 * each test its own team or channel ids.
 */

import { MemoryQuizPostRepository } from '../../src/daily-quiz/memory-quiz-posts.ts';
import { MemoryQuizRecords } from '../../src/daily-quiz/memory-quiz-records.ts';
import { MemoryResponseRepository } from '../../src/daily-quiz/memory-responses.ts';
import { MemoryScheduleRepository } from '../../src/daily-quiz/memory-schedules.ts';
import type {
  QuizPostRepository,
  ResponseRepository,
  ScheduleRepository,
} from '../../src/daily-quiz/ports.ts';
import { MemoryScoreRepository } from '../../src/scores/memory-scores.ts';
import { MemoryUserRepository } from '../../src/scores/memory-users.ts';
import type { ScoreRepository, UserRepository } from '../../src/scores/ports.ts';
import type { Database } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { SqlQuizPostRepository } from '../../src/storage/quiz-post-repository.ts';
import { SqlResponseRepository } from '../../src/storage/response-repository.ts';
import { SqlScheduleRepository } from '../../src/storage/schedule-repository.ts';
import { SqlScoreRepository } from '../../src/storage/score-repository.ts';
import { SqlUserRepository } from '../../src/storage/user-repository.ts';
import { testDatabases } from './databases.ts';
import { uniqueId } from './ids.ts';

/** The quiz and score ports over one store. */
export interface QuizStores {
  schedules: ScheduleRepository;
  posts: QuizPostRepository;
  responses: ResponseRepository;
  scores: ScoreRepository;
  users: UserRepository;
}

/** A fresh in-memory set: the posts, responses and scores share their rows. */
export function memoryQuizStores(): QuizStores {
  const records = new MemoryQuizRecords();
  return {
    schedules: new MemoryScheduleRepository(),
    posts: new MemoryQuizPostRepository(records),
    responses: new MemoryResponseRepository(records),
    scores: new MemoryScoreRepository(records),
    users: new MemoryUserRepository(),
  };
}

/** The SQL set over `db` (migrated by the caller). */
export function sqlQuizStores(db: Database): QuizStores {
  return {
    schedules: new SqlScheduleRepository(db),
    posts: new SqlQuizPostRepository(db),
    responses: new SqlResponseRepository(db),
    scores: new SqlScoreRepository(db),
    users: new SqlUserRepository(db),
  };
}

/** One engine under contract test. `open()` returns the file's single store (`db` on SQL, migrated). */
export interface QuizStoreTarget {
  name: 'memory' | 'pglite' | 'postgres';
  open(): Promise<{ stores: QuizStores; db?: Database }>;
  close(): Promise<void>;
}

/** Memory, PGlite, and Postgres when DATABASE_URL is set. */
export function quizStoreTargets(): QuizStoreTarget[] {
  let memory: QuizStores | undefined;
  return [
    {
      name: 'memory',
      open: async () => {
        memory ??= memoryQuizStores();
        return { stores: memory };
      },
      close: async () => {},
    },
    ...testDatabases().map(
      (t): QuizStoreTarget => ({
        name: t.name,
        open: async () => {
          const db = await t.open();
          await migrate(db);
          return { stores: sqlQuizStores(db), db };
        },
        close: () => t.close(),
      }),
    ),
  ];
}

/**
 * A quiz claimed and posted at `postedAt` in `channelId` (default a new channel) of `teamId`, on
 * `localDate` (default the UTC date of `postedAt`), for question `questionId` (default q1).
 * Resolves with its id.
 */
export async function postedQuiz(
  posts: QuizPostRepository,
  teamId: string,
  options: { postedAt: Date; channelId?: string; localDate?: string; questionId?: string },
): Promise<number> {
  const claim = await posts.claim({
    teamId,
    channelId: options.channelId ?? uniqueId('C'),
    localDate: options.localDate ?? options.postedAt.toISOString().slice(0, 10),
    questionId: options.questionId ?? 'q1',
    claimedBy: 'test',
    now: options.postedAt,
    staleAfterMs: 86_400_000,
  });
  if (claim.status !== 'claimed') throw new Error(`quiz already claimed: ${claim.post.channelId}`);
  await posts.markPosted(
    claim.post.id,
    `ts-${claim.post.id}-${options.postedAt.getTime()}`,
    options.postedAt,
  );
  return claim.post.id;
}
