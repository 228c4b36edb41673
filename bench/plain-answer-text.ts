/** Temporary: the text a person reads from an answer. */
import type { Answer } from '../src/answer/answer-types.ts';
export function plainAnswerText(a: Answer): string {
  return a.text;
}
