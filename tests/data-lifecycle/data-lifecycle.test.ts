/**
 * A person's and a workspace's data lifecycle on PGlite and Postgres (issue 14, item 2), with
 * data made by the real use cases (a daily quiz answered, practice answers that move study
 * cards, feedback, an exam date): forgetting one person removes their rows everywhere, review
 * log included, and nobody else's; the export lists the rest; an uninstalled workspace is erased
 * only after the grace period (injected clock), another workspace untouched, its own quiz
 * defaults included; a cancelled erasure never runs; while its erasure is pending a workspace
 * gets no daily post and no review reminder, and gets them again once it returns.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { answerDailyQuiz } from '../../src/daily-quiz/answer-daily-quiz.ts';
import { postDailyQuiz } from '../../src/daily-quiz/post-daily-quiz.ts';
import { answerPractice } from '../../src/daily-quiz/practice-quiz.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { changeWorkspaceDefaults } from '../../src/daily-quiz/workspace-defaults.ts';
import { eraseDueWorkspaces } from '../../src/data-lifecycle/erase-workspaces.ts';
import type { LifecycleContext } from '../../src/data-lifecycle/lifecycle-context.ts';
import { workspaceReturned } from '../../src/data-lifecycle/workspace-returned.ts';
import { answerKey } from '../../src/feedback/ports.ts';
import { SqlDataLifecycleRepository } from '../../src/storage/data-lifecycle-repository.ts';
import type { Database } from '../../src/storage/db.ts';
import { SqlFeedbackRepository } from '../../src/storage/feedback-repository.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { quizContext, recordingLog, standInMessenger } from '../helpers/quiz-harness.ts';
import type { SlackStandIn } from '../helpers/slack-stand-in.ts';
import { useMigratedDatabase, useSlackStandIn } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

const DAY = 86_400_000;
const TABLES = [
  'quiz_answers',
  'practice_answers',
  'user_totals',
  'study_cards',
  'study_card_reviews',
  'answer_feedback',
] as const;

describe.each(testDatabases())('data lifecycle on $name', (target) => {
  let db: Database;
  let standIn: SlackStandIn;
  let ctx: QuizContext;
  const clock = new TestClock('2026-12-01T09:00:00Z');
  const bank = makeBank(4);

  const database = useMigratedDatabase(target);
  const slackApi = useSlackStandIn();

  beforeAll(async () => {
    db = database.db;
    standIn = slackApi.standIn;
    ctx = quizContext(db, { bank, clock, messenger: standInMessenger(standIn), log: recordingLog().log });
  });

  /** A workspace where `users` answered today's quiz and a practice question, rated an answer and set an exam date. */
  async function workspace(users: string[]): Promise<string> {
    const team = uniqueId('T');
    const posted = await postDailyQuiz(ctx, team, uniqueId('C'));
    if (posted.status !== 'posted') throw new Error(posted.status);
    const question = bank.find((q) => q.id === posted.post.questionId);
    for (const user of users) {
      await answerDailyQuiz(ctx, {
        teamId: team,
        userId: user,
        quizId: posted.post.id,
        choice: question?.correctKeys.join(',') ?? 'A',
      });
      await answerPractice(ctx, { teamId: team, userId: user, questionId: bank[0]?.id ?? '', choice: 'B' });
      await new SqlFeedbackRepository(db).rate(
        {
          teamId: team,
          userId: user,
          answerKey: answerKey('q', 'a'),
          question: 'q',
          answer: 'a',
          sources: [],
          mode: 'extractive',
          rating: 'up',
        },
        clock.now(),
      );
      await db.query(
        'INSERT INTO exam_dates (team_id, user_id, exam_date, updated_at) VALUES ($1, $2, $3, $4)',
        [team, user, '2027-01-15', clock.now()],
      );
    }
    return team;
  }

  async function rows(team: string, user?: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of [...TABLES, 'exam_dates']) {
      const { rows: r } = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${table} WHERE team_id = $1 ${user ? 'AND user_id = $2' : ''}`,
        user ? [team, user] : [team],
      );
      out[table] = Number(r[0]?.n);
    }
    return out;
  }

  it('forgets one person everywhere, review log included, and nobody else', async () => {
    const team = await workspace(['U1', 'U2']);
    const other = await workspace(['U1']);
    const before = await rows(team, 'U1');
    for (const table of TABLES) expect(before[table], table).toBeGreaterThan(0);
    const deleted = await new SqlDataLifecycleRepository(db).forgetPerson(team, 'U1');
    expect(deleted.study_card_reviews).toBe(before.study_card_reviews);
    expect(Object.values(await rows(team, 'U1')).every((n) => n === 0)).toBe(true);
    expect((await rows(team, 'U2')).quiz_answers).toBe(1);
    expect((await rows(other, 'U1')).study_cards).toBeGreaterThan(0);
    expect((await new SqlDataLifecycleRepository(db).exportScores(team)).map((r) => r.userId)).toEqual([
      'U2',
    ]);
  });

  it('exports everyone with scores, highest points first', async () => {
    const team = await workspace(['U5', 'U6']);
    await db.query('UPDATE user_totals SET points = points + 5 WHERE team_id = $1 AND user_id = $2', [
      team,
      'U6',
    ]);
    const exported = await new SqlDataLifecycleRepository(db).exportScores(team);
    expect(exported.map((r) => r.userId)).toEqual(['U6', 'U5']);
    expect(exported[1]).toMatchObject({ dailyAnswered: 1, dailyCorrect: 1, practiceAnswered: 1 });
    // One card per question answered: the daily question and the practice one (the same or two).
    expect([1, 2]).toContain(exported[1]?.cards);
  });

  it('erases an uninstalled workspace only after the grace period, and never a cancelled one', async () => {
    const gone = await workspace(['U1', 'U2']);
    const back = await workspace(['U3']);
    const kept = await workspace(['U4']);
    const repo = new SqlDataLifecycleRepository(db);
    const now = new TestClock('2026-12-01T10:00:00Z');
    const lifecycle: LifecycleContext = {
      repo,
      clock: now.now,
      ready: () => Promise.resolve(),
      graceMs: 30 * DAY,
      log: recordingLog().log,
    };
    await repo.scheduleErasure(gone, now.now(), 'app_uninstalled');
    await repo.scheduleErasure(back, now.now(), 'tokens_revoked');
    expect(await repo.cancelErasure(back)).toBe(true);

    now.advance(29 * DAY);
    expect(await eraseDueWorkspaces(lifecycle)).toEqual([]);
    expect((await rows(gone)).quiz_answers).toBe(2);

    now.advance(2 * DAY);
    expect(await eraseDueWorkspaces(lifecycle)).toEqual([gone]);
    expect(Object.values(await rows(gone)).every((n) => n === 0)).toBe(true);
    const { rows: posts } = await db.query('SELECT 1 FROM quiz_posts WHERE team_id = $1', [gone]);
    expect(posts).toEqual([]);
    expect((await rows(back)).quiz_answers).toBe(1);
    expect((await rows(kept)).study_cards).toBeGreaterThan(0);
    expect(await repo.pendingErasures()).not.toContain(gone);
  });

  it('a workspace with its erasure pending is left out of the daily posts and reminders until it returns', async () => {
    const repo = new SqlDataLifecycleRepository(db);
    const lifecycle: LifecycleContext = {
      repo,
      clock: clock.now,
      ready: () => Promise.resolve(),
      graceMs: 30 * DAY,
      log: recordingLog().log,
    };
    const left = uniqueId('T');
    const stays = uniqueId('T');
    for (const team of [left, stays]) {
      await ctx.schedules.upsert({
        teamId: team,
        channelId: 'C1',
        cron: '0 9 * * *',
        timeZone: 'UTC',
        enabled: true,
        updatedAt: clock.now(),
      });
      await ctx.reminders?.save({
        teamId: team,
        userId: 'U1',
        enabled: true,
        minuteOfDay: 540,
        timeZone: 'UTC',
        updatedAt: clock.now(),
      });
    }
    await changeWorkspaceDefaults(ctx, { teamId: left, timeZone: 'Europe/Paris' });
    const scheduled = async () => (await ctx.schedules.listEnabled()).map((s) => s.teamId);
    const reminded = async () => ((await ctx.reminders?.listEnabled()) ?? []).map((r) => r.teamId);

    await repo.scheduleErasure(left, clock.now(), 'app_uninstalled');
    expect(await scheduled()).toContain(stays);
    expect(await scheduled()).not.toContain(left);
    expect(await reminded()).toContain(stays);
    expect(await reminded()).not.toContain(left);

    expect(await workspaceReturned(lifecycle, left)).toBe(true);
    expect(await workspaceReturned(lifecycle, left)).toBe(false);
    expect(await scheduled()).toContain(left);
    expect(await reminded()).toContain(left);

    await repo.scheduleErasure(left, clock.now(), 'app_uninstalled');
    expect((await repo.eraseWorkspace(left)).workspace_settings).toBe(1);
    expect(await ctx.workspaceSettings?.get(left)).toBeNull();
  });
});
