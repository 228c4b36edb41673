/**
 * One raw entry of a bank file's `questions` list → a {@link Question}, or every problem with it.
 * Pure; never throws. Format and rules: knowledge/QUESTIONS-FORMAT.md.
 *
 * Rules: `id` kebab-case and not already taken; `difficulty` easy | medium | hard; `question`
 * and `explanation` non-empty; 3 to 5 `options` keyed A, B, C… in order, each non-empty text of
 * at most 300 characters (`MAX_OPTION_CHARS`); `answer` one of the option keys; `why_wrong` one
 * non-empty entry per wrong option and none for the answer; `source.file` and `source.heading`
 * present (and, when notes are given, an existing section). Unknown fields are problems too (a
 * typo such as `why_worng` would otherwise hide a field).
 *
 * Every problem reads `<file>: <id>: <what is wrong>`, e.g.
 * `lambda.yaml: lambda-max-duration: answer "E" is not one of the options A–D`; an entry without
 * a usable id is named by its 1-based position, `lambda.yaml: entry 3: id is missing`.
 */

import { type Domain, domainOfTask, EXAM_DOMAINS, isDomain } from './exam-guide.ts';
import { type NoteHeadings, sourceProblem } from './note-headings.ts';
import type { OptionKey, Question } from './question.ts';
import { correctKeysOf, RawQuestionSchema, SourceSchema } from './raw-question-schema.ts';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Where an entry sits and what the rest of the bank already holds. */
export interface EntryContext {
  /** Bank file relative to the questions folder (e.g. "lambda.yaml"); starts every message. */
  file: string;
  /** The file's top-level `topic`, copied onto the question. */
  topic: string;
  /** 0-based position in the file's `questions` list; names the entry when it has no usable id. */
  index: number;
  /** Ids already in the bank: id → bank file holding it. A repeat is a problem. */
  takenIds?: ReadonlyMap<string, string>;
  /** Headings of the notes; when given, `source` must name one of them. */
  notes?: NoteHeadings;
  /** The file's `domain` and `task`, for entries that do not give their own. */
  defaults?: { domain?: string; task?: string };
}

/** A valid question, or the problems (at least one), each a full message. */
export type ValidationResult = { ok: true; question: Question } | { ok: false; problems: string[] };

/** The entry's `id` when it is non-empty text (trimmed), whether or not it is valid. */
export function entryId(raw: unknown): string | undefined {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/** How messages name an entry: its id when it has a non-empty string id, else `entry <n>` (1-based). */
export function entryLabel(raw: unknown, index: number): string {
  return entryId(raw) ?? `entry ${index + 1}`;
}

/**
 * The entry's domain and task (its own, or the file's), and what is wrong with them: a domain
 * must be one of the four, a task one of the exam guide's task statements, of that domain.
 */
function tagProblems(
  entry: { domain?: string; task?: string },
  ctx: EntryContext,
): { domain?: Domain; task?: string; problems: string[] } {
  const domain = entry.domain ?? ctx.defaults?.domain;
  const task = entry.task ?? ctx.defaults?.task;
  const problems: string[] = [];
  if (domain !== undefined && !isDomain(domain)) {
    problems.push(`domain "${domain}" must be one of ${EXAM_DOMAINS.map((d) => d.domain).join(', ')}`);
  }
  if (task !== undefined) {
    const of = domainOfTask(task);
    if (!of) problems.push(`task "${task}" is not an SAA-C03 task statement (1.1 to 4.4)`);
    else if (domain !== undefined && isDomain(domain) && of !== domain) {
      problems.push(`task ${task} belongs to domain ${of}, not ${domain}`);
    }
  }
  const known = domain !== undefined && isDomain(domain) ? domain : task ? domainOfTask(task) : undefined;
  return { domain: known, task, problems };
}

/** Validates one raw entry against the rules above and the bank context. Pure; never throws. */
export function validateQuestion(raw: unknown, ctx: EntryContext): ValidationResult {
  const prefix = `${ctx.file}: ${entryLabel(raw, ctx.index)}: `;
  const parsed = RawQuestionSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const id = entryId(raw);
  if (id !== undefined) {
    if (!KEBAB_CASE.test(id)) {
      problems.push(`id "${id}" is not kebab-case (lowercase letters and digits joined by single hyphens)`);
    }
    const holder = ctx.takenIds?.get(id);
    if (holder !== undefined) problems.push(`id "${id}" is already used in ${holder}`);
  }
  // Checked whenever `source` itself is well formed, so one pass reports every problem.
  const source = SourceSchema.safeParse((raw as { source?: unknown } | null)?.source);
  if (source.success && ctx.notes) {
    const problem = sourceProblem(source.data, ctx.notes);
    if (problem) problems.push(problem);
  }
  const tags = parsed.success ? tagProblems(parsed.data, ctx) : { problems: [] };
  problems.push(...tags.problems);
  if (!parsed.success || problems.length > 0) return { ok: false, problems: problems.map((p) => prefix + p) };
  const entry = parsed.data;
  const keys = Object.keys(entry.options) as OptionKey[];
  const right = correctKeysOf(entry.answer) as OptionKey[];
  return {
    ok: true,
    question: {
      id: entry.id,
      topic: ctx.topic,
      difficulty: entry.difficulty,
      question: entry.question,
      options: keys.map((key) => ({ key, text: String(entry.options[key]).trim() })),
      correctKeys: keys.filter((k) => right.includes(k)),
      explanation: entry.explanation,
      whyWrong: Object.fromEntries(
        Object.entries(entry.why_wrong).map(([key, why]) => [key, String(why).trim()]),
      ) as Question['whyWrong'],
      source: entry.source,
      bankFile: ctx.file,
      ...(tags.domain ? { domain: tags.domain } : {}),
      ...(tags.task ? { task: tags.task } : {}),
      services: entry.services ?? [],
      keyFacts: entry.key_facts ?? [],
    },
  };
}
