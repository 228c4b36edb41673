/**
 * An example question from the team's own notes, for the Messages tab's suggested prompts: a
 * section heading of the notes turned into "What do my notes say about <heading>?", a different
 * one each day (UTC), from headings of 3 to 60 characters. Pure.
 */

import type { Section } from '../knowledge/note-types.ts';
import { seededHash } from '../quiz/seeded-hash.ts';

/** The example for `day` (YYYY-MM-DD), or undefined when the notes have no usable heading. */
export function exampleQuestion(sections: readonly Section[], day: string): string | undefined {
  const headings = [
    ...new Set(
      sections
        .map((s) => s.headingPath.at(-1)?.trim() ?? '')
        .filter((h) => h.length >= 3 && h.length <= 60 && /[a-z]/i.test(h)),
    ),
  ];
  if (headings.length === 0) return undefined;
  const heading = headings[seededHash('example-question', day) % headings.length] as string;
  return `What do my notes say about ${heading.replace(/[?:.]+$/, '')}?`;
}
