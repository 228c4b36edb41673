/**
 * The review-reminder sweep at scale (issue 12, Done-when): 10,000 people in 40 workspaces (250
 * each) on Postgres, all opted in for 09:00 UTC with due cards, one sweep at 09:00:30 through
 * the real repositories and Slack messenger against the Slack stand-in (real time, real pace).
 * `FIRST_TIMERS` people of each workspace get their first reminder (no stored DM channel: one
 * conversations.open each); the rest have theirs stored, as every day after the first.
 * Counted from the stand-in's recorded call times: DMs sent, the busiest 60-second and 1-second
 * window of any one workspace, and conversations.open per workspace in its busiest minute.
 */

import { WebClient } from '@slack/web-api';
import { singleAttemptOptions, slackClientOptions } from '../src/slack/slack-client-options.ts';
import { slackReminderMessenger } from '../src/slack/slack-reminder-messenger.ts';
import { singleWorkspaceClients } from '../src/slack/team-clients.ts';
import { createReminderSweep } from '../src/spaced-repetition/reminder-sweep.ts';
import { busiestWindow } from '../tests/helpers/busiest-window.ts';
import { quizContext, standInMessenger } from '../tests/helpers/quiz-harness.ts';
import { type RecordedCall, startSlackStandIn } from '../tests/helpers/slack-stand-in.ts';
import { TestClock } from '../tests/helpers/test-clock.ts';
import { benchDatabase } from './bench-database.ts';

const WORKSPACES = 40;
const PEOPLE_PER_WORKSPACE = 250;
const FIRST_TIMERS = 10;
const DUE_CARDS = 5;

/** What one sweep did; times in ms. */
export interface RemindersResult {
  people: number;
  workspaces: number;
  firstTimers: number;
  sweepMs: number;
  sent: number;
  /** The most DMs one workspace got in any 60 s / 1 s window (half-open). */
  maxPerWorkspaceMinute: number;
  maxPerWorkspaceSecond: number;
  /** The most conversations.open calls one workspace got in any 60 s window. */
  maxOpensPerWorkspaceMinute: number;
  /** First to last DM of the slowest workspace. */
  slowestWorkspaceMs: number;
}

/** Seeds, sweeps once, counts, drops. */
export async function benchReminders(): Promise<RemindersResult> {
  const bench = await benchDatabase();
  const standIn = await startSlackStandIn();
  const { db } = bench;
  try {
    const now = new Date('2026-12-01T09:00:30Z');
    // User ids carry their workspace (U<w>x<i>), so a DM channel D<user> tells the workspace.
    await db.query(
      `INSERT INTO review_reminders (team_id, user_id, enabled, minute_of_day, timezone, dm_channel_id, updated_at)
       SELECT 'T' || w, 'U' || w || 'x' || i, true, 540, 'UTC',
              CASE WHEN i > $2 THEN 'DU' || w || 'x' || i END, $1
         FROM generate_series(1, ${WORKSPACES}) w CROSS JOIN generate_series(1, ${PEOPLE_PER_WORKSPACE}) i`,
      [now, FIRST_TIMERS],
    );
    await db.query(
      `INSERT INTO study_cards (team_id, user_id, question_id, due, stability, difficulty, elapsed_days,
         scheduled_days, learning_steps, reps, lapses, state, last_review, last_rating, correct_answers)
       SELECT 'T' || w, 'U' || w || 'x' || i, 'q' || q, $1::timestamptz - interval '1 hour',
              3, 5, 0, 1, 0, 1, 0, 2, $1::timestamptz - interval '1 day', 3, 1
         FROM generate_series(1, ${WORKSPACES}) w CROSS JOIN generate_series(1, ${PEOPLE_PER_WORKSPACE}) i
        CROSS JOIN generate_series(1, ${DUE_CARDS}) q`,
      [now],
    );
    await db.query('VACUUM ANALYZE');
    const settings = { apiUrl: standIn.apiUrl };
    const ctx = quizContext(db, {
      bank: [],
      clock: new TestClock(now.toISOString()),
      messenger: standInMessenger(standIn),
      reminderMessenger: slackReminderMessenger(
        singleWorkspaceClients(
          new WebClient('xoxb-bench', slackClientOptions(settings)),
          new WebClient('xoxb-bench', singleAttemptOptions(settings)),
        ),
      ),
    });
    const sweep = createReminderSweep(() => ctx);
    const t = performance.now();
    const report = await sweep();
    const sweepMs = performance.now() - t;

    const team = (user: string) => user.slice(1, user.indexOf('x'));
    const byTeam = (calls: RecordedCall[], user: (c: RecordedCall) => string) => {
      const m = new Map<string, number[]>();
      for (const c of calls) {
        const k = team(user(c));
        m.set(k, [...(m.get(k) ?? []), c.at]);
      }
      return [...m.values()];
    };
    const posts = byTeam(
      standIn.calls.filter((c) => c.method === 'chat.postMessage'),
      (c) => String(c.body.channel).slice(1),
    );
    const opens = byTeam(
      standIn.calls.filter((c) => c.method === 'conversations.open'),
      (c) => String(c.body.users),
    );
    return {
      people: WORKSPACES * PEOPLE_PER_WORKSPACE,
      workspaces: WORKSPACES,
      firstTimers: FIRST_TIMERS,
      sweepMs,
      sent: report.sent.length,
      maxPerWorkspaceMinute: Math.max(...posts.map((x) => busiestWindow(x, 60_000))),
      maxPerWorkspaceSecond: Math.max(...posts.map((x) => busiestWindow(x, 1_000))),
      maxOpensPerWorkspaceMinute: Math.max(0, ...opens.map((x) => busiestWindow(x, 60_000))),
      slowestWorkspaceMs: Math.max(...posts.map((x) => Math.max(...x) - Math.min(...x))),
    };
  } finally {
    await standIn.close();
    await bench.drop();
  }
}
