/**
 * `/saa stats` and the App Home: one person's points (this week and all time), rank, accuracy,
 * streak, accuracy per topic, and the three weakest topics with the note sections to read; with
 * card storage, exam readiness too (days left, mastery per domain, score estimate, today's plan).
 */

import { examReadiness, type Readiness } from '../exam-readiness/exam-readiness.ts';
import { periodRange } from '../quiz/periods.ts';
import { channelTimeZone, type ScoreContext } from './score-context.ts';
import { currentStreak } from './streak.ts';
import { type TopicAccuracy, topicAccuracy } from './topic-accuracy.ts';

/** A person's stats. Accuracy is 0..1 (null with no answers). */
export interface PersonalStats {
  userId: string;
  displayName: string;
  pointsAllTime: number;
  pointsThisWeek: number;
  /** Rank all time among everyone who answered a daily quiz (null: never answered). */
  rank: number | null;
  players: number;
  dailyAnswered: number;
  dailyCorrect: number;
  /** Daily and practice answers together. */
  accuracy: number | null;
  streak: number;
  topics: TopicAccuracy[];
  weakest: TopicAccuracy[];
  /** Exam readiness (src/exam-readiness/), in the person’s own time zone; null or absent without card storage. */
  readiness?: Readiness | null;
}

/** Computes `userId`'s stats in `teamId`. @throws DatabaseUnavailableError */
export async function personalStats(
  ctx: ScoreContext,
  args: { teamId: string; userId: string; channelId?: string },
): Promise<PersonalStats> {
  await ctx.ready();
  const now = ctx.clock();
  const timeZone = await channelTimeZone(ctx, args.teamId, args.channelId);
  const [all, week, days, answered, profiles] = await Promise.all([
    // limit 1: the leader's row carries `total` even when this person never answered.
    ctx.scores.standings({ teamId: args.teamId, limit: 1, userId: args.userId }),
    ctx.scores.standings({
      teamId: args.teamId,
      since: periodRange('week', now, timeZone).since,
      limit: 0,
      userId: args.userId,
    }),
    ctx.scores.quizDays(args.teamId, args.userId),
    ctx.scores.answeredQuestions(args.teamId, args.userId),
    ctx.profiles.get(args.teamId, [args.userId]),
  ]);
  const mine = all.find((s) => s.userId === args.userId);
  const profile = profiles.get(args.userId) ?? { displayName: args.userId, timeZone };
  const readiness = ctx.readiness
    ? await examReadiness(ctx.readiness, {
        teamId: args.teamId,
        userId: args.userId,
        bank: ctx.bank(),
        now,
        timeZone: profile.timeZone,
      })
    : null;
  const topics = topicAccuracy(answered, ctx.bank());
  const totalAnswered = topics.reduce((n, t) => n + t.answered, 0);
  const totalCorrect = topics.reduce((n, t) => n + t.correct, 0);
  return {
    userId: args.userId,
    displayName: profile.displayName,
    pointsAllTime: mine?.points ?? 0,
    pointsThisWeek: week.find((s) => s.userId === args.userId)?.points ?? 0,
    rank: mine?.rank ?? null,
    players: all[0]?.total ?? 0,
    dailyAnswered: mine?.answered ?? 0,
    dailyCorrect: mine?.correct ?? 0,
    accuracy: totalAnswered ? totalCorrect / totalAnswered : null,
    streak: currentStreak(days, profile.timeZone, now),
    topics,
    weakest: topics.filter((t) => t.accuracy < 1).slice(0, 3),
    readiness,
  };
}
