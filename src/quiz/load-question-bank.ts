/**
 * The only part of src/quiz that touches the disk: reads every `*.yaml` / `*.yml` file under a
 * questions folder (recursively, in path order; hidden files and folders and `node_modules` are
 * not visited) and hands the texts to {@link buildQuestionBank}.
 *
 * Never throws: a missing folder, an unreadable file or a folder without bank files is one more
 * problem, so the rest of the bot can start and the caller decides how loud to be.
 */

import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Section } from '../knowledge/note-types.ts';
import { buildQuestionBank, type QuestionBank, type QuestionFileText } from './build-question-bank.ts';

const BANK_FILE = /\.ya?ml$/i;

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && BANK_FILE.test(entry.name)) out.push(full);
  }
}

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
  const paths: string[] = [];
  await walk(dir, paths);
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
