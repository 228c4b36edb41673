/**
 * Drafting without a model: questions from the notes' own values and service definitions, each
 * citing the section its fact is in, with wrong options found elsewhere in the notes; and on two
 * real notes folders we never wrote (../shared), at least 30 drafts that all pass the checks.
 */

import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/knowledge/load-notes.ts';
import type { Corpus } from '../../src/knowledge/note-types.ts';
import { draftFromNotes } from '../../src/question-drafting/draft-from-notes.ts';
import { sectionText } from '../../src/quiz/bank-report.ts';
import { citationProblems, normalizePhrase } from '../../src/quiz/citation-check.ts';
import { loadQuestionBank } from '../../src/quiz/load-question-bank.ts';
import { noteHeadings } from '../../src/quiz/note-headings.ts';
import type { Question } from '../../src/quiz/question.ts';
import { writeDraftingNotes } from './drafting-notes.ts';

let dir = '';
let notes: Corpus;

const context = (corpus: Corpus, existing: Question[] = []) => ({
  headings: noteHeadings(corpus.sections),
  existing,
  takenIds: new Map(existing.map((q) => [q.id, q.bankFile])),
});
const right = (q: Question) => q.options.find((o) => q.correctKeys.includes(o.key))?.text;

beforeAll(async () => {
  dir = await writeDraftingNotes();
  notes = await loadNotes(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('draftFromNotes', () => {
  it('asks for a value with a blank, right option from the line, wrong options of the same kind from other sections', () => {
    const { drafts } = draftFromNotes(notes, 20, context(notes));
    const lambda = drafts.find((q) => q.source.heading === 'Compute > AWS Lambda limits');
    expect(lambda?.question).toContain('runs for at most _____ per invocation');
    expect(right(lambda as Question)).toBe('15 minutes');
    const wrong = (lambda as Question).options.filter((o) => o.text !== '15 minutes').map((o) => o.text);
    expect(wrong).toHaveLength(3);
    const section = sectionText(notes.passages, (lambda as Question).source);
    for (const w of wrong) {
      expect(w).toMatch(/\b(seconds|minutes|hours|days)$/);
      expect(section).not.toContain(w);
    }
    expect(lambda?.domain).toBe('performance');
  });

  it('asks which service a definition describes, without naming it, against other services in the notes', () => {
    const { drafts } = draftFromNotes(notes, 20, context(notes));
    const athena = drafts.find((q) => q.source.heading === 'Analytics > Amazon Athena');
    expect(athena?.question).toMatch(
      /^Which AWS service is a serverless query service that runs standard SQL/,
    );
    expect(athena?.question).not.toMatch(/athena/i);
    expect(right(athena as Question)).toBe('Amazon Athena');
    expect((athena as Question).options.map((o) => o.text)).toEqual(
      expect.arrayContaining(['AWS Glue', 'Amazon Redshift']),
    );
  });

  it('gives every draft a team id, a why-wrong per wrong option, and key facts its section holds', () => {
    const { drafts } = draftFromNotes(notes, 20, context(notes));
    expect(drafts.length).toBeGreaterThanOrEqual(6);
    for (const q of drafts) {
      expect(q.id).toMatch(/^team-[a-z0-9-]+$/);
      expect(Object.keys(q.whyWrong)).toHaveLength(q.options.length - 1);
      expect(citationProblems(q, sectionText(notes.passages, q.source)), q.id).toEqual([]);
    }
  });

  it('drops a draft that repeats an existing question, saying which', () => {
    const first = draftFromNotes(notes, 20, context(notes)).drafts;
    const again = draftFromNotes(
      notes,
      20,
      context(
        notes,
        first.map((q) => ({ ...q, id: `bank-${q.id}` })),
      ),
    );
    expect(again.drafts).toEqual([]);
    expect(again.dropped.length).toBeGreaterThanOrEqual(first.length);
    expect(again.dropped.map((d) => d.reason).join('\n')).toMatch(/near-duplicate of bank-team-/);
  });

  it('stops at the count asked for', () => {
    expect(draftFromNotes(notes, 2, context(notes)).drafts).toHaveLength(2);
  });
});

const REAL_FOLDERS = ['../shared/notes', '../shared/eval/saa-c02-course-notes/notes'].filter((d) =>
  existsSync(d),
);

describe.each(REAL_FOLDERS)('draftFromNotes on notes we did not write: %s', (folder) => {
  it('gives at least 30 drafts, each citing a real section whose heading or text holds its key facts', async () => {
    const [team, bundled] = await Promise.all([loadNotes(folder), loadNotes('knowledge/notes')]);
    const bank = await loadQuestionBank('knowledge/questions', bundled.sections);
    const { drafts } = draftFromNotes(team, 30, context(team, bank.questions));
    expect(drafts).toHaveLength(30);
    const headings = noteHeadings(team.sections);
    for (const q of drafts) {
      expect(headings.get(q.source.file)?.has(q.source.heading), q.id).toBe(true);
      const heading = q.source.heading.split(' > ').at(-1);
      const section = normalizePhrase(`${heading}\n${sectionText(team.passages, q.source)}`);
      for (const fact of q.keyFacts) expect(section, q.id).toContain(normalizePhrase(fact));
    }
    expect(new Set(drafts.map((q) => q.source.file)).size).toBeGreaterThan(1);
  }, 30_000);
});
