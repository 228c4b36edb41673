/**
 * Inline markup of Markdown, Zim and Org: {@link cleanInline} turns a line into the plain words a
 * person would read aloud (images and bare URLs disappear, links keep their label, emphasis and
 * code marks go); {@link isWhollyStrong} reads whether a whole line was in strong emphasis before
 * its marks go.
 */

import { decodeHTMLStrict } from 'entities';
import type { NoteFormat } from './note-types.ts';

/**
 * A web link is noise in a quote; a URL on an IP address is a fact to quote (the instance
 * metadata endpoint `http://169.254.169.254/latest/meta-data`), kept without its scheme.
 */
function dropLink(url: string): string {
  return /^https?:\/\/\d{1,3}(\.\d{1,3}){3}\b/.test(url) ? url.replace(/^https?:\/\//, '') : '';
}

const COMMON: Array<[RegExp, string | ((match: string) => string)]> = [
  [/<img\b[^>]*>/gi, ''],
  [/<!--.*?-->/g, ''],
  // Only HTML's own tags: "<bucket-name>" and "<multipart upload>" are placeholders a note means.
  [
    /<\/?(?:a|abbr|b|big|blockquote|br|center|code|del|div|em|font|h[1-6]|hr|i|ins|kbd|li|mark|ol|p|pre|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul)\b[^>]*>/gi,
    '',
  ],
  [/\bhttps?:\/\/[^\s)\]]+/g, dropLink],
];

const MARKDOWN: Array<[RegExp, string]> = [
  [/!\[[^\]]*\]\([^)]*\)/g, ''],
  [/\[([^\]]+)\]\([^)]*\)/g, '$1'],
  [/(\*\*|__)(.+?)\1/g, '$2'],
  [/`+([^`]*)`+/g, '$1'],
  [/~~(.+?)~~/g, '$1'],
  [/(^|\s)[*_]([^*_\s][^*_]*?)[*_](?=\s|$|[.,;:!?)])/g, '$1$2'],
];

const ZIM: Array<[RegExp, string]> = [
  [/\{\{[^}]*\}\}/g, ''],
  [/\[\[([^|\]]+)\|([^\]]+)\]\]/g, '$2'],
  [/\[\[([^\]]+)\]\]/g, '$1'],
  [/\*\*(.+?)\*\*/g, '$1'],
  [/\/\/(.+?)\/\//g, '$1'],
  [/__(.+?)__/g, '$1'],
  [/''(.+?)''/g, '$1'],
  [/~~(.+?)~~/g, '$1'],
  [/\^\{([^}]*)\}/g, '$1'],
  [/_\{([^}]*)\}/g, '$1'],
];

const ORG: Array<[RegExp, string]> = [
  [/\[\[[^\]]+\]\[([^\]]+)\]\]/g, '$1'],
  [/\[\[([^\]]+)\]\]/g, '$1'],
  [/(^|\s)([*/=~+_])(\S(?:.*?\S)?)\2(?=\s|$|[.,;:!?)])/g, '$1$3'],
];

const BY_FORMAT: Record<NoteFormat, Array<[RegExp, string]>> = {
  markdown: MARKDOWN,
  zim: ZIM,
  org: ORG,
  plain: [],
};

/**
 * A whole line in strong emphasis, per format: `**…**`, `__…__` or bold italic `***…***`
 * (Markdown), `**…**` (Zim), `*…*` (Org); plain text has no emphasis. A sentence's closing stop
 * may sit outside the marks ("**Yes**."); a colon may sit nowhere: "**Payload size:**" is a label
 * over the lines below it, not an emphasised line.
 */
const WHOLLY_STRONG: Record<NoteFormat, RegExp | null> = {
  markdown: /^(\*{2,3}|_{2,3})(?=[^\s*_])(?:(?!\1).)+(?<=[^\s*_:])\1[.!]?$/,
  zim: /^\*\*(?=[^\s*])(?:(?!\*\*).)+(?<=[^\s*:])\*\*[.!]?$/,
  org: /^\*(?=\S)[^*]+(?<=[^\s:])\*[.!]?$/,
  plain: null,
};

/** An option letter before an option's text: "B. ", "c) ". */
const OPTION_LETTER = /^[A-Ha-h][.)]\s+/;

/**
 * True when `text` (one line, markup not yet removed) is in strong emphasis from end to end, an
 * option letter before it allowed: "**A scalable Domain Name System**", "B. **Route 53**"; not
 * "**Payload Size:** up to 256 KB" nor "**a** and **b**". Never throws.
 */
export function isWhollyStrong(text: string, format: NoteFormat): boolean {
  return WHOLLY_STRONG[format]?.test(text.trim().replace(OPTION_LETTER, '')) ?? false;
}

/**
 * Removes `format`'s inline markup from one line, decodes HTML entities (`&nbsp;` → space,
 * `&amp;` → `&`; only entities with their `;`, so "R&D" and "&notes" stay as written) and
 * collapses white space. Never throws.
 */
export function cleanInline(text: string, format: NoteFormat): string {
  let out = text;
  for (const [re, by] of BY_FORMAT[format]) out = out.replace(re, by);
  for (const [re, by] of COMMON) out = typeof by === 'string' ? out.replace(re, by) : out.replace(re, by);
  if (out.includes('&')) out = decodeHTMLStrict(out);
  return out.replace(/\s+/g, ' ').trim();
}
