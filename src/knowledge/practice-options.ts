/**
 * Practice questions pasted into notes: a question, then its answer options as a list, the right
 * ones marked in bold.
 *
 *     Which statements are true about Amazon Route 53? (Choose 2 answers)
 *     ---
 *     * Amazon Route 53 is a region-level service
 *     * **You can register your domain name**
 *     * **Amazon Route 53 can perform health checks and failovers …**
 *     * Amazon Route 53 only supports Latency-based routing
 *
 * The unmarked options are the wrong answers. Quoted as a fact, "Amazon Route 53 only supports
 * Latency-based routing" would teach the opposite of what the note says, so they are left out of
 * the passages; the question and its right options stay. Pure.
 */

import type { LineToken } from './line-token.ts';

/** A question has at most this many options (exam questions have 4 or 5; "Choose 2" ones 5 or 6). */
const MAX_OPTIONS = 8;

const COUNT_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4 };

/** "Choose 2 answers", "(Select TWO)", "pick three". */
const CHOOSE = /\b(?:choose|select|pick)\s+(\d|one|two|three|four)\b/i;

/**
 * How many right options a line asks for when it is a practice question: the N of "Choose N"
 * (or "Select N"), else 1 for a line ending in "?"; 0 when the line is no question.
 */
export function rightOptionsAsked(text: string): number {
  const choose = CHOOSE.exec(text)?.[1]?.toLowerCase();
  if (choose) return COUNT_WORDS[choose] ?? Number(choose);
  return /\?\s*$/.test(text) ? 1 : 0;
}

type Bullet = Extract<LineToken, { kind: 'bullet' }>;

/** One option: its bullet and the bullets nested under it (an explanation goes with its option). */
interface Option {
  head: Bullet;
  lines: Bullet[];
}

/**
 * The options listed right after `tokens[at]` (blank lines allowed between them): bullets at the
 * first one's indent, each with the deeper bullets under it. A bullet question's options are
 * nested under it. Empty when a paragraph, table or heading comes first.
 */
function optionsAfter(tokens: readonly LineToken[], at: number): Option[] {
  const prompt = tokens[at];
  const above = prompt?.kind === 'bullet' ? prompt.indent : -1;
  const options: Option[] = [];
  for (let i = at + 1; i < tokens.length; i += 1) {
    const t = tokens[i] as LineToken;
    if (t.kind === 'blank') continue;
    if (t.kind !== 'bullet' || t.indent <= above) break;
    const base = options[0]?.head.indent ?? t.indent;
    if (t.indent < base) break;
    if (t.indent === base) options.push({ head: t, lines: [t] });
    else options.at(-1)?.lines.push(t);
  }
  return options;
}

/**
 * `tokens` without the wrong options of each practice question. A question (a heading, paragraph
 * line or bullet that ends in "?" or says "Choose N") followed by 2 to {@link MAX_OPTIONS}
 * options of which exactly the asked number (1, or N) are wholly in bold: the other options go,
 * with the bullets under them. A list whose bold lines do not add up that way is emphasis, not an
 * answer key, and stays whole; so does a question with no option marked (nothing says which is
 * right). Pure; never throws.
 */
export function withoutWrongOptions(tokens: readonly LineToken[]): LineToken[] {
  const wrong = new Set<LineToken>();
  tokens.forEach((prompt, at) => {
    if (prompt.kind === 'blank' || prompt.kind === 'table') return;
    const asked = rightOptionsAsked(prompt.text);
    if (asked === 0) return;
    const options = optionsAfter(tokens, at);
    const right = options.filter((o) => o.head.strong).length;
    if (options.length < 2 || options.length > MAX_OPTIONS || right !== asked) return;
    for (const o of options) if (!o.head.strong) for (const t of o.lines) wrong.add(t);
  });
  return wrong.size ? tokens.filter((t) => !wrong.has(t)) : [...tokens];
}
