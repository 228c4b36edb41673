/**
 * The real question bank (knowledge/questions) against the real notes (knowledge/notes): it must
 * load cleanly, cover every section of knowledge/OUTLINE.md, and each question's own text must
 * retrieve the section it cites, so "ask the bot" after a quiz lands on the right notes.
 */

import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/knowledge/load-notes.ts';
import type { Corpus } from '../../src/knowledge/note-types.ts';
import type { QuestionBank } from '../../src/quiz/build-question-bank.ts';
import { loadQuestionBank } from '../../src/quiz/load-question-bank.ts';
import { buildIndex } from '../../src/retrieval/build-index.ts';
import { SearchIndex } from '../../src/retrieval/search-index.ts';

const KNOWLEDGE = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const TOP_K = 5;

/** `file` and full heading path of every `##` line of OUTLINE.md. */
function outlineSections(outline: string): Array<{ file: string; heading: string }> {
  const out: Array<{ file: string; heading: string }> = [];
  let file = '';
  let title = '';
  for (const line of outline.split('\n')) {
    const fileLine = /^(\S+\.md)\s*$/.exec(line);
    const h1 = /^\s+# (.+?)\s*$/.exec(line);
    const h2 = /^\s+## (.+?)\s*$/.exec(line);
    if (fileLine?.[1]) file = fileLine[1];
    else if (h1?.[1]) title = h1[1];
    else if (h2?.[1]) out.push({ file, heading: `${title} > ${h2[1]}` });
  }
  return out;
}

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

  it('has at least 120 questions', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(120);
  });

  it('cites every ## section of knowledge/OUTLINE.md at least once', async () => {
    const sections = outlineSections(await readFile(`${KNOWLEDGE}OUTLINE.md`, 'utf8'));
    expect(sections.length).toBeGreaterThanOrEqual(60);
    const cited = new Set(bank.questions.map((q) => `${q.source.file} :: ${q.source.heading}`));
    const uncited = sections.map((s) => `${s.file} :: ${s.heading}`).filter((s) => !cited.has(s));
    expect(uncited).toEqual([]);
  });

  it('has questions citing every notes file, and questions in every bank file', async () => {
    const citedFiles = new Set(bank.questions.map((q) => q.source.file));
    expect(corpus.files.filter((f) => !citedFiles.has(f))).toEqual([]);
    const bankFiles = (await readdir(`${KNOWLEDGE}questions`)).filter((f) => /\.ya?ml$/.test(f));
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
