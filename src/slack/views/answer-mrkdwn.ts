/**
 * An answer as Slack mrkdwn (pure): the notes' words escaped (`&`, `<`, `>`: a note or a model
 * reply containing `<!channel>` must not notify anyone), and for an extractive answer each
 * piece's label in bold ("*TTL*: items expire…"), several pieces as "• " lines.
 * Limit: a section's text is at most 3,000 chars (https://api.slack.com/reference/block-kit/blocks#section).
 */

import type { Answer, AnswerPiece } from '../../answer/answer-types.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';

/** Slack's limit on a section block's text (chars). */
export const MAX_SECTION_CHARS = 3000;

function pieceLine(p: AnswerPiece): string {
  const body = escapeMrkdwn(p.text);
  return p.label ? `*${escapeMrkdwn(p.label.replace(/[*_`~]/g, ''))}*: ${body}` : body;
}

/**
 * A message's top-level `text` for an answer (Slack shows it in notifications and to screen
 * readers, and parses it as mrkdwn): the plain text, escaped.
 */
export function answerFallbackText(answer: Answer): string {
  return escapeMrkdwn(answer.text).slice(0, MAX_SECTION_CHARS);
}

/**
 * The answer's text for a section block. Pieces are rendered only when their plain text is what
 * the answer shows (not clipped); otherwise the plain text is escaped as it is.
 */
export function answerMrkdwn(answer: Answer): string {
  const pieces = answer.pieces ?? [];
  const plain = pieces.map((p) => (p.label ? `${p.label}: ${p.text}` : p.text));
  const whole = pieces.length === 1 ? plain[0] : plain.map((l) => `• ${l}`).join('\n');
  if (pieces.length === 0 || whole !== answer.text)
    return escapeMrkdwn(answer.text).slice(0, MAX_SECTION_CHARS);
  const lines = pieces.map(pieceLine);
  const text = lines.length === 1 ? (lines[0] ?? '') : lines.map((l) => `• ${l}`).join('\n');
  return text.slice(0, MAX_SECTION_CHARS);
}
