/**
 * The section a drafted question cites for a passage. A passage may sit under a label the
 * parser inferred (a bare line, a fact heading) that is not a heading of the file: the nearest
 * real heading above it is cited instead. Text above a file's first heading has none. Pure.
 */

import { formatHeadingPath } from '../knowledge/heading-path.ts';
import type { Passage, Section } from '../knowledge/note-types.ts';

/** A function giving each passage's citable heading path (joined with " > "), or '' when it has none. */
export function citableHeadings(sections: readonly Section[]): (passage: Passage) => string {
  const real = new Set(sections.map((s) => `${s.file}\u0000${formatHeadingPath(s.headingPath)}`));
  return (passage) => {
    let path = passage.headingPath;
    while (path.length && !real.has(`${passage.file}\u0000${formatHeadingPath(path)}`))
      path = path.slice(0, -1);
    return formatHeadingPath(path);
  };
}
