/**
 * `saa export --team T [--format json|csv]`: a workspace's scores for its admins (issue 14,
 * item 2), one row per person, highest points first. JSON: one array of
 * `{"user_id","display_name","points","daily_answered","daily_correct","practice_answered","practice_correct","cards"}`;
 * CSV: the same columns with a header row (RFC 4180 quoting). Exit 0, 1 on a failure, 2 on a
 * usage error.
 */

import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import type { ExportRow } from '../data-lifecycle/ports.ts';
import { SqlDataLifecycleRepository } from '../storage/data-lifecycle-repository.ts';
import { withDatabase } from './with-database.ts';

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

/** Usage line. */
export const EXPORT_USAGE = 'saa export --team T [--format json|csv]';

const COLUMNS = [
  'user_id',
  'display_name',
  'points',
  'daily_answered',
  'daily_correct',
  'practice_answered',
  'practice_correct',
  'cards',
] as const;

function record(r: ExportRow): Record<(typeof COLUMNS)[number], string | number> {
  return {
    user_id: r.userId,
    display_name: r.displayName,
    points: r.points,
    daily_answered: r.dailyAnswered,
    daily_correct: r.dailyCorrect,
    practice_answered: r.practiceAnswered,
    practice_correct: r.practiceCorrect,
    cards: r.cards,
  };
}

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `saa export`. */
export async function runExport(args: string[], config: Config, io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { team: { type: 'string' }, format: { type: 'string', default: 'json' } },
  });
  const team = values.team;
  if (!team || !['json', 'csv'].includes(values.format ?? '')) {
    io.err.write(`Usage: ${EXPORT_USAGE}\n`);
    return 2;
  }
  return withDatabase(config, async (db) => {
    const rows = (await new SqlDataLifecycleRepository(db).exportScores(team)).map(record);
    if (values.format === 'csv') {
      io.out.write(`${COLUMNS.join(',')}\r\n`);
      for (const r of rows) io.out.write(`${COLUMNS.map((c) => csvField(r[c])).join(',')}\r\n`);
    } else io.out.write(`${JSON.stringify(rows)}\n`);
    return 0;
  });
}
