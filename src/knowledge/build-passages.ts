/**
 * Line tokens → sections and passages. The one place that decides what a quotable unit is:
 * - a top-level bullet with all its sub-bullets (split along its children past MAX_PASSAGE_CHARS,
 *   each piece keeping its parent bullets as context);
 * - a paragraph (one item per line when the lines are short, list-like, as plain notes often are);
 * - a group of table rows, each row spelled out against the header.
 * A short single line directly followed by a list ("limits" then `- 15 min max`) acts as a label:
 * it joins the heading path of that list, like a heading one level down.
 */

import type { LineToken } from './line-token.ts';
import { MAX_PASSAGE_CHARS, type Passage, type PassageItem, type Section } from './note-types.ts';

interface Node {
  text: string;
  line: number;
  indent: number;
  children: Node[];
}

/** A passage before it gets its corpus-wide id. */
export type PassageDraft = Omit<Passage, 'id'>;

const LABEL_LEVEL = 100;
/** Sibling bullets are merged into one passage up to this length (chars). */
export const MERGE_BULLETS_CHARS = 320;

/** Flattens items into one line: children follow their parent after `: `, siblings split by `; `. */
export function flattenItems(items: PassageItem[]): string {
  let out = '';
  items.forEach((item, i) => {
    const prev = items[i - 1];
    if (prev === undefined) out = item.text;
    else if (item.depth > prev.depth) out += /[:：]$/.test(out) ? ` ${item.text}` : `: ${item.text}`;
    else out += /[.!?]$/.test(out) ? ` ${item.text}` : `; ${item.text}`;
  });
  return out;
}

function nodeItems(node: Node, depth: number): PassageItem[] {
  return [
    { text: node.text, depth, line: node.line },
    ...node.children.flatMap((c) => nodeItems(c, depth + 1)),
  ];
}

function splitSentences(text: string): string[] {
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/);
  const chunks: string[] = [];
  let current = '';
  for (const s of sentences) {
    if (current && current.length + s.length + 1 > MAX_PASSAGE_CHARS) {
      chunks.push(current);
      current = s;
    } else current = current ? `${current} ${s}` : s;
  }
  if (current) chunks.push(current);
  return chunks;
}

function isLabel(tokens: LineToken[], i: number): boolean {
  const t = tokens[i];
  if (t?.kind !== 'text' || t.text.length > 50 || /[.!?]$/.test(t.text)) return false;
  const prev = tokens[i - 1];
  if (prev && prev.kind !== 'blank' && prev.kind !== 'heading') return false;
  const immediate = tokens[i + 1];
  if (immediate?.kind === 'bullet') return immediate.indent <= t.indent + 1;
  const afterBlank = tokens[i + 2];
  const shortLabel = t.text.endsWith(':') || t.text.split(' ').length <= 3;
  return (
    immediate?.kind === 'blank' &&
    afterBlank?.kind === 'bullet' &&
    afterBlank.indent <= t.indent + 1 &&
    shortLabel
  );
}

/**
 * Groups one file's tokens into sections (one per heading) and passage drafts.
 * `file` is stored as given on every result. Pure; never throws.
 */
export function buildPassages(
  file: string,
  tokens: LineToken[],
): { sections: Section[]; passages: PassageDraft[] } {
  const sections: Section[] = [];
  const passages: PassageDraft[] = [];
  const stack: Array<{ level: number; text: string }> = [];
  const path = () => stack.map((s) => s.text);

  let roots: Node[] = [];
  let open: Node[] = [];
  let paragraph: Array<{ text: string; line: number }> = [];
  let table: { header: string[]; rows: Array<{ cells: string[]; line: number }> } | null = null;
  let lastKind: LineToken['kind'] | null = null;

  const emit = (kind: Passage['kind'], items: PassageItem[]) => {
    const first = items[0];
    if (!first) return;
    passages.push({ file, headingPath: path(), line: first.line, kind, items, text: flattenItems(items) });
  };

  const emitNode = (node: Node, ancestors: Node[]) => {
    const prefix = ancestors.map((a, d) => ({ text: a.text, depth: d, line: a.line }));
    const items = [...prefix, ...nodeItems(node, ancestors.length)];
    if (flattenItems(items).length <= MAX_PASSAGE_CHARS || node.children.length === 0) {
      if (node.children.length === 0 && node.text.length > MAX_PASSAGE_CHARS) {
        for (const chunk of splitSentences(node.text)) {
          emit('list', [...prefix, { text: chunk, depth: ancestors.length, line: node.line }]);
        }
      } else emit('list', items);
      return;
    }
    const chain = [...ancestors, node];
    const head = chain.map((a, d) => ({ text: a.text, depth: d, line: a.line }));
    let chunk: PassageItem[] = [];
    for (const child of node.children) {
      const childItems = nodeItems(child, chain.length);
      if (flattenItems([...head, ...childItems]).length > MAX_PASSAGE_CHARS) {
        if (chunk.length) emit('list', [...head, ...chunk]);
        chunk = [];
        emitNode(child, chain);
      } else if (flattenItems([...head, ...chunk, ...childItems]).length > MAX_PASSAGE_CHARS) {
        emit('list', [...head, ...chunk]);
        chunk = childItems;
      } else chunk.push(...childItems);
    }
    if (chunk.length) emit('list', [...head, ...chunk]);
  };

  // Consecutive short bullets under one heading form one passage (up to MERGE_BULLETS_CHARS):
  // a list of one-line facts reads as a unit, and quoting one line alone loses its neighbours.
  const flushList = () => {
    let group: PassageItem[] = [];
    const flushGroup = () => {
      if (group.length) emit('list', group);
      group = [];
    };
    for (const root of roots) {
      const items = nodeItems(root, 0);
      const alone = flattenItems(items).length;
      if (alone > MERGE_BULLETS_CHARS) {
        flushGroup();
        emitNode(root, []);
      } else if (group.length && flattenItems([...group, ...items]).length > MERGE_BULLETS_CHARS) {
        flushGroup();
        group = items;
      } else group.push(...items);
    }
    flushGroup();
    roots = [];
    open = [];
  };

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    const listLike = paragraph.length > 1 && paragraph.every((p) => p.text.length <= 100);
    if (listLike)
      emit(
        'paragraph',
        paragraph.map((p) => ({ text: p.text, depth: 0, line: p.line })),
      );
    else {
      const text = paragraph.map((p) => p.text).join(' ');
      const line = paragraph[0]?.line ?? 1;
      for (const chunk of splitSentences(text)) emit('paragraph', [{ text: chunk, depth: 0, line }]);
    }
    paragraph = [];
  };

  const flushTable = () => {
    if (!table) return;
    const { header, rows } = table;
    const rowText = (cells: string[]) =>
      header[0] === ''
        ? `${cells[0] ?? ''}: ${header
            .slice(1)
            .map((h, k) => `${h} ${cells[k + 1] ?? ''}`.trim())
            .join('; ')}`
        : header.map((h, k) => `${h}: ${cells[k] ?? ''}`).join('; ');
    let chunk: PassageItem[] = [];
    for (const row of rows) {
      const item = { text: rowText(row.cells), depth: 0, line: row.line };
      if (chunk.length && flattenItems([...chunk, item]).length > MAX_PASSAGE_CHARS) {
        emit('table', chunk);
        chunk = [];
      }
      chunk.push(item);
    }
    if (chunk.length) emit('table', chunk);
    if (rows.length === 0 && header.some((h) => h))
      emit('table', [{ text: header.join('; '), depth: 0, line: 1 }]);
    table = null;
  };

  const flushAll = () => {
    flushList();
    flushParagraph();
    flushTable();
  };

  tokens.forEach((token, i) => {
    if (token.kind === 'heading' || (token.kind === 'text' && isLabel(tokens, i))) {
      flushAll();
      const level = token.kind === 'heading' ? token.level : LABEL_LEVEL;
      while (stack.length && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
      stack.push({ level, text: token.text.replace(/\s*:$/, '') });
      if (token.kind === 'heading') sections.push({ file, headingPath: path(), line: token.line });
    } else if (token.kind === 'bullet') {
      flushParagraph();
      flushTable();
      while (open.length && (open[open.length - 1]?.indent ?? 0) >= token.indent) open.pop();
      const node: Node = { text: token.text, line: token.line, indent: token.indent, children: [] };
      const parent = open[open.length - 1];
      if (parent) parent.children.push(node);
      else roots.push(node);
      open.push(node);
    } else if (token.kind === 'text') {
      const deepest = open[open.length - 1];
      const continues = deepest && (lastKind === 'bullet' || (lastKind === 'text' && paragraph.length === 0));
      const indented = deepest && token.indent > (open[0]?.indent ?? 0);
      if (deepest && (continues || indented)) {
        let owner = deepest;
        if (indented && !continues) {
          for (const n of open) if (n.indent < token.indent) owner = n;
        }
        owner.children.push({ text: token.text, line: token.line, indent: token.indent + 1, children: [] });
      } else {
        flushList();
        flushTable();
        paragraph.push({ text: token.text, line: token.line });
      }
    } else if (token.kind === 'table') {
      flushList();
      flushParagraph();
      if (!table) table = { header: token.cells, rows: [] };
      else table.rows.push({ cells: token.cells, line: token.line });
    } else {
      flushParagraph();
      flushTable();
    }
    lastKind = token.kind;
  });
  flushAll();
  return { sections, passages };
}
