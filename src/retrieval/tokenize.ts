/**
 * Our tokenizer, used for indexing and for queries alike, so both sides agree on every term.
 *
 * Contract: any string in (emoji, quotes, lunr syntax such as `:`, `~`, `^`, `*`, 5,000 chars),
 * lowercase word tokens out, never throws. Numbers glued to units are split and the unit is
 * normalized ("10G" → "10", "gb"; "15mn" → "15", "minute"; "900s" → "900", "second";
 * "1,000,000" → "1000000"), because notes write the same limit many ways.
 */

/** Unit spellings → one canonical unit token. Applied only right after a number. */
const UNIT_AFTER_NUMBER: Record<string, string> = {
  s: 'second',
  sec: 'second',
  secs: 'second',
  m: 'm',
  mn: 'minute',
  min: 'minute',
  mins: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  d: 'day',
  k: 'kb',
  g: 'gb',
  gib: 'gb',
  mib: 'mb',
  kib: 'kb',
};

/** Unit spellings → canonical, anywhere. */
const UNIT_WORDS: Record<string, string> = {
  minutes: 'minute',
  seconds: 'second',
  hours: 'hour',
  days: 'day',
  gigabyte: 'gb',
  gigabytes: 'gb',
  megabyte: 'mb',
  megabytes: 'mb',
  kilobyte: 'kb',
  kilobytes: 'kb',
  terabyte: 'tb',
  terabytes: 'tb',
  milliseconds: 'ms',
  millisecond: 'ms',
};

const TOKEN = /[\p{L}\p{N}]+(?:\.\d+)?/gu;

/** Boundaries inside camelCase and PascalCase names: `GetFederationToken`, `SQSQueue`. */
const CAMEL_BOUNDARY = /(?<=[a-z\d])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/;

/**
 * Splits `text` into normalized word tokens (no stemming, no stop-word removal). An API name
 * of three or more camelCase words ("GetFederationToken") yields the whole name and then its
 * words ("get", "federation", "token"): notes quote API names, learners ask in words.
 */
export function tokenize(text: string): string[] {
  const normalized = text.normalize('NFKC').replace(/(\d),(?=\d{3}\b)/g, '$1');
  const out: string[] = [];
  for (const match of normalized.matchAll(TOKEN)) {
    const written = match[0];
    const word = written.toLowerCase();
    // Two-part names are product names ("DynamoDB", "CloudFront"): kept whole.
    const split = /[a-z][A-Z]/.test(written) ? written.split(CAMEL_BOUNDARY) : [];
    const parts = split.length >= 3 ? split : [];
    const glued = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(word);
    if (glued) {
      const unit = glued[2] ?? '';
      out.push(glued[1] ?? '', UNIT_AFTER_NUMBER[unit] ?? UNIT_WORDS[unit] ?? unit);
      continue;
    }
    const prev = out[out.length - 1];
    if (prev !== undefined && /^\d/.test(prev) && UNIT_AFTER_NUMBER[word] && word !== 'm') {
      out.push(UNIT_AFTER_NUMBER[word] ?? word);
      continue;
    }
    out.push(UNIT_WORDS[word] ?? word);
    for (const part of parts) if (part.length > 1) out.push(part.toLowerCase());
  }
  return out;
}
