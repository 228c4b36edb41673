/**
 * Plain text → line tokens. The only headings plain text has are underlined ones (a line followed
 * by `===` or `---`) and short ALL-CAPS lines; everything else is bullets and paragraphs.
 */

import { indentWidth, type LineToken, matchBullet, underlineHeading } from './line-token.ts';

/** Tokenizes one plain-text note. Pure; never throws. */
export function parsePlain(source: string): LineToken[] {
  const tokens: LineToken[] = [];
  const lines = source.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '') {
      tokens.push({ kind: 'blank', line });
      return;
    }
    const underline = /^(=+|-{3,})$/.exec(trimmed);
    if (underline) {
      underlineHeading(tokens, underline[1] ?? '', false);
      return;
    }
    const bullet = matchBullet(raw);
    if (bullet) {
      tokens.push({ kind: 'bullet', indent: bullet.indent, text: bullet.text.replace(/\s+/g, ' '), line });
      return;
    }
    const text = trimmed.replace(/\s+/g, ' ');
    if (
      text.length <= 60 &&
      /[A-Z]/.test(text) &&
      text === text.toUpperCase() &&
      /^[A-Z0-9 &/,:@()-]+$/.test(text)
    ) {
      tokens.push({ kind: 'heading', level: 1, text: text.replace(/:$/, ''), line });
      return;
    }
    tokens.push({ kind: 'text', indent: indentWidth(raw), text, line });
  });
  return tokens;
}
