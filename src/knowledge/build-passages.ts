/**
 * Line tokens → sections and passages for one file: see {@link PassageBuilder} for what a
 * quotable unit is.
 */

import type { LineToken } from './line-token.ts';
import type { Section } from './note-types.ts';
import { PassageBuilder, type PassageDraft } from './passage-builder.ts';

export { flattenItems, MERGE_BULLETS_CHARS, type PassageDraft } from './passage-builder.ts';

/**
 * Groups one file's tokens into sections (one per heading) and passage drafts.
 * `file` is stored as given on every result. Pure; never throws.
 */
export function buildPassages(
  file: string,
  tokens: readonly LineToken[],
): { sections: Section[]; passages: PassageDraft[] } {
  const builder = new PassageBuilder(file).build(tokens);
  return { sections: builder.sections, passages: builder.passages };
}
