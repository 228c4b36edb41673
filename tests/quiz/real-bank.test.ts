/**
 * The real question bank (knowledge/questions) against the real notes (knowledge/notes): it must
 * load cleanly, hold 400+ questions in the SAA-C03 domain weights, pass the citation and
 * near-duplicate checks, cite every section of the notes (knowledge/OUTLINE.md, generated, shows
 * where), and each question's own text must retrieve the section it cites, so "ask the bot"
 * after a quiz lands on the right notes.
 */

import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/knowledge/load-notes.ts';
import type { Corpus } from '../../src/knowledge/note-types.ts';
import { bankReport } from '../../src/quiz/bank-report.ts';
import type { QuestionBank } from '../../src/quiz/build-question-bank.ts';
import { EXAM_DOMAINS } from '../../src/quiz/exam-guide.ts';
import { examOutline } from '../../src/quiz/exam-outline.ts';
import { loadQuestionBank } from '../../src/quiz/load-question-bank.ts';
import { buildIndex } from '../../src/retrieval/build-index.ts';
import { SearchIndex } from '../../src/retrieval/search-index.ts';

const KNOWLEDGE = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const TOP_K = 5;

describe('the real question bank', () => {
  let corpus: Corpus;
  let bank: QuestionBank;
  let index: SearchIndex;

  beforeAll(async () => {
    corpus = await loadNotes(`${KNOWLEDGE}notes`);
    bank = await loadQuestionBank(`${KNOWLEDGE}questions`, corpus.sections);
    index = new SearchIndex(buildIndex(corpus.passages), corpus.passages);
  });

  it('loads with zero problems', () => {
    expect(bank.problems).toEqual([]);
  });

  it('has at least 400 questions, in the exam domain weights within 3 points, both shapes', () => {
    const report = bankReport(bank.questions, corpus.passages, { requireTags: true });
    expect(report.questions).toBeGreaterThanOrEqual(400);
    for (const d of report.byDomain) expect(Math.abs(d.share - d.weight)).toBeLessThanOrEqual(0.03);
    expect(report.multipleResponse).toBeGreaterThanOrEqual(report.questions / 10);
  });

  it('passes the citation check and has no near-duplicates: every key fact in its cited section, no distractor as well supported', () => {
    expect(bankReport(bank.questions, corpus.passages, { requireTags: true }).problems).toEqual([]);
  });

  it('knowledge/OUTLINE.md is current (npm run outline) and every ## section of the notes is cited', async () => {
    const outline = examOutline(bank.questions, corpus.sections);
    expect(await readFile(`${KNOWLEDGE}OUTLINE.md`, 'utf8')).toBe(outline);
    expect(outline).toContain('## Sections no question cites\n\n- none\n');
    for (const d of EXAM_DOMAINS) {
      for (const task of Object.keys(d.tasks))
        expect(
          bank.questions.some((q) => q.task === task),
          task,
        ).toBe(true);
    }
  });

  it('has questions citing every notes file, and questions in every bank file', async () => {
    const citedFiles = new Set(bank.questions.map((q) => q.source.file));
    expect(corpus.files.filter((f) => !citedFiles.has(f))).toEqual([]);
    const bankFiles = (await readdir(`${KNOWLEDGE}questions`, { recursive: true })).filter((f) =>
      /\.ya?ml$/.test(f),
    );
    const used = new Set(bank.questions.map((q) => q.bankFile));
    expect(bankFiles.length).toBeGreaterThan(0);
    expect(bankFiles.filter((f) => !used.has(f))).toEqual([]);
  });

  it(`retrieves each question's cited section in the top ${TOP_K} from the question text`, () => {
    const misses = bank.questions.flatMap((q) => {
      const hits = index.search(q.question, TOP_K);
      const found = hits.some(
        (h) =>
          h.passage.file === q.source.file && h.passage.headingPath.join(' > ').endsWith(q.source.heading),
      );
      const got = hits.map((h) => `${h.passage.file} :: ${h.passage.headingPath.join(' > ')}`);
      return found ? [] : [{ id: q.id, cites: `${q.source.file} :: ${q.source.heading}`, got }];
    });
    expect(misses).toEqual([]);
  });
});
