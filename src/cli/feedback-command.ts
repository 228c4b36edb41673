/**
 * `saa feedback [--since YYYY-MM-DD] [--json] [--eval-items]`: the 👍/👎 people gave answers.
 * Text: a count per rating and reason, then each 👎 with its question, reason, comment and the
 * answer's first line. `--json`: one array of
 * `{"team_id","user_id","rating","reason","comment","question","answer","sources","mode","updated_at"}`.
 * `--eval-items`: each 👎 question once, as a line for `bench/eval/<corpus>/feedback.jsonl`
 * (`{"q","all":[],"style":"feedback","why"}`): `npm run eval` uses an item once someone writes
 * the facts a right answer must contain in `all`. Exit 0, 1 on a failure, 2 on a usage error.
 */

import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import type { AnswerFeedback } from '../feedback/ports.ts';
import { SqlFeedbackRepository } from '../storage/feedback-repository.ts';
import { withDatabase } from './with-database.ts';

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

/** Usage line. */
export const FEEDBACK_USAGE = 'saa feedback [--since YYYY-MM-DD] [--json] [--eval-items]';

/** `saa feedback`. */
export async function runFeedback(args: string[], config: Config, io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      since: { type: 'string' },
      json: { type: 'boolean', default: false },
      'eval-items': { type: 'boolean', default: false },
    },
  });
  let since: Date | undefined;
  if (values.since !== undefined) {
    since = /^\d{4}-\d{2}-\d{2}$/.test(values.since)
      ? new Date(`${values.since}T00:00:00Z`)
      : new Date(Number.NaN);
    if (Number.isNaN(since.getTime())) {
      io.err.write(`--since must be a date like 2026-12-01 (got "${values.since}")\n`);
      return 2;
    }
  }
  return withDatabase(config, async (db) => {
    const rows = await new SqlFeedbackRepository(db).list(since);
    if (values.json) {
      io.out.write(`${JSON.stringify(rows.map(toJson))}\n`);
      return 0;
    }
    if (values['eval-items']) {
      const seen = new Set<string>();
      for (const r of rows.filter((f) => f.rating === 'down')) {
        const q = r.question.trim().toLowerCase();
        if (seen.has(q)) continue;
        seen.add(q);
        const why = [r.reason ?? 'no reason given', r.comment].filter(Boolean).join(': ');
        io.out.write(`${JSON.stringify({ q: r.question, all: [], style: 'feedback', why })}\n`);
      }
      return 0;
    }
    const up = rows.filter((r) => r.rating === 'up').length;
    const down = rows.filter((r) => r.rating === 'down');
    const reasons = ['wrong', 'not_in_notes', 'too_long', null].map(
      (reason) => `${reason ?? 'no reason'} ${down.filter((r) => r.reason === reason).length}`,
    );
    io.out.write(
      `${rows.length} ratings${values.since ? ` since ${values.since}` : ''}: 👍 ${up}, 👎 ${down.length} (${reasons.join(', ')})\n`,
    );
    for (const r of down) {
      io.out.write(
        `\n👎 ${r.updatedAt.toISOString().slice(0, 10)} ${r.teamId}/${r.userId} [${r.mode}] ${r.reason ?? 'no reason'}${r.comment ? `: ${r.comment}` : ''}\n  Q: ${r.question}\n  A: ${r.answer.split('\n')[0]?.slice(0, 160)}\n`,
      );
    }
    return 0;
  });
}

function toJson(f: AnswerFeedback) {
  return {
    team_id: f.teamId,
    user_id: f.userId,
    rating: f.rating,
    reason: f.reason,
    comment: f.comment,
    question: f.question,
    answer: f.answer,
    sources: f.sources,
    mode: f.mode,
    updated_at: f.updatedAt.toISOString(),
  };
}
