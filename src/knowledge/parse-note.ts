/**
 * One note's text → sections and passage drafts, whatever its format (detected from content).
 */

import { buildPassages, type PassageDraft } from './build-passages.ts';
import { detectFormat } from './detect-format.ts';
import type { LineToken } from './line-token.ts';
import type { NoteFormat, Section } from './note-types.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { parseOrg } from './parse-org.ts';
import { parsePlain } from './parse-plain.ts';
import { parseZim } from './parse-zim.ts';

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
  passages: PassageDraft[];
}

/** Parses one note. `file` is the path recorded on every section and passage. Pure; never throws. */
export function parseNote(file: string, source: string): ParsedNote {
  const text = source.replace(/^\uFEFF/, '');
  const format = detectFormat(text);
  return { format, ...buildPassages(file, PARSERS[format](text)) };
}
