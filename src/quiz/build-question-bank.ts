/**
 * Bank files' text → validated questions plus every problem found. Pure; never throws. The disk
 * side is load-question-bank.ts.
 *
 * A file that does not parse is skipped whole; a bad entry is skipped alone; an id already used
 * (earlier in file order, even by an entry skipped for another reason) is reported on the later
 * entry, which is skipped; when `sections` are given, a question whose `source` is not a section
 * of the notes is skipped. Questions come out sorted by id, so the bank's order never depends on
 * file names or the order of the disk listing.
 */

import type { Section } from '../knowledge/note-types.ts';
import { noteHeadings } from './note-headings.ts';
import { parseQuestionFile } from './parse-question-file.ts';
import type { Question } from './question.ts';
import { entryId, validateQuestion } from './validate-question.ts';

/** The loaded bank: usable questions (sorted by id) and one message per problem, in file order. */
export interface QuestionBank {
  questions: Question[];
  problems: string[];
}

/** One bank file: `file` relative to the questions folder (`/` separators), `text` its content. */
export interface QuestionFileText {
  file: string;
  text: string;
}

/**
 * Validates every file in the order given (callers pass them sorted by path).
 * `sections`: the notes corpus sections (`loadNotes(dir).sections`); omit only in tests of the
 * other rules.
 */
export function buildQuestionBank(
  files: readonly QuestionFileText[],
  sections?: readonly Pick<Section, 'file' | 'headingPath'>[],
): QuestionBank {
  const notes = sections ? noteHeadings(sections) : undefined;
  const takenIds = new Map<string, string>();
  const questions: Question[] = [];
  const problems: string[] = [];
  for (const { file, text } of files) {
    const parsed = parseQuestionFile(file, text);
    problems.push(...parsed.problems);
    parsed.entries.forEach((raw, index) => {
      const result = validateQuestion(raw, {
        file,
        topic: parsed.topic,
        index,
        takenIds,
        notes,
        defaults: parsed.defaults,
      });
      const id = entryId(raw);
      if (id !== undefined && !takenIds.has(id)) takenIds.set(id, file);
      if (result.ok) questions.push(result.question);
      else problems.push(...result.problems);
    });
  }
  questions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { questions, problems };
}
