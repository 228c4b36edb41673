/**
 * Practice questions pasted into notes: a question, then its answer options as a list, the
 * right ones marked in bold.
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

/**
 * A question has at least this many options, and two more than it has right ones: SAA-C03
 * multiple-choice questions have 4 options, multiple-response ones 5 or more (the exam guide);
 * notes sometimes keep 4 of a "Choose 2" question's. A shorter list under a question ("Why use
 * SQS?" over three facts, one in bold) is an answer, not options.
 */
const MIN_OPTIONS = 4;
/** …and at most this many. */
const MAX_OPTIONS = 8;

const COUNT_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

/** How the exam and practice sets say how many options to pick: "(Choose two.)", "(Select TWO.)", "pick any 3", "Which TWO …". */
const CHOOSE = /\b(?:(?:choose|select|pick)\s+(?:any\s+)?|which\s+)(\d|one|two|three|four|five)\b/i;

/**
 * How many right options `text` asks for when it is a practice question: the N of "Choose N",
 * "Select N" or "Which N …" in a line with a "?", else 1 for a line ending in "?"; 0 when the
 * line is no question ("Choose one of these retrieval options:" has no "?"). Never throws.
 */
export function rightOptionsAsked(text: string): number {
  if (!text.includes('?')) return 0;
  const n = CHOOSE.exec(text)?.[1]?.toLowerCase();
  if (n) return COUNT_WORDS[n] ?? Number(n);
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
 * nested under it. Stops at the first paragraph, table or heading, and past
 * {@link MAX_OPTIONS} + 1 options.
 */
function optionsAfter(tokens: readonly LineToken[], at: number): Option[] {
  const prompt = tokens[at];
  const above = prompt?.kind === 'bullet' ? prompt.indent : -1;
  const options: Option[] = [];
  for (let i = at + 1; i < tokens.length && options.length <= MAX_OPTIONS; i += 1) {
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
 * `tokens` without the wrong options of each practice question: a question (a heading or
 * paragraph line for which {@link rightOptionsAsked} is over 0; a bullet only when it says how
 * many to choose) followed by {@link MIN_OPTIONS} to {@link MAX_OPTIONS} options (and two more
 * than the right ones asked for), of which exactly the asked number are wholly in bold. The other
 * options go, with the bullets under them. Stays whole: a list whose bold lines do not add up that
 * way (emphasis, not an answer key), a question with no option marked (nothing says which is
 * right), options written as lettered lines or checkboxes rather than bullets. Pure; never throws.
 */
export function withoutWrongOptions(tokens: readonly LineToken[]): readonly LineToken[] {
  const wrong = new Set<LineToken>();
  tokens.forEach((prompt, at) => {
    if (prompt.kind === 'blank' || prompt.kind === 'table') return;
    const asked = rightOptionsAsked(prompt.text);
    if (asked === 0 || (prompt.kind === 'bullet' && !CHOOSE.test(prompt.text))) return;
    const options = optionsAfter(tokens, at);
    const right = options.filter((o) => o.head.strong).length;
    if (options.length < Math.max(MIN_OPTIONS, asked + 2) || options.length > MAX_OPTIONS) return;
    if (right !== asked) return;
    for (const o of options) if (!o.head.strong) for (const t of o.lines) wrong.add(t);
  });
  return wrong.size ? tokens.filter((t) => !wrong.has(t)) : tokens;
}
