/**
 * A workspace's own daily-quiz defaults (issue 14, item 1): the schedule and time zone its
 * channels get when `/saa daily on` (or `saa quiz post` in a channel with no schedule) says
 * none. Each value falls back on its own to the install-wide QUIZ_SCHEDULE and QUIZ_TIMEZONE
 * (`ctx.defaults`). Changed with `saa workspace` (src/cli/workspace-command.ts).
 */

import { cronProblem, isTimeZone } from '../quiz/daily-schedule.ts';
import type { QuizContext } from './quiz-context.ts';
import type { WorkspaceSettings } from './workspace-settings-ports.ts';

/** A schedule: five-field cron read in an IANA time zone. */
export interface QuizDefaults {
  cron: string;
  timeZone: string;
}

/**
 * The defaults of workspace `teamId`: its stored values, each else `ctx.defaults`'s. Without a
 * settings repository, `ctx.defaults`.
 * @throws DatabaseUnavailableError when the settings cannot be read.
 */
export async function quizDefaults(
  ctx: Pick<QuizContext, 'defaults' | 'workspaceSettings'>,
  teamId: string,
): Promise<QuizDefaults> {
  const s = await ctx.workspaceSettings?.get(teamId);
  return { cron: s?.quizSchedule ?? ctx.defaults.cron, timeZone: s?.quizTimeZone ?? ctx.defaults.timeZone };
}

/** A change: a value sets it, `null` goes back to the install-wide default, absent keeps it. */
export interface DefaultsChange {
  teamId: string;
  schedule?: string | null;
  timeZone?: string | null;
  /**
   * The workspace's notes folder (absolute path; `null`: NOTES_DIR's). Stored as given: the caller
   * checks that it holds notes (reading a folder is the adapter's I/O, `saa workspace --notes`).
   */
  notesDir?: string | null;
}

/** What a change did: the stored settings and the defaults now in force; or why it was refused. */
export type DefaultsChangeResult =
  | { ok: true; settings: WorkspaceSettings; defaults: QuizDefaults }
  | { ok: false; problems: string[] };

/**
 * Validates and stores a change of workspace `teamId`'s defaults (and notes folder): the schedule
 * must be a five-field cron expression (quiz/daily-schedule.ts `cronProblem`), the time zone an
 * IANA name. Nothing is stored when either is refused.
 * @throws Error without a settings repository; DatabaseUnavailableError when the database is down.
 */
export async function changeWorkspaceDefaults(
  ctx: Pick<QuizContext, 'defaults' | 'workspaceSettings' | 'clock' | 'ready'>,
  change: DefaultsChange,
): Promise<DefaultsChangeResult> {
  const repo = ctx.workspaceSettings;
  if (!repo) throw new Error('workspace settings need the database');
  const problems: string[] = [];
  if (change.schedule) {
    const problem = cronProblem(change.schedule);
    if (problem) problems.push(`schedule: ${problem}, e.g. "0 9 * * 1-5"`);
  }
  if (change.timeZone && !isTimeZone(change.timeZone))
    problems.push(`time zone: "${change.timeZone}" is not an IANA time zone, e.g. Europe/Paris`);
  if (problems.length) return { ok: false, problems };
  await ctx.ready();
  const current = await repo.get(change.teamId);
  const settings: WorkspaceSettings = {
    teamId: change.teamId,
    quizSchedule:
      change.schedule === undefined ? (current?.quizSchedule ?? null) : change.schedule?.trim() || null,
    quizTimeZone:
      change.timeZone === undefined ? (current?.quizTimeZone ?? null) : change.timeZone?.trim() || null,
    notesDir: change.notesDir === undefined ? (current?.notesDir ?? null) : change.notesDir,
    updatedAt: ctx.clock(),
  };
  await repo.save(settings);
  return { ok: true, settings, defaults: await quizDefaults(ctx, change.teamId) };
}
