/**
 * An answer carried in a button value (pure), for "Share in channel" and 👍/👎: the message it
 * sits in is not sent back with an ephemeral click. One encode/decode pair per button; decoded,
 * the fields are named as in `Answer` (`question`, `text`, `sources`, `mode`) and `rating`.
 *
 * On the wire the keys stay one letter (`{"q":…,"t":…,"s":[…],"m":"llm","r":"up"}`): Slack caps a
 * button value at 2,000 chars (https://api.slack.com/reference/block-kit/block-elements#button)
 * and every char of a key is one less of the answer, so naming them there would clip answers
 * sooner. It is also what every message already posted carries. A value is parsed with a schema,
 * nothing coerced (a forged payload must not post or store anything: issue 9, item 10).
 */

import { z } from 'zod';
import type { Answer } from '../../answer/answer-types.ts';
import { MAX_BUTTON_VALUE_CHARS, parseButtonValue } from './button-payloads.ts';

/** The answer a button carries: what sharing it posts and what a rating stores. */
export type CarriedAnswer = Pick<Answer, 'question' | 'text' | 'sources' | 'mode'>;

/** A 👍/👎 button: the answer and the rating this button gives. */
export interface RatingPayload {
  answer: CarriedAnswer;
  rating: 'up' | 'down';
}

/**
 * The wire form: question ≤ 300 chars, answer text (≤ 3,000 as a section allows), sources, and
 * `m: 'llm'` for a model-phrased answer (its sources are numbered).
 */
const wireAnswer = z.object({
  q: z.string().max(300),
  t: z.string().max(3000),
  s: z.array(z.object({ file: z.string().max(500), heading: z.string().max(1000), line: z.number().int() })),
  m: z.literal('llm').optional(),
});
const wireRating = wireAnswer.extend({ r: z.enum(['up', 'down']) });

function fromWire(v: z.infer<typeof wireAnswer>): CarriedAnswer {
  return { question: v.q, text: v.t, sources: v.s, mode: v.m === 'llm' ? 'llm' : 'extractive' };
}

/**
 * An answer as a button value within Slack's 2,000 chars, plus `extra` fields (the rating).
 * Drops sources, then clips the question, then the text, until it fits.
 */
function encodeAnswerValue(answer: CarriedAnswer, extra: Record<string, string> = {}): string {
  const payload = {
    ...extra,
    q: answer.question.slice(0, 300),
    t: answer.text,
    s: answer.sources,
    ...(answer.mode === 'llm' ? { m: 'llm' as const } : {}),
  };
  let value = JSON.stringify(payload);
  if (value.length > MAX_BUTTON_VALUE_CHARS) value = JSON.stringify({ ...payload, s: payload.s.slice(0, 1) });
  if (value.length > MAX_BUTTON_VALUE_CHARS)
    value = JSON.stringify({ ...payload, s: [], q: payload.q.slice(0, 80) });
  if (value.length > MAX_BUTTON_VALUE_CHARS) {
    const over = value.length - MAX_BUTTON_VALUE_CHARS;
    value = JSON.stringify({
      ...payload,
      s: [],
      q: payload.q.slice(0, 80),
      t: payload.t.slice(0, payload.t.length - over - 20),
    });
  }
  return value;
}

/** The value of a "Share in channel" button. */
export function encodeShare(answer: CarriedAnswer): string {
  return encodeAnswerValue(answer);
}
/** The answer to share, or null when the value is not one of ours (tampered or truncated). */
export function decodeShare(value: string | undefined): CarriedAnswer | null {
  const v = parseButtonValue(wireAnswer, value);
  return v ? fromWire(v) : null;
}

/** The value of one of the 👍/👎 buttons: the answer as the share button carries it, and the rating. */
export function encodeRating(answer: CarriedAnswer, rating: 'up' | 'down'): string {
  return encodeAnswerValue(answer, { r: rating });
}
/** The rated answer and the rating, or null when the value is not one of ours. */
export function decodeRating(value: string | undefined): RatingPayload | null {
  const v = parseButtonValue(wireRating, value);
  return v ? { answer: fromWire(v), rating: v.r } : null;
}
