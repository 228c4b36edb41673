/**
 * What kind of answer a question asks for, read from its wording alone (no notes involved), so
 * the answer can prefer lines of that kind: "how long …" wants a duration, "how many …" a count,
 * "which service …" a service name, "can I …" a yes or no with its reason.
 * The patterns are English question forms, not any one corpus's words.
 */

/** A kind of quantity a number in the notes can be. */
export type QuantityKind = 'time' | 'size' | 'count' | 'rate' | 'money' | 'percent';

/** What the question expects. `quantities` is empty unless `expects` is `number`. */
export interface QuestionIntent {
  expects: 'number' | 'service' | 'yesno' | 'other';
  quantities: QuantityKind[];
}

const QUANTITY_CUES: Array<[QuantityKind, RegExp]> = [
  [
    'time',
    /\bhow (long|soon|quickly|often)\b|\b(timeout|time ?out|duration|retention|retain|ttl|expir\w*|period|latency|how much time|minutes?|hours?|days?)\b/,
  ],
  [
    'size',
    /\bhow (big|large|heavy)\b|\b(size|capacity|storage|hold|carry|store|disk|memory|ram|space)\b|\bhow much (data|storage|space|disk|ram|memory)\b|\b[kmgtp]i?b\b/,
  ],
  ['count', /\bhow many\b|\bnumber of\b|\bcount\b/],
  [
    'rate',
    /\bper (second|sec|minute)\b|\b(throughput|bandwidth|iops|speed|fast|faster|rate)\b|\bhow quickly\b/,
  ],
  ['money', /\b(cost|costs|price|pricing|pay|paid|charge[sd]?|cheap\w*|expensive|fee|fees|bill\w*)\b/],
  ['percent', /\bhow much (cheaper|faster|more|less|better)\b|\bpercent\w*\b|%/],
];

/** Wordings that ask for a figure even without a unit ("max …", "what port …"). */
const NUMBER_CUE =
  /\b(how (long|big|large|many|much|fast|heavy|quickly|soon|often|far)|max|maximum|min|minimum|limit|limits|default|up to|at most|what port|which port|what (http )?(status )?code|cidr|ip range|address)\b/;
const SERVICE_CUE =
  /\b(which|what) (aws )?(service|services|storage|database|db|option|type|tool|product|feature|gateway|one)\b|\bwhat (should|do|can|would) (we|i|you) (use|need|pick|choose|attach|set up|enable)\b|\bhow (do|can|should|would) (we|i|you)\b|\bwhat('s| is) the (best|right|cheapest|fastest)\b|\bwhat (to|do i|do we) use\b|\brecommend\w*\b/;
const YES_NO = /^(can|is|are|does|do|did|will|would|should|could|has|have)\b/;

/** Reads the intent of `question` (any text; case-insensitive). Pure; never throws. */
export function questionIntent(question: string): QuestionIntent {
  const q = question.toLowerCase().replace(/\s+/g, ' ').trim();
  const quantities = QUANTITY_CUES.filter(([, re]) => re.test(q)).map(([kind]) => kind);
  // "lambda timeout", "how much ram": a duration or a size asked for is a figure even without "how long".
  if (NUMBER_CUE.test(q) || quantities.some((k) => k === 'time' || k === 'size'))
    return { expects: 'number', quantities };
  if (SERVICE_CUE.test(q)) return { expects: 'service', quantities: [] };
  if (YES_NO.test(q)) return { expects: 'yesno', quantities: [] };
  return { expects: 'other', quantities: [] };
}

const UNIT_PATTERNS: Record<QuantityKind, RegExp> = {
  time: /\d\s*(ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|mn|h|hrs?|hours?|d|days?|weeks?|months?|years?)\b/i,
  size: /\d\s*(bytes?|[kmgtpe]i?b|kilobytes?|megabytes?|gigabytes?|terabytes?|petabytes?)\b(?!\s*(\/|per)\s*s)/i,
  count: /\b\d[\d,]*\b/,
  rate: /\d\s*([kmgt]?bps|[kmgt]i?b\s*\/\s*s|iops|(requests?|transactions?|messages?|msgs?|tps|calls?|ops)\s*(\/|per)\s*(s|sec|second|minute)|per second|\/s\b)/i,
  money: /\$\s*\d|\d\s*(usd|cents?|\$)|\b(free|no charge|no cost|not charged|charged|pay|price|cost)\b/i,
  percent: /\d\s*%|\bpercent\b/i,
};

/**
 * How well `text` fits the intent (0..1): 1 when it has a number of a wanted kind (or any number
 * when no kind was named), 0.5 for a bare number where a unit was wanted; for `service`, 1 when
 * it names an AWS service (a capitalised name, "Amazon X", "AWS X" or an all-caps acronym).
 */
export function intentFit(intent: QuestionIntent, text: string): number {
  if (intent.expects === 'number') {
    if (!/\d/.test(text)) return 0;
    if (intent.quantities.length === 0) return 1;
    return intent.quantities.some((k) => UNIT_PATTERNS[k].test(text)) ? 1 : 0.5;
  }
  if (intent.expects === 'service') {
    return /\b(Amazon|AWS)\s+[A-Z]|\b[A-Z]{2,}[a-z]?\b|\b[A-Z][a-z]+[A-Z]\w*/.test(text) ? 1 : 0;
  }
  return 0;
}
