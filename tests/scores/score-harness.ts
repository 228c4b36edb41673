/**
 * Builders for score tests: a real ScoreContext (the in-memory repositories for rule tests, or the
 * SQL ones over a migrated test database; the real ProfileDirectory; a clock the test sets) and a
 * seeder that writes quizzes and responses through those repositories (claim → markPosted →
 * recordDaily / recordPractice) with explicit timestamps. Slack is the stand-in, time is the
 * test's; the port contract tests hold the in-memory repositories to SQL's behaviour.
 */

import { WebClient } from '@slack/web-api';
import { slackProfileFetcher } from '../../src/bootstrap.ts';
import type {
  QuizPostRepository,
  ResponseRepository,
  ScheduleRepository,
} from '../../src/daily-quiz/ports.ts';
import type { Question } from '../../src/quiz/question.ts';
import type { UserRepository } from '../../src/scores/ports.ts';
import { ProfileDirectory, type ProfileFetcher } from '../../src/scores/profile-directory.ts';
import type { ScoreContext } from '../../src/scores/score-context.ts';
import { singleWorkspaceClients } from '../../src/slack/team-clients.ts';
import type { Database } from '../../src/storage/db.ts';
import { type QuizStores, sqlQuizStores } from '../helpers/quiz-stores.ts';
import type { SlackStandIn } from '../helpers/slack-stand-in.ts';

/** Points per correct daily answer (as graded by quiz/). */
export const POINTS = 10;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const toDate = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d);

/** What a score context in a test may set. */
export interface ScoreContextOptions {
  bank?: readonly Question[];
  /** The use cases' "now". */
  now: () => Date;
  fetcher?: ProfileFetcher | null;
  defaultTimeZone?: string;
  ready?: () => Promise<void>;
}

/** The quiz and score ports of `source`: a migrated database (SQL) or a set of stores (e.g. memory). */
function storesOf(source: Database | QuizStores): QuizStores {
  return 'query' in source ? sqlQuizStores(source) : source;
}

/** A ScoreContext over `source`: a migrated database, or stores (tests/helpers/quiz-stores.ts). */
export function scoreContext(source: Database | QuizStores, o: ScoreContextOptions): ScoreContext {
  const defaultTimeZone = o.defaultTimeZone ?? 'UTC';
  const stores = storesOf(source);
  return {
    scores: stores.scores,
    schedules: stores.schedules,
    profiles: new ProfileDirectory(stores.users, o.fetcher ?? null, defaultTimeZone, o.now),
    bank: () => o.bank ?? [],
    clock: o.now,
    defaultTimeZone,
    ready: o.ready ?? (() => Promise.resolve()),
  };
}

/** One scripted Slack profile (users.info fields). */
export interface StandInProfile {
  display_name?: string;
  real_name?: string;
  name?: string;
  tz?: string;
}

/**
 * Scripts the stand-in's users.info from `profiles` (by user id); unknown ids get the stand-in's
 * default ("Display <id>", tz UTC). Returns the real Slack fetcher talking to the stand-in.
 */
export function standInProfiles(
  standIn: SlackStandIn,
  profiles: Map<string, StandInProfile>,
): ProfileFetcher {
  standIn.reply('users.info', (b) => {
    const id = String(b.user);
    const p = profiles.get(id);
    if (!p) {
      return {
        ok: true,
        user: {
          id,
          name: `name-${id}`,
          real_name: `Real ${id}`,
          tz: 'UTC',
          profile: { display_name: `Display ${id}` },
        },
      };
    }
    return {
      ok: true,
      user: {
        id,
        name: p.name ?? '',
        real_name: p.real_name ?? '',
        tz: p.tz ?? 'UTC',
        profile: { display_name: p.display_name ?? '', real_name: p.real_name ?? '' },
      },
    };
  });
  return slackProfileFetcher(
    singleWorkspaceClients(new WebClient('xoxb-test', { slackApiUrl: standIn.apiUrl })),
  );
}

/** Writes quizzes and responses through the repositories of a database or a set of stores. */
export class ScoreSeeder {
  readonly posts: QuizPostRepository;
  readonly responses: ResponseRepository;
  readonly schedules: ScheduleRepository;
  readonly users: UserRepository;
  #ts = 0;

  constructor(source: Database | QuizStores) {
    ({
      posts: this.posts,
      responses: this.responses,
      schedules: this.schedules,
      users: this.users,
    } = storesOf(source));
  }

  /**
   * A daily quiz claimed and posted at `postedAt` in `channelId`; revealed at `revealedAt`
   * (default: 8 h after posting; `null`: still open). `localDate` defaults to the UTC date.
   */
  async quiz(q: {
    teamId: string;
    channelId: string;
    postedAt: Date | string;
    questionId?: string;
    localDate?: string;
    revealedAt?: Date | string | null;
  }): Promise<number> {
    const postedAt = toDate(q.postedAt);
    const claim = await this.posts.claim({
      teamId: q.teamId,
      channelId: q.channelId,
      localDate: q.localDate ?? postedAt.toISOString().slice(0, 10),
      questionId: q.questionId ?? 'q1',
      claimedBy: 'test:1',
      now: new Date(postedAt.getTime() - 1000),
      staleAfterMs: 5 * MINUTE,
    });
    if (claim.status !== 'claimed') throw new Error(`quiz already claimed: ${q.channelId} ${q.localDate}`);
    this.#ts += 1;
    await this.posts.markPosted(claim.post.id, `1700000000.${String(this.#ts).padStart(6, '0')}`, postedAt);
    const revealedAt =
      q.revealedAt === undefined
        ? new Date(postedAt.getTime() + 8 * HOUR)
        : q.revealedAt && toDate(q.revealedAt);
    if (revealedAt) await this.posts.markRevealed(claim.post.id, revealedAt);
    return claim.post.id;
  }

  /** One daily answer: POINTS when correct, 0 otherwise. */
  async daily(a: {
    quizId: number;
    teamId: string;
    userId: string;
    correct: boolean;
    at: Date | string;
  }): Promise<void> {
    const result = await this.responses.recordDaily({
      quizId: a.quizId,
      teamId: a.teamId,
      userId: a.userId,
      choice: a.correct ? 'B' : 'A',
      correct: a.correct,
      points: a.correct ? POINTS : 0,
      answeredAt: toDate(a.at),
    });
    if (result.status !== 'recorded') throw new Error(`duplicate answer of ${a.userId} to ${a.quizId}`);
  }

  /** One practice answer (never scored). */
  practice(a: { teamId: string; userId: string; questionId: string; correct: boolean; at: Date | string }) {
    return this.responses.recordPractice({
      teamId: a.teamId,
      userId: a.userId,
      questionId: a.questionId,
      choice: a.correct ? 'B' : 'A',
      correct: a.correct,
      answeredAt: toDate(a.at),
    });
  }

  /** A channel schedule in `timeZone` (weekdays 09:00). */
  schedule(teamId: string, channelId: string, timeZone: string) {
    return this.schedules.upsert({
      teamId,
      channelId,
      cron: '0 9 * * 1-5',
      timeZone,
      enabled: true,
      updatedAt: new Date('2025-01-01T00:00:00Z'),
    });
  }

  /** A cached profile, fetched at `fetchedAt`. */
  profile(teamId: string, userId: string, displayName: string, timeZone: string, fetchedAt: Date | string) {
    return this.users.upsert({ teamId, userId, displayName, timeZone, fetchedAt: toDate(fetchedAt) });
  }
}
