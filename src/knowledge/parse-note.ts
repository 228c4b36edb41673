/**
 * One note's text → sections and passage drafts, whatever its format (detected from content).
 */

import { buildPassages, type PassageDraft } from './build-passages.ts';
import { detectFormat } from './detect-format.ts';
import { fileTopic } from './file-topic.ts';
import type { LineToken } from './line-token.ts';
import type { NoteFormat, Section } from './note-types.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { parseOrg } from './parse-org.ts';
import { parsePlain } from './parse-plain.ts';
import { parseZim } from './parse-zim.ts';
import { withoutWrongOptions } from './practice-options.ts';

const PARSERS: Record<NoteFormat, (source: string) => LineToken[]> = {
  markdown: parseMarkdown,
  zim: parseZim,
  org: parseOrg,
  plain: parsePlain,
};

/** What one note yields: its detected format, sections (one per heading) and passage drafts. */
export interface ParsedNote {
  format: NoteFormat;
  sections: Section[];
  passages: Array<PassageDraft & { topic: string[] }>;
}

/**
 * ANSI escape sequences, C0 and C1 control characters (tab and line breaks excepted) and Unicode
 * bidirectional overrides: invisible in an editor, but they would ring bells, recolour terminals
 * or reverse text in Slack (a U+202E in a note turns "gp2" into "2pg").
 */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /\u001B\[[0-?]*[ -/]*[@-~]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `source` without the characters of {@link CONTROL} and without a byte-order mark. Pure. */
export function stripControlCharacters(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(CONTROL, '');
}

/** Parses one note. `file` is the path recorded on every section and passage. Pure; never throws. */
export function parseNote(file: string, source: string): ParsedNote {
  const text = stripControlCharacters(source);
  const format = detectFormat(text);
  const { sections, passages } = buildPassages(file, withoutWrongOptions(PARSERS[format](text)));
  const topic = fileTopic(file);
  return { format, sections, passages: passages.map((p) => ({ ...p, topic })) };
}
