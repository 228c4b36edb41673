/**
 * Shapes shared by the note parsers, the loader and everything downstream.
 *
 * A note file becomes a list of sections (one per heading) and passages (units small enough to
 * quote: a bullet with its sub-bullets, a paragraph, a group of table rows), each passage carrying
 * the heading path it sits under. Lines are 1-based, as an editor shows them.
 */

/** The note formats we read; detected from content, never from the file extension. */
export type NoteFormat = 'markdown' | 'zim' | 'org' | 'plain';

/** One heading of a note: `headingPath` is every heading above it and itself, top level first. */
export interface Section {
  file: string;
  headingPath: string[];
  line: number;
}

/** One quotable unit inside a passage: a bullet, a paragraph line group or a table row. */
export interface PassageItem {
  text: string;
  /** 0 for a top-level bullet, paragraph or row; 1 for its sub-bullets, and so on. */
  depth: number;
  line: number;
  /** Table rows only: `[column label, value]` per column (the row label is the text's lead). */
  cells?: Array<[string, string]>;
}

/**
 * A passage: what retrieval indexes and answers quote. `text` is `items` flattened to one line
 * (children joined to their parent with `: ` and to each other with `; `), at most about
 * {@link MAX_PASSAGE_CHARS} characters.
 */
export interface Passage {
  /** Position in the corpus; also the lunr document reference. */
  id: number;
  /** Path relative to the notes folder, with `/` separators. */
  file: string;
  /** What the file's path says it is about (see `file-topic.ts`), e.g. `['Storage', 'EBS']`. */
  topic: string[];
  headingPath: string[];
  line: number;
  kind: 'list' | 'paragraph' | 'table';
  items: PassageItem[];
  text: string;
}

/** Everything read from one notes folder. `warnings` name the file (and line) that was skipped. */
export interface Corpus {
  passages: Passage[];
  sections: Section[];
  files: string[];
  warnings: string[];
  /**
   * SHA-256 (hex) of the parser's version and every file's path and bytes: changes whenever the
   * notes change, or the way they are read into passages does (see `load-notes.ts`).
   */
  version: string;
}

/** Passages longer than this (chars) are split along their sub-bullets, sentences or rows. */
export const MAX_PASSAGE_CHARS = 480;
