/**
 * Line tokens → sections and passages: the one place that decides what a quotable unit is.
 * One method per block kind; the builder keeps the open heading path, list, paragraph and table.
 * - a top-level bullet with all its sub-bullets (split along its children past MAX_PASSAGE_CHARS,
 *   each piece keeping its parent bullets as context; a long line is cut into chunks of sentences,
 *   each chunk after the first keeping the line's first sentence as context); consecutive short
 *   bullets merge;
 * - a paragraph (one item per line when the lines are short, list-like, as plain notes often are);
 * - table rows, each spelled out against the column labels (`table-block.ts`).
 * Labels: a short bare line directly followed by a list ("limits" then `- 15 min max`) names
 * that list: it joins the heading path like a heading one level down, until a paragraph, a table,
 * another label or a heading ends its list. An FAQ line `Q: …` labels the `A: …` lines after it.
 */

import type { LineToken } from './line-token.ts';
import { MAX_PASSAGE_CHARS, type Passage, type PassageItem, type Section } from './note-types.ts';
import { type TableRow, tableItems } from './table-block.ts';

interface Node {
  text: string;
  line: number;
  indent: number;
  children: Node[];
}

/** A passage before it gets its corpus-wide id and its file's topic. */
export type PassageDraft = Omit<Passage, 'id' | 'topic'>;

/** Level given to labels: deeper than any heading. */
const LABEL_LEVEL = 100;
/** Sibling bullets are merged into one passage up to this length (chars). */
export const MERGE_BULLETS_CHARS = MAX_PASSAGE_CHARS;
/** Table rows are grouped into one passage up to this length (chars); a long row stands alone. */
export const MERGE_ROWS_CHARS = 200;
/** A heading of at least this many words with nothing under it is a fact of its own. */
const FACT_HEADING_WORDS = 5;
/** Longest line (chars) that can be a label. */
const MAX_LABEL_CHARS = 60;
const FAQ_QUESTION = /^Q\s*[:.)-]\s*(\S.*)$/;
const FAQ_ANSWER = /^A\s*[:.)-]\s*/;

/** Flattens items into one line: children follow their parent after `: `, siblings split by `; `. */
export function flattenItems(items: readonly PassageItem[]): string {
  let out = '';
  items.forEach((item, i) => {
    const prev = items[i - 1];
    if (prev === undefined) out = item.text;
    else if (item.depth > prev.depth) out += /[:：.!?]$/.test(out) ? ` ${item.text}` : `: ${item.text}`;
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

/** Where one sentence ends and the next begins: after `.`, `!` or `?`, before a capital, digit, quote or bracket. */
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[A-Z0-9"(])/;

/** Splits a long text into chunks of whole sentences, each at most `max` chars when possible. */
export function splitSentences(text: string, max = MAX_PASSAGE_CHARS): string[] {
  const sentences = text.split(SENTENCE_BREAK);
  const chunks: string[] = [];
  let current = '';
  for (const s of sentences) {
    if (current && current.length + s.length + 1 > max) {
      chunks.push(current);
      current = s;
    } else current = current ? `${current} ${s}` : s;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** True when text token `i` is a label: a short bare line right before a list. */
function isLabel(tokens: readonly LineToken[], i: number): boolean {
  const t = tokens[i];
  if (t?.kind !== 'text' || t.text.length > MAX_LABEL_CHARS || /[.!?,;]$/.test(t.text)) return false;
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

/** Accumulates one file's blocks into sections and passage drafts. */
export class PassageBuilder {
  readonly sections: Section[] = [];
  readonly passages: PassageDraft[] = [];
  readonly #file: string;
  readonly #stack: Array<{ level: number; text: string }> = [];
  #roots: Node[] = [];
  #open: Node[] = [];
  #paragraph: Array<{ text: string; line: number }> = [];
  #table: TableRow[] = [];
  #lastKind: LineToken['kind'] | null = null;
  /** The last heading, until a passage is emitted under it. */
  #openHeading: { text: string; line: number; level: number; passages: number } | null = null;

  /** `file` is recorded on every section and passage. */
  constructor(file: string) {
    this.#file = file;
  }

  /**
   * A heading that states a fact and has nothing under it ("Amazon DMS can be used to migrate to
   * DynamoDB (from Mongo, …)", "EXAM: an IAM user can be in at most 10 groups") is that fact's
   * passage, under the headings above it.
   */
  #headingFact(): void {
    const open = this.#openHeading;
    this.#openHeading = null;
    if (!open || this.passages.length > open.passages) return;
    if ((open.text.match(/[\p{L}\p{N}]+/gu) ?? []).length < FACT_HEADING_WORDS) return;
    this.passages.push({
      file: this.#file,
      headingPath: this.#path().slice(0, -1),
      line: open.line,
      kind: 'paragraph',
      items: [{ text: open.text, depth: 0, line: open.line }],
      text: open.text,
    });
  }

  /** Feeds every token of one file, in order, and closes the open blocks. */
  build(tokens: readonly LineToken[]): this {
    tokens.forEach((token, i) => {
      if (token.kind === 'heading') this.heading(token.level, token.text, token.line);
      else if (token.kind === 'text' && FAQ_QUESTION.test(token.text))
        this.faqQuestion(token.text, token.line);
      else if (token.kind === 'text' && isLabel(tokens, i)) this.label(token.text);
      else if (token.kind === 'bullet') this.bullet(token.indent, token.text, token.line);
      else if (token.kind === 'text') this.text(token.indent, token.text, token.line);
      else if (token.kind === 'table') this.tableRow(token.cells, token.line);
      else this.blank();
      this.#lastKind = token.kind;
    });
    this.#flushAll();
    this.#headingFact();
    return this;
  }

  /** A heading: closes open blocks and moves the heading path. */
  heading(level: number, text: string, line: number): void {
    this.#flushAll();
    // A heading followed by its own sub-headings is a section title, not a fact.
    if (this.#openHeading && level <= this.#openHeading.level) this.#headingFact();
    this.#push(level, text);
    this.sections.push({ file: this.#file, headingPath: this.#path(), line });
    this.#openHeading = { text, line, level, passages: this.passages.length };
  }

  /** A bare line naming the list below it. */
  label(text: string): void {
    this.#flushAll();
    this.#push(LABEL_LEVEL, text.replace(/\s*:$/, ''));
  }

  /** `Q: question`: labels the answer lines that follow, like a heading. */
  faqQuestion(text: string, line: number): void {
    this.#flushAll();
    this.#popLabels();
    this.#push(LABEL_LEVEL, (FAQ_QUESTION.exec(text)?.[1] ?? text).trim());
    this.sections.push({ file: this.#file, headingPath: this.#path(), line });
  }

  /** A list item, nested under the open item with a smaller indent. */
  bullet(indent: number, text: string, line: number): void {
    this.#flushParagraph();
    this.#flushTable();
    while (this.#open.length && (this.#open[this.#open.length - 1]?.indent ?? 0) >= indent) this.#open.pop();
    const node: Node = { text, line, indent, children: [] };
    const parent = this.#open[this.#open.length - 1];
    if (parent) parent.children.push(node);
    else this.#roots.push(node);
    this.#open.push(node);
  }

  /** A line of text: continues the open list item, or joins the paragraph. */
  text(indent: number, raw: string, line: number): void {
    const text = raw.replace(FAQ_ANSWER, '');
    if (!text) return;
    const open = this.#open;
    const deepest = open[open.length - 1];
    const continues =
      deepest && (this.#lastKind === 'bullet' || (this.#lastKind === 'text' && this.#paragraph.length === 0));
    const indented = deepest && indent > (open[0]?.indent ?? 0);
    if (deepest && (continues || indented)) {
      let owner = deepest;
      if (indented && !continues) {
        for (const n of open) if (n.indent < indent) owner = n;
      }
      owner.children.push({ text, line, indent: indent + 1, children: [] });
      return;
    }
    // Prose after a labelled list is not part of that list (an FAQ answer has no list before it).
    const listEnds = this.#roots.length > 0;
    this.#flushList();
    this.#flushTable();
    if (listEnds) this.#popLabels();
    this.#paragraph.push({ text, line });
  }

  /** One table row (the first row of a table is its header). */
  tableRow(cells: string[], line: number): void {
    const listEnds = this.#roots.length > 0;
    this.#flushList();
    this.#flushParagraph();
    if (listEnds) this.#popLabels();
    this.#table.push({ cells, line });
  }

  /** A blank line or anything that separates blocks. */
  blank(): void {
    this.#flushParagraph();
    this.#flushTable();
  }

  #path(): string[] {
    return this.#stack.map((s) => s.text);
  }

  #push(level: number, text: string): void {
    while (this.#stack.length && (this.#stack[this.#stack.length - 1]?.level ?? 0) >= level)
      this.#stack.pop();
    this.#stack.push({ level, text });
  }

  #popLabels(): void {
    while ((this.#stack[this.#stack.length - 1]?.level ?? 0) === LABEL_LEVEL) this.#stack.pop();
  }

  #emit(kind: Passage['kind'], items: PassageItem[]): void {
    const first = items[0];
    if (!first) return;
    this.passages.push({
      file: this.#file,
      headingPath: this.#path(),
      line: first.line,
      kind,
      items,
      text: flattenItems(items),
    });
  }

  /**
   * A line longer than MAX_PASSAGE_CHARS, cut into chunks of sentences. Each chunk after the first
   * keeps the line's first sentence, which says what the line is about, as its parent ("API
   * Gateway provides throttling …" over "Any requests over the limit will receive a 429 HTTP
   * response"), chunks being cut so that the passage, parent bullets and first sentence included,
   * stays within MAX_PASSAGE_CHARS. When they leave less than half of it, or one sentence is too
   * long to fit, a chunk goes without the first sentence, as it did before.
   */
  #emitLongLine(node: Node, prefix: PassageItem[]): void {
    const at = prefix.length;
    const own = (text: string): PassageItem => ({ text, depth: at, line: node.line });
    const [first, ...rest] = splitSentences(node.text);
    if (!first) return;
    this.#emit('list', [...prefix, own(first)]);
    const remainder = rest.join(' ');
    if (!remainder) return;
    const parent = own(node.text.split(SENTENCE_BREAK)[0] ?? '');
    // The chunk joins its parent after ": ".
    const room = MAX_PASSAGE_CHARS - flattenItems([...prefix, parent]).length - 2;
    if (room < MAX_PASSAGE_CHARS / 2) {
      for (const chunk of splitSentences(remainder)) this.#emit('list', [...prefix, own(chunk)]);
      return;
    }
    for (const chunk of splitSentences(remainder, room)) {
      const items = [...prefix, parent, { text: chunk, depth: at + 1, line: node.line }];
      this.#emit('list', flattenItems(items).length <= MAX_PASSAGE_CHARS ? items : [...prefix, own(chunk)]);
    }
  }

  #emitNode(node: Node, ancestors: Node[]): void {
    const prefix = ancestors.map((a, d) => ({ text: a.text, depth: d, line: a.line }));
    const items = [...prefix, ...nodeItems(node, ancestors.length)];
    if (flattenItems(items).length <= MAX_PASSAGE_CHARS || node.children.length === 0) {
      if (node.children.length === 0 && node.text.length > MAX_PASSAGE_CHARS) {
        this.#emitLongLine(node, prefix);
      } else this.#emit('list', items);
      return;
    }
    const chain = [...ancestors, node];
    const head = chain.map((a, d) => ({ text: a.text, depth: d, line: a.line }));
    let chunk: PassageItem[] = [];
    for (const child of node.children) {
      const childItems = nodeItems(child, chain.length);
      if (flattenItems([...head, ...childItems]).length > MAX_PASSAGE_CHARS) {
        if (chunk.length) this.#emit('list', [...head, ...chunk]);
        chunk = [];
        this.#emitNode(child, chain);
      } else if (flattenItems([...head, ...chunk, ...childItems]).length > MAX_PASSAGE_CHARS) {
        this.#emit('list', [...head, ...chunk]);
        chunk = childItems;
      } else chunk.push(...childItems);
    }
    if (chunk.length) this.#emit('list', [...head, ...chunk]);
  }

  // Consecutive short bullets under one heading form one passage (up to MERGE_BULLETS_CHARS):
  // a list of one-line facts reads as a unit, and quoting one line alone loses its neighbours.
  #flushList(): void {
    let group: PassageItem[] = [];
    const flushGroup = () => {
      if (group.length) this.#emit('list', group);
      group = [];
    };
    for (const root of this.#roots) {
      const items = nodeItems(root, 0);
      const alone = flattenItems(items).length;
      if (alone > MERGE_BULLETS_CHARS) {
        flushGroup();
        this.#emitNode(root, []);
      } else if (group.length && flattenItems([...group, ...items]).length > MERGE_BULLETS_CHARS) {
        flushGroup();
        group = items;
      } else group.push(...items);
    }
    flushGroup();
    this.#roots = [];
    this.#open = [];
  }

  #flushParagraph(): void {
    const paragraph = this.#paragraph;
    if (paragraph.length === 0) return;
    const listLike = paragraph.length > 1 && paragraph.every((p) => p.text.length <= 100);
    if (listLike)
      this.#emit(
        'paragraph',
        paragraph.map((p) => ({ text: p.text, depth: 0, line: p.line })),
      );
    else {
      const text = paragraph.map((p) => p.text).join(' ');
      const line = paragraph[0]?.line ?? 1;
      for (const chunk of splitSentences(text)) this.#emit('paragraph', [{ text: chunk, depth: 0, line }]);
    }
    this.#paragraph = [];
  }

  #flushTable(): void {
    if (this.#table.length === 0) return;
    let chunk: PassageItem[] = [];
    for (const item of tableItems(this.#table)) {
      if (chunk.length && flattenItems([...chunk, item]).length > MERGE_ROWS_CHARS) {
        this.#emit('table', chunk);
        chunk = [];
      }
      chunk.push(item);
    }
    if (chunk.length) this.#emit('table', chunk);
    this.#table = [];
  }

  #flushAll(): void {
    this.#flushList();
    this.#flushParagraph();
    this.#flushTable();
  }
}
