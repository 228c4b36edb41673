/**
 * Which AWS services a piece of notes text names (retrieval/aws-services.ts catalogue): by full
 * name or alias, on word boundaries, case-insensitive for names of 4+ characters and exact for
 * short uppercase aliases ("S3", "EC2", "SQS"), so "ec2" in a URL or "ram" in a sentence about
 * memory do not count. Pure.
 */

import { AWS_SERVICES, type AwsService } from '../retrieval/aws-services.ts';

interface Matcher {
  service: AwsService;
  /** Names of 4+ characters with lowercase letters, any case. */
  loose: RegExp | null;
  /** Short or all-caps aliases, exactly as written. */
  exact: RegExp | null;
  /** The loose names in lower case and the exact ones as written: a text holds one of them, or neither pattern matches it. */
  needles: { lower: string[]; exact: string[] };
}

/**
 * Letters outside ASCII that a case-insensitive Unicode pattern matches to ASCII ones (Kelvin
 * sign, long s): in a text holding one, a plain substring test could miss a name.
 */
const FOLDS_TO_ASCII = /[\u017F\u212A]/u;

/** `text` in lower case for {@link mayName}; null when it holds a letter of {@link FOLDS_TO_ASCII} (then every name is tried). */
function lowerForSearch(text: string): string | null {
  return FOLDS_TO_ASCII.test(text) ? null : text.toLowerCase();
}

/**
 * False when `text` cannot match the patterns of `needles` (`lower` from {@link lowerForSearch}):
 * a cheap substring test before the regular expressions (drafting runs them on every line of a
 * team's notes against the whole catalogue).
 */
function mayName(needles: Matcher['needles'], text: string, lower: string | null): boolean {
  return (
    lower === null ||
    needles.lower.some((n) => lower.includes(n)) ||
    needles.exact.some((n) => text.includes(n))
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordPattern(names: string[], flags: string): RegExp | null {
  return names.length
    ? new RegExp(`(?<![\\w-])(?:${names.map(escapeRegExp).join('|')})(?![\\w-])`, flags)
    : null;
}

const MATCHERS: Matcher[] = AWS_SERVICES.map((service) => {
  const names = [
    ...new Set([service.name, service.name.replace(/^(Amazon|AWS)\s+/, ''), ...service.aliases]),
  ].filter((n) => n.length >= 2);
  const isLoose = (n: string) => n.length >= 4 && /[a-z]/.test(n);
  return {
    service,
    loose: wordPattern(names.filter(isLoose), 'iu'),
    exact: wordPattern(
      names.filter((n) => !isLoose(n)),
      'u',
    ),
    needles: {
      lower: names.filter(isLoose).map((n) => n.toLowerCase()),
      exact: names.filter((n) => !isLoose(n)),
    },
  };
});

/** The services `text` names, in catalogue order (each once). */
export function servicesIn(text: string): AwsService[] {
  const lower = lowerForSearch(text);
  return MATCHERS.filter(
    (m) => mayName(m.needles, text, lower) && (m.loose?.test(text) || m.exact?.test(text)),
  ).map((m) => m.service);
}

/** The services `text` names, in the order they first appear in it (each once). */
export function servicesInOrder(text: string): AwsService[] {
  const found: Array<{ service: AwsService; at: number }> = [];
  const lower = lowerForSearch(text);
  for (const m of MATCHERS) {
    if (!mayName(m.needles, text, lower)) continue;
    const at = Math.min(
      ...[m.loose, m.exact].flatMap((re) => {
        const hit = re?.exec(text);
        return hit ? [hit.index] : [];
      }),
    );
    if (Number.isFinite(at)) found.push({ service: m.service, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.service);
}

/** A line that opens with a service's name and goes on to say what it is. */
export interface ServiceLead {
  service: AwsService;
  /** The name as written at the start of the line ("Amazon SQS", "Athena"). */
  named: string;
  /** The joining words, lower case ("is", "lets you", ":"), or '' for a dash or colon. */
  connector: string;
  /** What follows the connector: the description, trimmed. */
  rest: string;
}

const CONNECTORS = [
  'is',
  'are',
  'lets you',
  'lets',
  'provides',
  'allows you to',
  'offers',
  'enables',
  'helps you',
];
const CONNECTOR = CONNECTORS.map(escape).join('|');
const LEADS = AWS_SERVICES.flatMap((service) =>
  [...new Set([service.name, service.name.replace(/^(Amazon|AWS)\s+/, ''), ...service.aliases])]
    .filter((n) => n.length >= 2)
    .map((name) => ({
      service,
      name,
      lowerName: name.toLowerCase(),
      pattern: new RegExp(
        `^((?:(?:Amazon|AWS)\\s+)?${escapeRegExp(name)})(?:\\s*\\([^)]{1,60}\\))?(?:\\s*(?:[:–—-])\\s*|\\s+(${CONNECTOR})\\s+)`,
        /[a-z]/.test(name) && name.length >= 4 ? 'iu' : 'u',
      ),
    })),
).sort((a, b) => b.name.length - a.name.length);

/**
 * The service a line opens with and what it says about it: "Amazon Athena is a serverless …",
 * "SQS: a fully managed queue …", "AWS WAF (web application firewall) lets you …". Null when the
 * line does not open with a catalogue name followed by a connector.
 */
export function leadingService(line: string): ServiceLead | null {
  const text = line.trim();
  const lower = lowerForSearch(text);
  for (const { service, name, lowerName, pattern } of LEADS) {
    // The pattern needs the name in the line, in some case: skip the regular expression when it is not there.
    if (lower !== null && !lower.includes(lowerName)) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length).trim();
    if (rest.length === 0) continue;
    return { service, named: m[1] ?? name, connector: (m[2] ?? '').toLowerCase(), rest };
  }
  return null;
}

const BY_NAME = new Map(
  AWS_SERVICES.flatMap((service) =>
    [service.name, service.name.replace(/^(Amazon|AWS)\s+/, ''), ...service.aliases].map(
      (n) => [n.toLowerCase(), service] as const,
    ),
  ),
);

/**
 * The service a heading is the name of ("Amazon SQS", "DynamoDB Streams", "EBS (Elastic Block
 * Store) - Block Storage"): the heading less a leading "Amazon"/"AWS", a parenthesis and a
 * " - subtitle" must be a catalogue name or alias. Undefined for any other heading.
 */
export function headingService(heading: string): AwsService | undefined {
  const bare = heading
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+[-–—|:].*$/u, '')
    .replace(/^(?:Amazon|AWS)\s+/i, '')
    .trim()
    .toLowerCase();
  return BY_NAME.get(bare) ?? BY_NAME.get(`amazon ${bare}`) ?? BY_NAME.get(`aws ${bare}`);
}
