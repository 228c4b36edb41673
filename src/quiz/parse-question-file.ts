/**
 * One bank file's text → its `topic` and raw `questions` entries, or why the whole file is
 * skipped. Pure; never throws. Format: knowledge/QUESTIONS-FORMAT.md.
 *
 * YAML is read with the failsafe schema, so every scalar is a string exactly as written
 * (`A: 15` is the option text "15", `answer: no` the letter-less answer "no"), and duplicate keys
 * (two `C:` options) are syntax errors. Problems read `<file>:<line>: …` for syntax errors and
 * `<file>: …` otherwise; a file-level problem ends with "(file skipped)".
 */

import { parseDocument } from 'yaml';

/** What a bank file holds: entries still unvalidated; `problems` empty when the file was usable. */
export interface ParsedQuestionFile {
  /** The file's top-level `topic`, trimmed; "" when the file was skipped. */
  topic: string;
  /** The file's `domain` and `task`: defaults for its entries. */
  defaults: { domain?: string; task?: string };
  /** Raw items of `questions`, in file order; empty when the file was skipped. */
  entries: unknown[];
  problems: string[];
}

const TOP_LEVEL_FIELDS = ['topic', 'domain', 'task', 'questions'];

function skipped(problem: string): ParsedQuestionFile {
  return { topic: '', defaults: {}, entries: [], problems: [`${problem} (file skipped)`] };
}

/** Parses one bank file. `file` (relative to the questions folder) starts every problem. */
export function parseQuestionFile(file: string, source: string): ParsedQuestionFile {
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), {
    schema: 'failsafe',
    prettyErrors: true,
    uniqueKeys: true,
  });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    const what = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return skipped(`${file}${line === undefined ? '' : `:${line}`}: YAML syntax error: ${what}`);
  }
  const top: unknown = doc.toJS();
  if (top === null || top === undefined || top === '') return skipped(`${file}: file is empty`);
  if (typeof top !== 'object' || Array.isArray(top)) {
    return skipped(`${file}: top level must be a mapping with topic and questions`);
  }
  const { topic, questions, domain, task, ...rest } = top as Record<string, unknown>;
  if (typeof topic !== 'string' || topic.trim() === '') {
    return skipped(`${file}: topic is ${topic === undefined ? 'missing' : 'not a non-empty text'}`);
  }
  if (!Array.isArray(questions)) {
    return skipped(`${file}: questions is ${questions === undefined ? 'missing' : 'not a list'}`);
  }
  const unknown = Object.keys(rest);
  const problems =
    unknown.length === 0
      ? []
      : [
          `${file}: unknown top-level field ${unknown.map((k) => `"${k}"`).join(', ')} (fields: ${TOP_LEVEL_FIELDS.join(', ')})`,
        ];
  const defaults = {
    ...(typeof domain === 'string' ? { domain: domain.trim() } : {}),
    ...(typeof task === 'string' ? { task: task.trim() } : {}),
  };
  return { topic: topic.trim(), defaults, entries: questions, problems };
}
