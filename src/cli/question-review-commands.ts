/**
 * Review of quiz questions from the command line (issue 11):
 * - `saa questions draft [--notes DIR] [--count N] [--extractive] [--dry-run]`: drafts questions
 *   from the team's notes (with a model when OPENAI_* is set, else from the notes' own facts) and
 *   stores them as `draft`, never asked until approved. Prints each draft and each dropped
 *   candidate with its reason.
 * - `saa questions list [--status draft|approved|suspended|rejected] [--json]`: bundled and team
 *   questions with their status. JSON: one array of
 *   `{"id","origin":"bundled"|"team","status","domain","topic","source":{"file","heading"}}`.
 * - `saa questions approve ID…`: a team draft joins the rotation; a suspended question (bundled
 *   or team) comes back, its reports closed.
 * - `saa questions reject ID…`: a team draft or question leaves for good.
 * - `saa questions reported [--json]`: questions with open reports, and the reports.
 * Exit codes: 0 ok, 1 an unknown id or a failure, 2 usage error.
 */

import { parseArgs } from 'node:util';
import { type ChatModel, modelConfigured, openAiChatModel } from '../answer/llm-chat.ts';
import { BUNDLED_NOTES_DIR } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { sectionLabel } from '../knowledge/heading-path.ts';
import { loadNotes } from '../knowledge/load-notes.ts';
import type { DraftResult } from '../question-drafting/draft-from-notes.ts';
import { draftFromNotes } from '../question-drafting/draft-from-notes.ts';
import { draftWithModel } from '../question-drafting/draft-with-model.ts';
import {
  type QuestionReport,
  type QuestionReviewRepository,
  SUSPEND_AFTER_REPORTS,
  type TeamQuestionStatus,
} from '../question-review/ports.ts';
import { loadQuestionBank } from '../quiz/load-question-bank.ts';
import { noteHeadings } from '../quiz/note-headings.ts';
import type { Question } from '../quiz/question.ts';
import { SqlQuestionReviewRepository } from '../storage/question-review-repository.ts';
import { openMigratedDatabase } from './with-database.ts';

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

/** Usage lines. */
export const REVIEW_USAGE = [
  'saa questions draft [--notes DIR] [--count N] [--extractive] [--dry-run]',
  'saa questions list [--status draft|approved|suspended|rejected] [--json]',
  'saa questions approve ID… | saa questions reject ID…',
  'saa questions reported [--json]',
];

/** Drafts per run when `--count` is not given. */
export const DEFAULT_DRAFT_COUNT = 20;
/** Most drafts per run: each is read by a person before it is asked. */
export const MAX_DRAFT_COUNT = 200;
/** Deadline per model call while drafting (ms): no one is waiting in Slack, so longer than an answer's. */
export const DRAFT_CALL_TIMEOUT_MS = 60_000;

/** A question's status in a listing: a team question's stored status, or `suspended` when reported. */
export type ListedStatus = TeamQuestionStatus | 'suspended';

/** One row of `saa questions list --json`. */
export interface ListedQuestion {
  id: string;
  origin: 'bundled' | 'team';
  status: ListedStatus;
  domain: string | null;
  topic: string;
  source: { file: string; heading: string };
}

/** Opens the configured database, migrated, for one command; `close` when done. */
async function openReviews(
  config: Config,
): Promise<{ reviews: QuestionReviewRepository; close: () => Promise<void> }> {
  const db = await openMigratedDatabase(config);
  return { reviews: new SqlQuestionReviewRepository(db), close: () => db.close() };
}

/** The bundled bank, loaded against the bundled notes. */
async function bundledBank(config: Config): Promise<Question[]> {
  const bundled = await loadNotes(BUNDLED_NOTES_DIR);
  return (await loadQuestionBank(config.QUESTIONS_DIR, bundled.sections)).questions;
}

/** Ids with open reports from {@link SUSPEND_AFTER_REPORTS} people in at least one workspace. */
function suspendedIds(reports: readonly QuestionReport[]): Set<string> {
  const people = new Map<string, Set<string>>();
  for (const r of reports) {
    const key = `${r.teamId}\u0000${r.questionId}`;
    people.set(key, (people.get(key) ?? new Set()).add(r.userId));
  }
  return new Set(
    [...people]
      .filter(([, users]) => users.size >= SUSPEND_AFTER_REPORTS)
      .map(([key]) => key.split('\u0000')[1] ?? ''),
  );
}

/** `saa questions draft`. */
export async function runDraft(
  args: string[],
  config: Config,
  io: Io,
  deps: { model?: ChatModel } = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      notes: { type: 'string' },
      count: { type: 'string' },
      extractive: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const count = values.count === undefined ? DEFAULT_DRAFT_COUNT : Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > MAX_DRAFT_COUNT) {
    io.err.write(`--count must be a whole number from 1 to ${MAX_DRAFT_COUNT} (got "${values.count}")\n`);
    return 2;
  }
  const notesDir = values.notes ?? config.NOTES_DIR;
  const notes = await loadNotes(notesDir);
  for (const w of notes.warnings) io.err.write(`${w}\n`);
  if (notes.passages.length === 0) {
    io.err.write(`No notes found in ${notesDir}.\n`);
    return 1;
  }
  const bank = await bundledBank(config);
  const store = values['dry-run'] ? null : await openReviews(config);
  try {
    const stored = store ? await store.reviews.teamQuestions() : [];
    const ctx = {
      headings: noteHeadings(notes.sections),
      existing: [...bank, ...stored.map((t) => t.question)],
      takenIds: new Map([
        ...bank.map((q) => [q.id, q.bankFile] as const),
        ...stored.map((t) => [t.question.id, `team questions (${t.status})`] as const),
      ]),
    };
    const model = values.extractive
      ? undefined
      : (deps.model ?? (modelConfigured(config) ? openAiChatModel(config) : undefined));
    const method = model ? 'model' : 'extractive';
    io.out.write(
      `Drafting up to ${count} questions from ${notesDir} (${notes.files.length} files) ${model ? `with ${model.model}` : 'from the notes’ own facts'}…\n\n`,
    );
    const result: DraftResult = model
      ? await draftWithModel(notes, count, {
          model,
          timeoutMs: Math.max(config.OPENAI_TIMEOUT_MS, DRAFT_CALL_TIMEOUT_MS),
          ctx,
        })
      : draftFromNotes(notes, count, ctx);
    for (const q of result.drafts) io.out.write(`${formatDraft(q)}\n\n`);
    if (result.dropped.length) {
      io.out.write(`Dropped ${result.dropped.length}:\n`);
      for (const d of result.dropped) io.out.write(`- ${d.id}: ${d.reason}\n`);
      io.out.write('\n');
    }
    if (!store) {
      io.out.write(`${result.drafts.length} drafts (dry run: nothing stored).\n`);
      return 0;
    }
    const added = await store.reviews.addDrafts(
      result.drafts.map((question) => ({ question, teamId: '', method })),
      new Date(),
    );
    io.out.write(
      `Stored ${added.length} drafts (status draft, not asked yet). Review them, then: saa questions approve ID… or saa questions reject ID…\n`,
    );
    return 0;
  } finally {
    await store?.close();
  }
}

/** A draft as text for review: id, tags, stem, options (the right one starred), source. */
export function formatDraft(q: Question): string {
  return [
    `[${q.id}] ${q.domain ?? '-'} · ${q.topic} · ${sectionLabel(q.source.file, q.source.heading)}`,
    q.question,
    ...q.options.map((o) => `${q.correctKeys.includes(o.key) ? '*' : ' '} ${o.key}) ${o.text}`),
  ].join('\n');
}

/** `saa questions list`. */
export async function runList(args: string[], config: Config, io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { status: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const statuses = ['draft', 'approved', 'suspended', 'rejected'];
  if (values.status !== undefined && !statuses.includes(values.status)) {
    io.err.write(`--status must be one of ${statuses.join(', ')} (got "${values.status}")\n`);
    return 2;
  }
  const bank = await bundledBank(config);
  const store = await openReviews(config);
  try {
    const [team, reports] = await Promise.all([store.reviews.teamQuestions(), store.reviews.openReports()]);
    const suspended = suspendedIds(reports);
    const row = (
      q: Question,
      origin: ListedQuestion['origin'],
      stored: TeamQuestionStatus,
    ): ListedQuestion => ({
      id: q.id,
      origin,
      status: stored === 'approved' && suspended.has(q.id) ? 'suspended' : stored,
      domain: q.domain ?? null,
      topic: q.topic,
      source: { file: q.source.file, heading: q.source.heading },
    });
    const rows = [
      ...bank.map((q) => row(q, 'bundled', 'approved')),
      ...team.map((t) => row(t.question, 'team', t.status)),
    ].filter((r) => values.status === undefined || r.status === values.status);
    if (values.json) {
      io.out.write(`${JSON.stringify(rows)}\n`);
      return 0;
    }
    io.out.write(`${rows.length} questions${values.status ? ` (${values.status})` : ''}\n`);
    for (const r of rows)
      io.out.write(
        `${r.id}\t${r.origin}\t${r.status}\t${r.domain ?? '-'}\t${r.topic}\t${sectionLabel(r.source.file, r.source.heading)}\n`,
      );
    return 0;
  } finally {
    await store.close();
  }
}

/** `saa questions approve ID…` and `saa questions reject ID…`. */
export async function runReview(
  verb: 'approve' | 'reject',
  ids: string[],
  config: Config,
  io: Io,
): Promise<number> {
  if (ids.length === 0) {
    io.err.write(`Usage: saa questions ${verb} ID…\n`);
    return 2;
  }
  const bundledIds = new Set((await bundledBank(config)).map((q) => q.id));
  const store = await openReviews(config);
  try {
    const now = new Date();
    const team = new Set((await store.reviews.teamQuestions()).map((t) => t.question.id));
    let failed = 0;
    for (const id of ids) {
      if (!team.has(id) && !bundledIds.has(id)) {
        io.err.write(`${id}: no such question (see saa questions list)\n`);
        failed++;
        continue;
      }
      if (verb === 'reject') {
        if (!team.has(id)) {
          io.err.write(
            `${id}: a bundled question cannot be rejected here; fix or remove it in ${config.QUESTIONS_DIR}. Its open reports keep it out of the reporters’ workspaces.\n`,
          );
          failed++;
          continue;
        }
        await store.reviews.setStatus([id], 'rejected', now);
        io.out.write(`${id}: rejected (never asked)\n`);
        continue;
      }
      if (team.has(id)) await store.reviews.setStatus([id], 'approved', now);
      const reopened = await store.reviews.resolveReports([id], now);
      io.out.write(
        `${id}: approved${team.has(id) ? ' (joins the rotation)' : ''}${reopened.length ? '; its reports are closed and it is back in rotation' : ''}\n`,
      );
    }
    return failed ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** `saa questions reported`. */
export async function runReported(args: string[], config: Config, io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const store = await openReviews(config);
  try {
    const reports = await store.reviews.openReports();
    const suspended = suspendedIds(reports);
    const byQuestion = new Map<string, QuestionReport[]>();
    for (const r of reports) byQuestion.set(r.questionId, [...(byQuestion.get(r.questionId) ?? []), r]);
    const rows = [...byQuestion].map(([id, list]) => ({
      id,
      suspended: suspended.has(id),
      reports: list.map((r) => ({
        teamId: r.teamId,
        userId: r.userId,
        reason: r.reason,
        comment: r.comment,
        reportedAt: r.reportedAt.toISOString(),
      })),
    }));
    if (values.json) {
      io.out.write(`${JSON.stringify(rows)}\n`);
      return 0;
    }
    if (rows.length === 0) {
      io.out.write('No open reports.\n');
      return 0;
    }
    for (const row of rows) {
      io.out.write(
        `${row.id}: ${row.reports.length} report${row.reports.length === 1 ? '' : 's'}${row.suspended ? ' (out of rotation until reviewed: saa questions approve or fix it)' : ''}\n`,
      );
      for (const r of row.reports)
        io.out.write(
          `  ${r.reportedAt.slice(0, 10)} ${r.teamId}/${r.userId} ${r.reason}${r.comment ? `: ${r.comment}` : ''}\n`,
        );
    }
    return 0;
  } finally {
    await store.close();
  }
}
