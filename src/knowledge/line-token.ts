/**
 * The format-neutral line stream every note parser emits and `build-passages` consumes.
 *
 * Contract: a parser turns raw text into one token per meaningful line, already stripped of that
 * format's inline markup (see `clean-inline.ts`). Lines a reader would not quote (code, images,
 * front matter) produce no token at all, so they never split a bullet group.
 */

import { cleanInline, isWhollyStrong } from './clean-inline.ts';
import type { NoteFormat } from './note-types.ts';

/**
 * One line of a note, classified. `line` is 1-based; `indent` counts columns (a tab is 4). A
 * bullet is `strong` when its whole text was in strong emphasis (`**…**`; Org `*…*`, see
 * `isWhollyStrong`), the way notes mark the right options of a practice question (see
 * `practice-options.ts`).
 */
export type LineToken =
  | { kind: 'heading'; level: number; text: string; line: number }
  | { kind: 'bullet'; indent: number; text: string; line: number; strong?: boolean }
  | { kind: 'text'; indent: number; text: string; line: number }
  | { kind: 'table'; cells: string[]; line: number }
  | { kind: 'blank'; line: number };

/** Width of leading white space in columns, a tab counting as 4. */
export function indentWidth(raw: string): number {
  let width = 0;
  for (const ch of raw) {
    if (ch === ' ') width += 1;
    else if (ch === '\t') width += 4;
    else break;
  }
  return width;
}

const BULLET = /^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/;

/**
 * Classifies a list item line shared by Markdown, Org and plain text (`-`, `*`, `+`, `•`, `1.`, `1)`).
 * Returns null when the line is not a bullet.
 */
export function matchBullet(raw: string): { indent: number; text: string } | null {
  const m = BULLET.exec(raw);
  if (!m) return null;
  return { indent: indentWidth(m[1] ?? ''), text: m[2] ?? '' };
}

/**
 * The token of a list item whose text, markup and all, is `raw`: its words cleaned for `format`
 * (see `clean-inline.ts`), `strong` when the whole item is in bold; null when no words are left
 * (an image-only item).
 */
export function bulletToken(raw: string, indent: number, line: number, format: NoteFormat): LineToken | null {
  const text = cleanInline(raw, format);
  if (!text) return null;
  return isWhollyStrong(raw, format)
    ? { kind: 'bullet', indent, text, line, strong: true }
    : { kind: 'bullet', indent, text, line };
}

/** Splits a `| a | b |` table row into trimmed cells; returns null for a `|---|---|` or `|---+---|` separator row. */
export function tableCells(raw: string): string[] | null {
  const inner = raw.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells = inner.split('|').map((c) => c.trim());
  // `|---|:--:|` (Markdown) and `|----+----|` (Org) separator rows carry no data.
  if (cells.every((c) => /^:?[-+]*:?$/.test(c))) return null;
  return cells;
}

/** True for `| … |` lines (Markdown and Org tables). */
export function isTableRow(raw: string): boolean {
  return /^\s*\|.*\|\s*$/.test(raw);
}

/**
 * Turns the last token into a heading when it is a paragraph line underlined by `underline`
 * (`===` → level 1, `---` → level 2: Markdown's setext headings, also how plain text underlines
 * a title); `topLevelOnly` keeps an indented line (a list's continuation) as it is. Returns true
 * when it did.
 */
export function underlineHeading(tokens: LineToken[], underline: string, topLevelOnly: boolean): boolean {
  const prev = tokens[tokens.length - 1];
  if (prev?.kind !== 'text' || (topLevelOnly && prev.indent !== 0)) return false;
  tokens[tokens.length - 1] = {
    kind: 'heading',
    level: underline.startsWith('=') ? 1 : 2,
    text: prev.text,
    line: prev.line,
  };
  return true;
}
