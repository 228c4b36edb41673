/**
 * Plain-text lines for leaderboards and stats (pure), shared by Slack (as mrkdwn, escaped) and
 * the console/CLI. People appear by display name, never as an @-mention, so nobody is pinged.
 */

import { readinessLines } from '../exam-readiness/format-readiness.ts';
import { sectionLabel, splitHeadingPath } from '../knowledge/heading-path.ts';
import { escapeMrkdwn } from '../slack/mrkdwn.ts';
import type { Leaderboard, LeaderboardRow } from './leaderboard.ts';
import type { PersonalStats } from './personal-stats.ts';

const PERIOD_TITLE = { week: 'This week', month: 'This month', all: 'All time' } as const;

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(100 * x)} %`);

/** "3. Ana — 40 pts · 4/5 correct · streak 3". `mrkdwn` bolds the name and escapes it. */
export function leaderboardLine(r: LeaderboardRow, mrkdwn: boolean): string {
  const name = mrkdwn ? `*${escapeMrkdwn(r.displayName)}*` : r.displayName;
  const streak = r.streak > 0 ? ` · 🔥 ${r.streak}` : '';
  return `${r.rank}. ${name} — ${r.points} pts · ${r.correct}/${r.answered} correct${streak}`;
}

/** Title line, e.g. "This week (since Mon 23 Nov, Europe/Paris)". */
export function leaderboardTitle(board: Leaderboard): string {
  const since = board.since
    ? ` (since ${board.since.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: board.timeZone })}, ${board.timeZone})`
    : '';
  return `${PERIOD_TITLE[board.period]}${since}`;
}

/** Whole leaderboard as lines. */
export function leaderboardLines(board: Leaderboard, mrkdwn: boolean): string[] {
  if (board.rows.length === 0) return ['Nobody has answered a daily question in this period yet.'];
  const lines = board.rows.map((r) => leaderboardLine(r, mrkdwn));
  if (board.asker) lines.push('…', leaderboardLine(board.asker, mrkdwn));
  return lines;
}

/** Stats as lines, exam readiness last (when the bot has card storage). */
export function statsLines(s: PersonalStats, mrkdwn: boolean): string[] {
  const esc = (t: string) => (mrkdwn ? escapeMrkdwn(t) : t);
  const lines = [
    `Points: ${s.pointsThisWeek} this week, ${s.pointsAllTime} all time` +
      (s.rank ? ` · rank ${s.rank} of ${s.players}` : ' · no daily answers yet'),
    `Daily: ${s.dailyCorrect}/${s.dailyAnswered} correct · accuracy (daily + practice) ${pct(s.accuracy)} · streak ${s.streak} quiz day${s.streak === 1 ? '' : 's'}`,
  ];
  if (s.topics.length) {
    lines.push('By topic:');
    for (const t of [...s.topics].sort((a, b) => b.accuracy - a.accuracy)) {
      lines.push(`  ${esc(t.topic)}: ${pct(t.accuracy)} (${t.correct}/${t.answered})`);
    }
  }
  if (s.weakest.length) {
    lines.push('Weakest topics, with what to read:');
    for (const t of s.weakest) {
      const read = t.read
        .map((r) => sectionLabel(esc(r.file), esc(splitHeadingPath(r.heading).slice(-1)[0] ?? r.heading)))
        .join('; ');
      lines.push(`  ${esc(t.topic)} (${pct(t.accuracy)}): ${read}`);
    }
  }
  if (s.readiness) lines.push('Exam readiness:', ...readinessLines(s.readiness));
  return lines;
}
