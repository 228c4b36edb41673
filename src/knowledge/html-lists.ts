/**
 * Raw HTML lists inside a note (`<ul><li>…</li></ul>`, pasted from a blog or a wiki) → bullet
 * tokens, nested as the lists are, so they become passages like any Markdown list. The HTML is
 * read with htmlparser2; tags other than lists are dropped, entities decoded (`&nbsp;` is a space,
 * `&amp;` is `&`). Text outside any `<li>` becomes a text token.
 */

import { Parser } from 'htmlparser2';
import type { LineToken } from './line-token.ts';

/** True when a line opens an HTML list block (`<ul>`, `<ol>` or `<li>` at the start). */
export function startsHtmlList(raw: string): boolean {
  return /^\s*<(ul|ol|li)\b[^>]*>/i.test(raw);
}

/**
 * Tokenizes one HTML block. `lines` are the block's raw lines; `firstLine` is the 1-based line of
 * the first one. Each `<li>` becomes a bullet at indent 2 × (list depth − 1), on the line where
 * it opens. `clean` turns the collected text into display text (inline markup, white space).
 * Pure; never throws (htmlparser2 recovers from broken HTML).
 */
export function htmlListTokens(
  lines: readonly string[],
  firstLine: number,
  clean: (text: string) => string,
): LineToken[] {
  const source = lines.join('\n');
  const lineStarts: number[] = [0];
  for (let i = 0; i < source.length; i += 1) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return firstLine + lo;
  };

  const tokens: LineToken[] = [];
  let depth = 0;
  let current: { indent: number; line: number; text: string; bullet: boolean } | null = null;
  const flush = () => {
    if (!current) return;
    const text = clean(current.text);
    if (text) {
      tokens.push(
        current.bullet
          ? { kind: 'bullet', indent: current.indent, text, line: current.line }
          : { kind: 'text', indent: 0, text, line: current.line },
      );
    }
    current = null;
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'ul' || name === 'ol') {
          flush();
          depth += 1;
        } else if (name === 'li') {
          flush();
          current = {
            indent: 2 * Math.max(0, depth - 1),
            line: lineAt(parser.startIndex),
            text: '',
            bullet: true,
          };
        } else if (name === 'br' || name === 'p' || name === 'div') {
          if (current) current.text += ' ';
        }
      },
      ontext(text) {
        if (!current) {
          if (!text.trim()) return;
          current = { indent: 0, line: lineAt(parser.startIndex), text: '', bullet: false };
        }
        current.text += text;
      },
      onclosetag(name) {
        if (name === 'li') flush();
        else if (name === 'ul' || name === 'ol') {
          flush();
          depth = Math.max(0, depth - 1);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(source);
  parser.end();
  flush();
  return tokens;
}
