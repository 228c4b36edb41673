/**
 * What every answer path (extractive, model-phrased) returns, and what adapters render.
 */

/** A citation: note file (relative to the notes folder), heading path joined with " > ", 1-based line. */
export interface Source {
  file: string;
  heading: string;
  line: number;
}

/** One quoted piece of an extractive answer: the note's words, and the heading that labels them. */
export interface AnswerPiece {
  /** A heading or, in a comparison, the side ("DAX"); absent when the text names its topic. */
  label?: string;
  text: string;
  source: Source;
}

/**
 * One answer. `text` is what a person reads, as plain text (no Slack escaping or markup; at most
 * {@link MAX_ANSWER_CHARS} chars for extractive answers): adapters format it for their surface.
 * `pieces` (extractive answers) are the quoted pieces `text` is made of, for adapters that show
 * labels in bold. `sources` are the passages it quotes, best first.
 * `found` is false when the notes do not cover the question (the text then says so).
 */
export interface Answer {
  question: string;
  text: string;
  pieces?: AnswerPiece[];
  sources: Source[];
  mode: 'extractive' | 'llm';
  found: boolean;
}

/** Target length of an extractive answer (chars): short enough to read in a Slack message. */
export const MAX_ANSWER_CHARS = 600;
