/** What the leaderboard and stats use cases need. */

import type { ScheduleRepository } from '../daily-quiz/ports.ts';
import type { ReadinessPorts } from '../exam-readiness/exam-readiness.ts';
import type { NotesCoverage } from '../question-review/notes-coverage.ts';
import type { Question } from '../quiz/question.ts';
import type { ScoreRepository } from './ports.ts';
import type { ProfileDirectory } from './profile-directory.ts';

/** Ports and settings for score reads. */
export interface ScoreContext {
  scores: ScoreRepository;
  schedules: ScheduleRepository;
  profiles: ProfileDirectory;
  bank: () => readonly Question[];
  clock: () => Date;
  /** QUIZ_TIMEZONE: periods when the channel has no schedule. */
  defaultTimeZone: string;
  /** Resolves once the database is migrated; rejects with DatabaseUnavailableError while it is down. */
  ready: () => Promise<void>;
  /** How the team's own notes cover the exam (null: bundled notes, or not computed yet). */
  coverage?: () => NotesCoverage | null;
  /** Exam dates and study cards (src/exam-readiness/). Absent: stats show no readiness and `/saa exam` is off. */
  readiness?: ReadinessPorts;
}

/** The time zone for periods in a channel: its quiz schedule's, else the default. */
export async function channelTimeZone(
  ctx: ScoreContext,
  teamId: string,
  channelId?: string,
): Promise<string> {
  if (!channelId) return ctx.defaultTimeZone;
  return (await ctx.schedules.get(teamId, channelId))?.timeZone ?? ctx.defaultTimeZone;
}
