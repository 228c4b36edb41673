/**
 * Follow-up questions in a conversation thread (issue 13, item 2): "and its limits?" or "what
 * about the other one?" after "what is lambda" means the earlier question's subject. Pure.
 *
 * A message is a follow-up when the thread has an earlier question and the message leans on it:
 * it opens with a joining word ("and", "also", "what about", "how about", "so"), refers back with
 * a pronoun ("it", "its", "they", "that", "the other one"…), or is too short to stand alone
 * (at most {@link SHORT_WORDS} words). Retrieval then searches the earlier question with the new
 * one; the model also gets the earlier turns as conversation history.
 */

/** One answered turn of a thread. */
export interface ThreadTurn {
  question: string;
  /** The answer's text as shown. */
  answer: string;
  /** The answer's top source (file and heading path), when it found something: the thread's topic. */
  source?: { file: string; heading: string };
}

/** Messages this short (words) lean on the thread. */
export const SHORT_WORDS = 3;

const OPENERS = /^(and|also|plus|so|then|what about|how about|what of|same for|ok(ay)? and|but)\b/i;
const BACK_REFERENCES =
  /\b(it|its|it's|they|them|their|theirs|that one|this one|those|these|the other( one)?|the former|the latter|both|either|each)\b/i;

/** True when `text` leans on an earlier question of the thread. */
export function isFollowUp(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  const words = t.split(/\s+/).filter((w) => /\w/.test(w));
  return OPENERS.test(t) || BACK_REFERENCES.test(t) || words.length <= SHORT_WORDS;
}

/** What to search for a message: the message itself, or with the thread's last question when it is a follow-up. */
export function resolveFollowUp(
  text: string,
  previous: ThreadTurn | undefined,
): { search: string; followUp: boolean } {
  const t = text.trim();
  if (!previous || !isFollowUp(t)) return { search: t, followUp: false };
  return { search: `${previous.question.trim().replace(/[?.!]+$/, '')} ${t}`, followUp: true };
}
