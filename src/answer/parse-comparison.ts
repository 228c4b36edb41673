/**
 * Recognizes comparison questions: `A vs B`, `A vs B vs C`, `A versus B`, `A or B`,
 * `A compared to B`, `difference between A and B`, `compare A and B`, `A and B difference`.
 * What follows a comma or a dash after the last side ("gp2 vs io1 - max iops on each",
 * "sse-s3 vs sse-kms, who holds the keys") is the aspect asked about, not part of a side; so are
 * trailing asides such as "whats the diff", "when do i use which", "which one should i pick".
 * Leading question words ("when should I use", "which is better") are dropped from the first side.
 * Returns null when the question is not a comparison. Pure; never throws.
 */

/** A comparison question: two or three sides, and the aspect compared ("max iops on each"), if any. */
export interface Comparison {
  sides: string[];
  aspect: string;
}

const PATTERNS: RegExp[] = [
  /\bdiff(?:erence|erences|)\s+(?:between|of)\s+(.+?)\s+(?:and|&|vs\.?|versus)\s+(.+)$/i,
  /\bcompar(?:e|ing|ison of)\s+(.+?)\s+(?:and|with|to|vs\.?|versus|&)\s+(.+)$/i,
  /^(.+?)\s+(?:vs\.?|versus|v\.|v\/s|compared (?:to|with)|against)\s+(.+)$/i,
  /^(.+?)\s+(?:and|&)\s+(.+?)\s+(?:difference|differences|compared|comparison)$/i,
  /^(.+?)\s+or\s+(.+)$/i,
];
/** Separates further sides in "A vs B vs C". */
const MORE_SIDES = /\s+(?:vs\.?|versus|v\.|v\/s)\s+/i;

const LEAD =
  /^(?:what(?:'s| is| are)?|when|which|should|do|does|is|are|can|i|we|use|to|the|a|an|better|best|choose|pick|between|would|you|one)\b\s*/i;
const TRAIL = /[\s?!.]+$/;
/** Asides a learner appends to a comparison: never part of a side. */
const ASIDE =
  /\s*\b(?:what'?s|whats|what is|what are)\s+(?:the\s+)?(?:diff|difference|differences|tradeoffs?|trade-offs?|actually different|better)\b.*$|\s*\b(?:when|which|how)\s+(?:do|should|would|to|can)\s+(?:i|we|you)?\s*(?:use|pick|choose)\b.*$|\s*\bwhen to use which\b.*$|\s*\bwhich (?:one|is better|should)\b.*$/i;
/** The words of an aside: how a learner asks to be told the difference, not what about. */
const SCAFFOLD = new Set(
  `which one ones is are better best pick choose use when what whats what's the a do does should would
  i we you actually really different difference differences diff tradeoff tradeoffs trade-off
  trade-offs each for to go with`.split(/\s+/),
);
/** "30 minutes or more" is a bound, not a choice: these words never stand for a side. */
const NOT_A_SIDE =
  /^(more|less|fewer|longer|shorter|bigger|smaller|higher|lower|so|not|else|later|earlier|above|below|greater|larger)$/i;

/** A side without trailing punctuation and quotes; the first side also without leading question words. */
function clean(side: string, first: boolean): string {
  let s = side.replace(TRAIL, '').trim();
  let prev = '';
  while (first && s !== prev) {
    prev = s;
    s = s.replace(LEAD, '').trim();
  }
  return s.replace(/^["'`]+|["'`]+$/g, '').trim();
}

/** Splits the aspect off the last side: after ", " or " - " / " – ", or a trailing aside. */
function splitAspect(last: string): [string, string] {
  const dash = /\s*(?:,|\s[-–—:]\s)\s*(.*)$/.exec(last);
  if (dash && dash.index > 0) return [last.slice(0, dash.index), (dash[1] ?? '').trim()];
  const aside = ASIDE.exec(last);
  if (aside && aside.index > 0) return [last.slice(0, aside.index), aside[0].trim()];
  return [last, ''];
}

/**
 * What to search for a comparison: its sides and its aspect, without an aspect that is only an
 * aside ("which one do i pick", "whats the diff": question scaffolding whose words, rare in notes,
 * would otherwise weigh most in the search). Pure.
 */
export function comparisonQuery(c: Comparison): string {
  const aspect = c.aspect
    .split(/\s+/)
    .filter((w) => w && !SCAFFOLD.has(w.toLowerCase().replace(/[^a-z'-]/g, '')))
    .join(' ');
  return [c.sides.join(' vs '), aspect].filter(Boolean).join(', ');
}

/** The sides of a comparison question and what is compared, or null. Each side has a letter. */
export function parseComparison(question: string): Comparison | null {
  const q = question.trim().replace(TRAIL, '');
  for (const re of PATTERNS) {
    const m = re.exec(q);
    if (!m) continue;
    const rest = (m[2] ?? '').split(MORE_SIDES);
    const [lastSide, aspect] = splitAspect(rest.pop() ?? '');
    const raw = [m[1] ?? '', ...rest, lastSide];
    const sides = raw.map((side, i) => clean(side, i === 0));
    if (sides.some((s) => !/\p{L}/u.test(s) || NOT_A_SIDE.test(s))) continue;
    if (re.source.includes('\\s+or\\s+') && sides.some((s) => s.split(/\s+/).length > 4)) continue;
    return { sides, aspect: aspect.replace(TRAIL, '') };
  }
  return null;
}
