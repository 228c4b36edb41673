/** Temporary: the text a person reads from an answer (no mrkdwn). */
import type { Answer } from '../src/answer/answer-types.ts';
import { unescapeMrkdwn } from '../src/answer/mrkdwn.ts';
export function plainAnswerText(a: Answer): string {
  return unescapeMrkdwn(a.text).replace(/\*([^*\n]+)\*/g, '$1');
}
