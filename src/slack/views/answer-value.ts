/**
 * An answer carried in a button value (pure), for "Share in channel" and 👍/👎: the message it
 * sits in is not sent back with an ephemeral click. Slack caps a button value at 2,000 chars
 * (https://api.slack.com/reference/block-kit/block-elements#button).
 */

import type { Answer } from '../../answer/answer-types.ts';

/** Slack's limit on a button value (chars). */
const MAX_VALUE = 2000;

/**
 * An answer as a button value within Slack's 2,000 chars: the share payload plus `extra` fields
 * (the 👍/👎 rating). Drops sources, then clips the question, then the text, until it fits.
 */
export function encodeAnswerValue(
  answer: Pick<Answer, 'question' | 'text' | 'sources' | 'mode'>,
  extra: Record<string, string> = {},
): string {
  const payload = {
    ...extra,
    q: answer.question.slice(0, 300),
    t: answer.text,
    s: answer.sources,
    ...(answer.mode === 'llm' ? { m: 'llm' as const } : {}),
  };
  let value = JSON.stringify(payload);
  if (value.length > MAX_VALUE) value = JSON.stringify({ ...payload, s: payload.s.slice(0, 1) });
  if (value.length > MAX_VALUE) value = JSON.stringify({ ...payload, s: [], q: payload.q.slice(0, 80) });
  if (value.length > MAX_VALUE) {
    const over = value.length - MAX_VALUE;
    value = JSON.stringify({
      ...payload,
      s: [],
      q: payload.q.slice(0, 80),
      t: payload.t.slice(0, payload.t.length - over - 20),
    });
  }
  return value;
}
