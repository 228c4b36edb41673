/**
 * A heading path as text (pure). A passage or section sits under a heading path, top level first
 * (`['AWS Lambda', 'Limits: execution']`). Two separators, each on purpose:
 * - `HEADING_SEPARATOR` (" > ") joins a path into the one string that is stored and compared: a
 *   question file's `source.heading` (QUESTIONS-FORMAT.md: every bank is written with it), a
 *   citation's `Source.heading`, the citable sections of `quiz/note-headings.ts`, the section named
 *   in a drafting prompt and the text embedded for dense retrieval.
 * - `DISPLAY_SEPARATOR` (" › ") is what a person reads between a file and its headings and between
 *   the headings shown (`lambda.md › AWS Lambda › Limits (line 12)`): Slack's source lines, the
 *   model prompt's `[id] file › heading path`, the CLI and console lists, the exam outline.
 * Changing either changes what users and question files see; tests and the README pin both.
 */

/** Separator between the levels of a stored or compared heading path (`source.heading`). */
export const HEADING_SEPARATOR = ' > ';

/** Separator a person reads between a file and its headings, and between shown headings. */
export const DISPLAY_SEPARATOR = ' › ';

/**
 * The headings of `path` joined with `separator` (`HEADING_SEPARATOR` unless told): the stored
 * form by default, `DISPLAY_SEPARATOR` for text a person reads. `[]` gives `''`.
 */
export function formatHeadingPath(path: readonly string[], separator: string = HEADING_SEPARATOR): string {
  return path.join(separator);
}

/** A stored heading (`'AWS Lambda > Limits'`) back into its levels; `''` gives `['']`, as `split` does. */
export function splitHeadingPath(heading: string): string[] {
  return heading.split(HEADING_SEPARATOR);
}

/** `file › heading` as a person reads it; callers escape each part for their surface first. */
export function sectionLabel(file: string, heading: string): string {
  return `${file}${DISPLAY_SEPARATOR}${heading}`;
}
