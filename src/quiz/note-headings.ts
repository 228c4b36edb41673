/**
 * Which note sections a question may cite: heading paths (joined with " > ", top level first) per
 * notes file, built from the notes corpus sections (`loadNotes(dir).sections`). Pure.
 *
 * A question's `source` must name an existing file and the full heading path of one of its
 * sections, e.g. `{ file: 'lambda.md', heading: 'AWS Lambda > Limits: execution' }`.
 */

import { formatHeadingPath, HEADING_SEPARATOR } from '../knowledge/heading-path.ts';
import type { Section } from '../knowledge/note-types.ts';

/** Notes file (relative to the notes folder, `/` separators) → its heading paths joined with " > ". */
export type NoteHeadings = ReadonlyMap<string, ReadonlySet<string>>;

/** Indexes corpus sections by file. Sections without headings (plain text) are ignored. */
export function noteHeadings(sections: readonly Pick<Section, 'file' | 'headingPath'>[]): NoteHeadings {
  const byFile = new Map<string, Set<string>>();
  for (const { file, headingPath } of sections) {
    if (headingPath.length === 0) continue;
    const headings = byFile.get(file) ?? new Set<string>();
    headings.add(formatHeadingPath(headingPath));
    byFile.set(file, headings);
  }
  return byFile;
}

/**
 * What is wrong with a `source`, or `undefined` when it names an existing section.
 * When the heading is only the tail of a real path (e.g. "Limits: execution"), the message
 * suggests the full path.
 */
export function sourceProblem(
  source: { file: string; heading: string },
  notes: NoteHeadings,
): string | undefined {
  const headings = notes.get(source.file);
  if (!headings) return `source file "${source.file}" is not in the notes`;
  if (headings.has(source.heading)) return undefined;
  const tail = `${HEADING_SEPARATOR}${source.heading}`.toLowerCase();
  const near = [...headings].filter((h) => `${HEADING_SEPARATOR}${h}`.toLowerCase().endsWith(tail));
  const hint = near.length === 1 ? ` (did you mean "${near[0]}"?)` : '';
  return `source heading "${source.heading}" is not a heading in ${source.file}${hint}`;
}
