/**
 * `saa coverage [--notes DIR] [--json]`: which SAA-C03 domains a team's notes cover, found by
 * searching each bank question's key facts in them (question-review/notes-coverage.ts). Text: a
 * table per domain with the services the notes say nothing about. `--json`: one array of
 * `{"domain","questions","covered"}`, `domain` one of secure, resilient, performance, cost.
 * Exit code 0, or 1 when the notes or the bank cannot be read.
 */

import { parseArgs } from 'node:util';
import { BUNDLED_NOTES_DIR } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { loadNotes } from '../knowledge/load-notes.ts';
import { notesCoverage } from '../question-review/notes-coverage.ts';
import { loadQuestionBank } from '../quiz/load-question-bank.ts';
import { buildIndex } from '../retrieval/build-index.ts';
import { SearchIndex } from '../retrieval/search-index.ts';

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

/** Usage line. */
export const COVERAGE_USAGE = 'saa coverage [--notes DIR] [--json]';

/** Services named per domain line before "and N more". */
const MISSING_SHOWN = 6;

/** `saa coverage`. */
export async function runCoverage(args: string[], config: Config, io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { notes: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const notesDir = values.notes ?? config.NOTES_DIR;
  const [team, bundled] = await Promise.all([loadNotes(notesDir), loadNotes(BUNDLED_NOTES_DIR)]);
  const bank = await loadQuestionBank(config.QUESTIONS_DIR, [...bundled.sections, ...team.sections]);
  if (bank.questions.length === 0) {
    io.err.write(
      `No questions loaded from ${config.QUESTIONS_DIR}: ${bank.problems.slice(0, 3).join('; ')}\n`,
    );
    return 1;
  }
  const coverage = notesCoverage(
    bank.questions,
    new SearchIndex(buildIndex(team.passages), team.passages),
    team.passages,
  );
  if (values.json) {
    io.out.write(
      `${JSON.stringify(coverage.byDomain.map((d) => ({ domain: d.domain, questions: d.questions, covered: d.covered })))}\n`,
    );
    return 0;
  }
  const total = coverage.byDomain.reduce((n, d) => n + d.questions, 0);
  const held = coverage.byDomain.reduce((n, d) => n + d.covered, 0);
  io.out.write(
    `${notesDir}: ${team.files.length} files. Your notes hold the facts of ${held} of ${total} exam questions (${pct(held, total)}).\n\n`,
  );
  io.out.write(
    '| domain | questions | covered | share | nothing in your notes on |\n|---|---:|---:|---:|---|\n',
  );
  for (const d of coverage.byDomain) {
    const more = d.missing.length > MISSING_SHOWN ? ` and ${d.missing.length - MISSING_SHOWN} more` : '';
    io.out.write(
      `| ${d.name} | ${d.questions} | ${d.covered} | ${pct(d.covered, d.questions)} | ${d.missing.slice(0, MISSING_SHOWN).join(', ')}${more} |\n`,
    );
  }
  return 0;
}

const pct = (n: number, of: number) => `${of ? Math.round((100 * n) / of) : 0} %`;
