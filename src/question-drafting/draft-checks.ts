/**
 * The checks every drafted question passes before it is stored (issue 11: "the right option's
 * fact is in the passage, no distractor is supported by it, not a near-duplicate of an existing
 * question; failures are dropped with the reason"). Pure; never throws.
 *
 * 1. The entry validates as a bank entry would (quiz/validate-question.ts): fields, option keys,
 *    why_wrong for each wrong option, a source section that exists in the team's notes.
 * 2. Its key facts are in the supporting text and the right option states one, and no wrong
 *    option is as well supported (quiz/citation-check.ts).
 * 3. No wrong option is stated by the supporting text: it appears there verbatim, or (unless it
 *    is a bare value such as "1 GB") its words, less the stem's, all occur there.
 * 4. It is not a near-duplicate of the bank or of a draft already kept (quiz/near-duplicates.ts).
 */

import { citationProblems, contentStems, normalizePhrase } from '../quiz/citation-check.ts';
import { nearDuplicates } from '../quiz/near-duplicates.ts';
import type { NoteHeadings } from '../quiz/note-headings.ts';
import type { Question } from '../quiz/question.ts';
import { validateQuestion } from '../quiz/validate-question.ts';
import { unitValues } from './unit-values.ts';

/** A draft that was not kept, and why (one line). */
export interface DroppedDraft {
  id: string;
  reason: string;
}

/** What a draft is checked against. */
export interface DraftCheckContext {
  /** Headings of the team's notes (a draft's source must be one). */
  headings: NoteHeadings;
  /** Questions a draft must not repeat: the bank, stored team questions, drafts kept so far. */
  existing: readonly Question[];
  /** Ids already used (bank and stored team questions): id → where. */
  takenIds: ReadonlyMap<string, string>;
}

/** Content terms an option must have (besides the stem's) before "all its words are in the text" means supported. */
const MIN_SUPPORTED_TERMS = 2;

/** True when `phrase` occurs in `text` as whole words ("1gb" is not in "11gb"). */
function containsPhrase(text: string, phrase: string): boolean {
  let at = text.indexOf(phrase);
  while (at >= 0) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + phrase.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = text.indexOf(phrase, at + 1);
  }
  return false;
}

/** Wrong options the text states (check 3), as messages. */
export function supportedDistractors(question: Question, text: string): string[] {
  const normalized = normalizePhrase(text);
  const inText = contentStems(text);
  const inStem = contentStems(question.question);
  return question.options
    .filter((o) => !question.correctKeys.includes(o.key))
    .filter((o) => {
      if (containsPhrase(normalized, normalizePhrase(o.text))) return true;
      // A value ("1 GB") is stated only verbatim: its parts ("1", "gb") are everywhere.
      if (unitValues(o.text).some((v) => v.text === o.text.trim())) return false;
      const terms = [...contentStems(o.text)].filter((t) => !inStem.has(t));
      return terms.length >= MIN_SUPPORTED_TERMS && terms.every((t) => inText.has(t));
    })
    .map((o) => `wrong option ${o.key} ("${o.text}") is stated by the passage`);
}

/**
 * Checks one raw draft entry (the bank's YAML shape) against `support`, the text of the passage
 * it was written from (or its section). Resolves to the validated question, or the first reason
 * to drop it.
 */
export function checkDraft(
  raw: Record<string, unknown>,
  topic: string,
  support: string,
  ctx: DraftCheckContext,
): { ok: true; question: Question } | { ok: false; dropped: DroppedDraft } {
  const id = typeof raw.id === 'string' ? raw.id : '(no id)';
  const drop = (reason: string) => ({ ok: false as const, dropped: { id, reason } });
  const valid = validateQuestion(raw, {
    file: 'drafts',
    topic,
    index: 0,
    takenIds: ctx.takenIds,
    notes: ctx.headings,
  });
  if (!valid.ok) return drop(valid.problems.map((p) => p.replace(/^drafts: [^:]+: /, '')).join('; '));
  const question = valid.question;
  const cited = citationProblems(question, support);
  if (cited.length) return drop(cited.join('; '));
  const supported = supportedDistractors(question, support);
  if (supported.length) return drop(supported.join('; '));
  const dup = nearDuplicates([question], ctx.existing)[0];
  if (dup) return drop(`near-duplicate of ${dup.b} (${Math.round(dup.similarity * 100)} % the same words)`);
  return { ok: true, question };
}

/**
 * One drafting run's tally: the drafts kept so far, those dropped with their reason, and the ids
 * taken (the bank's, stored team questions', and this run's drafts'). Each draft is checked
 * against the bank and the drafts kept before it, so two drafts of one run never repeat each other.
 */
export class DraftBatch {
  readonly drafts: Question[] = [];
  readonly dropped: DroppedDraft[] = [];
  /** Ids taken: id → where ("drafts" for this run's). */
  readonly taken: Map<string, string>;

  constructor(private readonly ctx: DraftCheckContext) {
    this.taken = new Map(ctx.takenIds);
  }

  /** Records a draft dropped before it could be checked (a failed model call, no subject). */
  drop(dropped: DroppedDraft): void {
    this.dropped.push(dropped);
  }

  /**
   * Checks `raw` (see {@link checkDraft}: `topic` for validation, `support` the text its answer
   * must come from) and keeps it, or records why not. Returns the kept question, or null.
   */
  admit(raw: Record<string, unknown>, topic: string, support: string): Question | null {
    const checked = checkDraft(raw, topic, support, {
      ...this.ctx,
      existing: [...this.ctx.existing, ...this.drafts],
      takenIds: this.taken,
    });
    if (!checked.ok) {
      this.dropped.push(checked.dropped);
      return null;
    }
    this.drafts.push(checked.question);
    this.taken.set(checked.question.id, 'drafts');
    return checked.question;
  }
}
