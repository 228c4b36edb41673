/**
 * `saa questions check [--notes DIR] [--questions DIR] [--strict] [--json]`: loads a question
 * bank against a notes folder and reports every problem: entries that do not validate, key facts
 * missing from the cited section, wrong options as well supported as the answer, near-duplicates
 * and, with `--strict` (the bundled bank's rules), missing exam tags and a domain mix off the
 * SAA-C03 weights. Exit code 0 when the bank is clean, 1 otherwise, 2 on a usage error.
 * `draft`, `list`, `approve`, `reject` and `reported`: question-review-commands.ts.
 */

import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { loadNotes } from '../knowledge/load-notes.ts';
import { bankReport } from '../quiz/bank-report.ts';
import { examOutline } from '../quiz/exam-outline.ts';
import { loadQuestionBank } from '../quiz/load-question-bank.ts';
import { REVIEW_USAGE, runDraft, runList, runReported, runReview } from './question-review-commands.ts';

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

/** Usage line. */
export const QUESTIONS_USAGE = [
  'saa questions check [--notes DIR] [--questions DIR] [--strict] [--json]',
  'saa questions outline [--notes DIR] [--questions DIR]',
  ...REVIEW_USAGE,
].join('\n  ');

/** `saa questions …`. */
export async function runQuestions(args: string[], config: Config, io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'outline') return runOutline(rest, config, io);
  if (sub === 'draft') return runDraft(rest, config, io);
  if (sub === 'list') return runList(rest, config, io);
  if (sub === 'approve' || sub === 'reject') return runReview(sub, rest, config, io);
  if (sub === 'reported') return runReported(rest, config, io);
  if (sub !== 'check') {
    io.err.write(`Usage: ${QUESTIONS_USAGE}\n`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      notes: { type: 'string' },
      questions: { type: 'string' },
      strict: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const corpus = await loadNotes(values.notes ?? config.NOTES_DIR);
  const bank = await loadQuestionBank(values.questions ?? config.QUESTIONS_DIR, corpus.sections);
  const report = bankReport(bank.questions, corpus.passages, { requireTags: values.strict });
  const problems = [...bank.problems, ...report.problems];
  if (values.json) {
    io.out.write(`${JSON.stringify({ ...report, problems })}\n`);
    return problems.length ? 1 : 0;
  }
  io.out.write(
    `${report.questions} questions (${report.multipleResponse} multiple response), ${problems.length} problems\n\n`,
  );
  io.out.write('| domain | questions | share | exam weight |\n|---|---:|---:|---:|\n');
  for (const d of report.byDomain) {
    io.out.write(`| ${d.name} | ${d.questions} | ${(d.share * 100).toFixed(1)} % | ${d.weight * 100} % |\n`);
  }
  if (problems.length) io.out.write(`\n${problems.join('\n')}\n`);
  return problems.length ? 1 : 0;
}

/** `saa questions outline`: prints knowledge/OUTLINE.md (exam-outline.ts) for the bank and notes. */
async function runOutline(args: string[], config: Config, io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { notes: { type: 'string' }, questions: { type: 'string' } },
  });
  const corpus = await loadNotes(values.notes ?? config.NOTES_DIR);
  const bank = await loadQuestionBank(values.questions ?? config.QUESTIONS_DIR, corpus.sections);
  io.out.write(examOutline(bank.questions, corpus.sections));
  return bank.problems.length ? 1 : 0;
}
