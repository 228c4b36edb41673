/**
 * The only part of src/quiz that touches the disk: reads every `*.yaml` / `*.yml` file under a
 * questions folder (recursively, in path order; hidden files and folders and `node_modules` are
 * not visited) and hands the texts to {@link buildQuestionBank}.
 *
 * Never throws: a missing folder, an unreadable file or a folder without bank files is one more
 * problem, so the rest of the bot can start and the caller decides how loud to be.
 */

import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Section } from '../knowledge/note-types.ts';
import { walkFiles } from '../knowledge/walk-files.ts';
import { buildQuestionBank, type QuestionBank, type QuestionFileText } from './build-question-bank.ts';

const BANK_FILE = /\.ya?ml$/i;

/**
 * Loads and validates the bank under `dir`.
 * `sections`: the notes corpus sections (`(await loadNotes(notesDir)).sections`); every
 * question's `source` must be one of them.
 * @returns questions sorted by id, and problems naming file, id (or entry) and what is wrong.
 */
export async function loadQuestionBank(
  dir: string,
  sections: readonly Pick<Section, 'file' | 'headingPath'>[],
): Promise<QuestionBank> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    return { questions: [], problems: [`Questions folder not found: ${dir} (no daily quiz without a bank)`] };
  }
  const paths = await walkFiles(dir, { include: (e) => e.isFile() && BANK_FILE.test(e.name) });
  const files: QuestionFileText[] = [];
  const readProblems: string[] = [];
  for (const full of paths) {
    const file = relative(dir, full).split(sep).join('/');
    try {
      files.push({ file, text: await readFile(full, 'utf8') });
    } catch (err) {
      readProblems.push(`${file}: could not read (${(err as Error).message}) (file skipped)`);
    }
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (files.length === 0 && readProblems.length === 0) {
    return { questions: [], problems: [`${dir}: no *.yaml or *.yml question files`] };
  }
  const bank = buildQuestionBank(files, sections);
  return { questions: bank.questions, problems: [...readProblems, ...bank.problems] };
}
