/**
 * Recognizes "A vs B" questions: `A vs B`, `A versus B`, `A or B`, `A compared to B`,
 * `difference between A and B`, `compare A and B`, `A and B difference`.
 * Leading question words ("when should I use", "which is better") are dropped from A.
 * Returns null when the question is not a comparison. Pure; never throws.
 */

const PATTERNS: RegExp[] = [
  /\bdiff(?:erence|erences|)\s+(?:between|of)\s+(.+?)\s+(?:and|&|vs\.?|versus)\s+(.+)$/i,
  /\bcompar(?:e|ing|ison of)\s+(.+?)\s+(?:and|with|to|vs\.?|versus|&)\s+(.+)$/i,
  /^(.+?)\s+(?:vs\.?|versus|v\.|compared (?:to|with)|against)\s+(.+)$/i,
  /^(.+?)\s+(?:and|&)\s+(.+?)\s+(?:difference|differences|compared|comparison)$/i,
  /^(.+?)\s+or\s+(.+)$/i,
];

const LEAD =
  /^(?:what(?:'s| is| are)?|when|which|should|do|does|is|are|can|i|we|use|to|the|a|an|better|best|choose|pick|between|would|you|one)\b\s*/i;
const TRAIL = /[\s?!.]+$/;
/** "30 minutes or more" is a bound, not a choice: these words never stand for a side. */
const NOT_A_SIDE =
  /^(more|less|fewer|longer|shorter|bigger|smaller|higher|lower|so|not|else|later|earlier|above|below|greater|larger)$/i;

function clean(side: string): string {
  let s = side.replace(TRAIL, '').trim();
  let prev = '';
  while (s !== prev) {
    prev = s;
    s = s.replace(LEAD, '').trim();
  }
  return s.replace(/^["'`]+|["'`]+$/g, '').trim();
}

/** The two sides of a comparison question, or null. Each side has at least one letter. */
export function parseComparison(question: string): [string, string] | null {
  const q = question.trim().replace(TRAIL, '');
  for (const re of PATTERNS) {
    const m = re.exec(q);
    if (!m) continue;
    const a = clean(m[1] ?? '');
    const b = clean(m[2] ?? '');
    if (!/\p{L}/u.test(a) || !/\p{L}/u.test(b) || NOT_A_SIDE.test(b) || NOT_A_SIDE.test(a)) continue;
    if (re.source.includes('\\s+or\\s+') && (a.split(/\s+/).length > 4 || b.split(/\s+/).length > 4))
      continue;
    return [a, b];
  }
  return null;
}
