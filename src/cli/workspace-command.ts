/**
 * `saa workspace --team T [--schedule CRON|default] [--timezone Area/City|default] [--notes DIR|default]`:
 * shows, or changes, the settings of one workspace (issue 14, item 1): the daily-quiz defaults
 * (what a channel of that workspace gets from `/saa daily on` without a time or zone) and the
 * notes folder its answers come from. `default` goes back to the install-wide QUIZ_SCHEDULE /
 * QUIZ_TIMEZONE / NOTES_DIR. Channels already on keep their own schedule. A notes folder must
 * hold notes (it is loaded to check); running bots pick the change up within a minute.
 * Prints one line per setting, e.g. `Workspace T1: new daily quizzes at 08:30 Asia/Tokyo, Mon–Thu
 * (schedule: this workspace's, time zone: this workspace's).` Exit 0, 1 on a failure, 2 on a
 * usage error or a refused value (the reason on stderr).
 */

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { changeWorkspaceDefaults, quizDefaults } from '../daily-quiz/workspace-defaults.ts';
import type { WorkspaceSettings } from '../daily-quiz/workspace-settings-ports.ts';
import { loadNotes } from '../knowledge/load-notes.ts';
import { describeSchedule } from '../quiz/daily-schedule.ts';
import { SqlWorkspaceSettingsRepository } from '../storage/workspace-settings-repository.ts';
import { withDatabase } from './with-database.ts';

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

/** Usage line. */
export const WORKSPACE_USAGE =
  'saa workspace --team T [--schedule CRON|default] [--timezone Area/City|default] [--notes DIR|default]';

/** Why `dir` cannot be a workspace's notes folder (resolved to an absolute path), or null. */
async function notesProblem(dir: string): Promise<string | null> {
  try {
    const corpus = await loadNotes(dir);
    return corpus.passages.length > 0
      ? null
      : `notes: ${dir} holds no notes (Markdown, Zim, Org or text files)`;
  } catch (err) {
    return `notes: ${dir} cannot be read (${(err as Error).message})`;
  }
}

/** A flag's value as a change: absent keeps, `default` clears (null), anything else sets. */
function change(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value.trim().toLowerCase() === 'default' ? null : value;
}

/** `saa workspace`. */
export async function runWorkspace(args: string[], config: Config, io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      team: { type: 'string' },
      schedule: { type: 'string' },
      timezone: { type: 'string' },
      notes: { type: 'string' },
    },
  });
  const teamId = values.team?.trim();
  if (!teamId) {
    io.err.write(`--team is required\nUsage: ${WORKSPACE_USAGE}\n`);
    return 2;
  }
  const notes = change(values.notes);
  const notesDir = notes ? resolve(notes) : notes;
  if (notesDir) {
    const problem = await notesProblem(notesDir);
    if (problem) {
      io.err.write(`${problem}\nNothing changed.\n`);
      return 2;
    }
  }
  return withDatabase(config, async (db) => {
    const ctx = {
      defaults: { cron: config.QUIZ_SCHEDULE, timeZone: config.QUIZ_TIMEZONE },
      workspaceSettings: new SqlWorkspaceSettingsRepository(db),
      clock: () => new Date(),
      ready: async () => undefined,
    };
    let settings: WorkspaceSettings | null;
    if (values.schedule !== undefined || values.timezone !== undefined || notesDir !== undefined) {
      const result = await changeWorkspaceDefaults(ctx, {
        teamId,
        schedule: change(values.schedule),
        timeZone: change(values.timezone),
        notesDir,
      });
      if (!result.ok) {
        io.err.write(`${result.problems.join('\n')}\nNothing changed.\n`);
        return 2;
      }
      settings = result.settings;
    } else {
      settings = await ctx.workspaceSettings.get(teamId);
    }
    const d = await quizDefaults(ctx, teamId);
    const whose = (own: string | null | undefined, variable: string) => (own ? "this workspace's" : variable);
    io.out.write(
      `Workspace ${teamId}: new daily quizzes at ${describeSchedule(d.cron, d.timeZone)} ` +
        `(schedule: ${whose(settings?.quizSchedule, 'QUIZ_SCHEDULE')}, time zone: ${whose(settings?.quizTimeZone, 'QUIZ_TIMEZONE')}).\n` +
        `Workspace ${teamId}: answers from ${settings?.notesDir ? `${settings.notesDir} (this workspace's)` : `${resolve(config.NOTES_DIR)} (NOTES_DIR)`}.\n`,
    );
    return 0;
  });
}
