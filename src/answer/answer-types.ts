/**
 * What every answer path (extractive, model-phrased) returns, and what adapters render.
 */

/** A citation: note file (relative to the notes folder), heading path joined with " > ", 1-based line. */
export interface Source {
  file: string;
  heading: string;
  line: number;
}

/**
 * One answer. `text` is exactly what the bot posts (Slack mrkdwn, at most ~600 chars for
 * extractive answers); `sources` are the passages it quotes, best first.
 * `found` is false when the notes do not cover the question (the text then says so).
 */
export interface Answer {
  question: string;
  text: string;
  sources: Source[];
  mode: 'extractive' | 'llm';
  found: boolean;
}

/** Target length of an extractive answer (chars): short enough to read in a Slack message. */
export const MAX_ANSWER_CHARS = 600;
