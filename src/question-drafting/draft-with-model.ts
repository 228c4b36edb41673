/**
 * Quiz questions drafted by a chat model from a team's notes (issue 11), one passage per call,
 * each checked before it is kept (draft-checks.ts, against the passage the model was given): the
 * right option's key facts are in the passage, no wrong option is supported by it, and it is no
 * near-duplicate of the bank or of another draft. Failures, malformed replies and failed calls are
 * returned with their reason. Passages are taken round-robin over files; only passages with a
 * value or a service name, long enough to hold a fact, are sent.
 */

import type { ChatModel } from '../answer/llm-chat.ts';
import type { Passage, Section } from '../knowledge/note-types.ts';
import { citableHeadings } from './citable-heading.ts';
import { DraftBatch, type DraftCheckContext } from './draft-checks.ts';
import { type DraftResult, idPart, interleave, shortHash, subjectService } from './draft-from-notes.ts';
import { draftMessages, parseDraftReply } from './draft-prompt.ts';
import { servicesIn } from './services-in-text.ts';
import { unitValues } from './unit-values.ts';

/** Shortest passage worth a question (chars). */
export const MIN_DRAFT_PASSAGE_CHARS = 120;
/** Calls made at most, per draft asked for: room for drops without running up a bill. */
export const CALLS_PER_DRAFT = 2;
/** Consecutive failed calls after which drafting stops (the server is down or refusing). */
export const MAX_FAILED_CALLS = 3;

/** How to reach the model and what to check drafts against. */
export interface ModelDraftOptions {
  model: ChatModel;
  /** Deadline per call (ms). */
  timeoutMs: number;
  ctx: DraftCheckContext;
}

/**
 * Drafts up to `count` questions with `options.model`, at most `count` × {@link CALLS_PER_DRAFT}
 * calls. Never throws: a failed call is a dropped draft with the reason.
 */
export async function draftWithModel(
  notes: { passages: readonly Passage[]; sections: readonly Section[] },
  count: number,
  options: ModelDraftOptions,
): Promise<DraftResult> {
  const citable = citableHeadings(notes.sections);
  const candidates = interleave(
    notes.passages.flatMap((passage) => {
      const heading = citable(passage);
      const text = passage.items.map((i) => i.text).join('\n');
      const useful = unitValues(text).length > 0 || servicesIn(text).length > 0;
      return heading && text.length >= MIN_DRAFT_PASSAGE_CHARS && useful
        ? [{ passage, text, section: { file: passage.file, heading } }]
        : [];
    }),
  );
  const batch = new DraftBatch(options.ctx);
  let failures = 0;
  let calls = 0;
  for (const { passage, text, section } of candidates) {
    if (batch.drafts.length >= count || failures >= MAX_FAILED_CALLS || calls >= count * CALLS_PER_DRAFT)
      break;
    const id = `team-model-${idPart(passage.headingPath.at(-1) ?? passage.file)}-${shortHash(`${passage.file}|${text}`)}`;
    if (batch.taken.has(id)) continue; // drafted from this passage before: no second call
    calls++;
    let reply: string;
    try {
      reply = await options.model.complete(draftMessages(passage), { timeoutMs: options.timeoutMs });
      failures = 0;
    } catch (err) {
      failures++;
      batch.drop({ id, reason: `the model call failed: ${(err as Error).message}` });
      continue;
    }
    const parsed = parseDraftReply(reply);
    if (!parsed.ok) {
      batch.drop({ id, reason: parsed.reason });
      continue;
    }
    const service = subjectService({ text, passage });
    if (!service) {
      batch.drop({ id, reason: 'the passage names no AWS service, so its exam domain is unknown' });
      continue;
    }
    const raw = {
      id,
      domain: service.domains[0],
      services: [service.name],
      ...parsed.fields,
      source: section,
    };
    batch.admit(raw, service.name, text);
  }
  return { drafts: batch.drafts, dropped: batch.dropped };
}
