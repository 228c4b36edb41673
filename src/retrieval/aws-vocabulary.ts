/**
 * AWS vocabulary: which phrases mean the same thing, and which everyday words point at the words
 * notes use. Extension by registration, like lunr's pipeline: add a line, no code.
 *
 * - {@link EQUIVALENT_TERMS}: an acronym and its expansions (and common spellings) are one term.
 *   A passage containing any member is indexed with the group's synonym token, and a query
 *   containing any member searches for it, so "DAX" finds "DynamoDB Accelerator" and back.
 * - {@link QUERY_EXPANSIONS}: one-way, query side only: "timeout" also searches "execution time".
 *   Expansions add terms at a lower boost; the learner's own words still count most.
 * Phrases are matched on token boundaries after {@link tokenize}, so write them in plain words.
 */

import { contentWords } from './analyze-text.ts';
import { AWS_ABBREVIATIONS, AWS_SERVICES } from './aws-services.ts';
import { stem } from './stem.ts';
import { tokenize } from './tokenize.ts';

/** Hand-written groups: the words people use next to AWS's own names. */
const HAND_WRITTEN_TERMS: readonly (readonly string[])[] = [
  ['dynamodb accelerator', 'dax'],
  ['read capacity unit', 'read capacity units', 'rcu', 'rcus'],
  ['write capacity unit', 'write capacity units', 'wcu', 'wcus'],
  ['cognito user pools', 'cognito user pool', 'user pools', 'user pool', 'cup'],
  [
    'cognito identity pools',
    'cognito identity pool',
    'identity pools',
    'identity pool',
    'federated identities',
    'federated identity',
    'federated identity pools',
    'cip',
  ],
  ['kinesis data firehose', 'data firehose', 'firehose', 'kdf'],
  ['kinesis data streams', 'kinesis data stream', 'kds'],
  ['point in time recovery', 'point in time restore', 'point in time', 'pitr'],
  ['auto scaling group', 'auto scaling groups', 'asg'],
  ['elastic network interface', 'elastic network interfaces', 'eni', 'enis'],
  ['serverless application model', 'sam'],
  ['aws certificate manager', 'certificate manager', 'acm'],
  ['application load balancer', 'alb', 'albs'],
  ['content delivery network', 'cdn'],
  ['time to live', 'ttl'],
  ['simple queue service', 'sqs'],
  ['simple notification service', 'sns'],
  ['identity and access management', 'iam'],
  ['key management service', 'kms'],
  ['security token service', 'sts'],
  ['json web token', 'json web tokens', 'jwt', 'jwts'],
  ['virtual private cloud', 'vpc', 'vpcs'],
  ['security group', 'security groups', 'sg', 'sgs'],
  ['relational database service', 'rds'],
  ['database migration service', 'dms'],
  ['infrequent access', 'ia'],
  ['function as a service', 'functions as a service', 'faas'],
  ['elastic container service', 'ecs'],
  ['api gateway', 'apigateway', 'api gw', 'apigw'],
  ['step functions', 'step function', 'sfn', 'state machine', 'state machines'],
  ['lambda edge', 'lambda at edge', 'lambda at the edge'],
  ['cloudfront functions', 'cloudfront function', 'cf functions'],
  ['dynamodb', 'dynamo db', 'dynamo', 'ddb'],
  ['cloudwatch', 'cloud watch', 'cw'],
  ['eventbridge', 'event bridge', 'cloudwatch events'],
  ['memory', 'ram', 'mem'],
  ['maximum', 'max', 'up to', 'at most', 'upper limit', 'limit', 'limits'],
  ['minimum', 'min', 'at least', 'lower limit'],
  ['postgresql', 'postgres', 'psql'],
  ['microsoft sql server', 'sql server', 'mssql'],
  ['availability zone', 'availability zones', 'az', 'azs'],
  [
    'pricing',
    'price',
    'prices',
    'cost',
    'costs',
    'pay',
    'billing',
    'billed',
    'charged',
    'cheap',
    'cheaper',
    'expensive',
  ],
  ['tmp', 'temporary storage', 'ephemeral storage', 'scratch space'],
  ['environment variables', 'environment variable', 'env variables', 'env vars', 'env var', 'env'],
  ['global tables', 'global table', 'multi region replication', 'cross region replication', 'multi region'],
  ['dynamodb streams', 'dynamodb stream', 'stream processing', 'ddb streams', 'changelog', 'change log'],
  ['on demand', 'ondemand', 'pay per request mode'],
  ['lambda authorizer', 'custom authorizer', 'custom authorizers', 'lambda authorizers'],
  ['edge optimized', 'edge optimised'],
  ['sig v4', 'sigv4', 'signature version 4'],
  ['rds proxy', 'db proxy', 'database proxy'],
  ['concurrency', 'concurrent executions', 'concurrency executions', 'concurrent', 'parallel invocations'],
  ['snapstart', 'snap start'],
  ['cold start', 'cold starts', 'initialization', 'pre initialized'],
  ['deployment package', 'deployment size', 'package size', 'zip size', 'code size'],
  ['exponential back off', 'exponential backoff', 'back off', 'backoff'],
  [
    'provisionedthroughputexceededexception',
    'provisionedthroughputexception',
    'throttled',
    'throttling',
    'throttle',
  ],
];

/**
 * Groups of phrases with one meaning: the hand-written ones, then every service of
 * {@link AWS_SERVICES} (its name as AWS writes it, without "Amazon"/"AWS" too, and its
 * aliases), then {@link AWS_ABBREVIATIONS}. A group's position is its synonym token (`syn<N>`).
 */
export const EQUIVALENT_TERMS: readonly (readonly string[])[] = [
  ...HAND_WRITTEN_TERMS,
  ...AWS_SERVICES.map((s) => [...new Set([s.name, s.name.replace(/^(Amazon|AWS)\s+/, ''), ...s.aliases])]),
  ...AWS_ABBREVIATIONS,
];

/** Position of each service's group in {@link EQUIVALENT_TERMS}. */
const SERVICE_GROUP_OFFSET = HAND_WRITTEN_TERMS.length;

/** One-way query expansions: a learner's phrase → the words notes tend to use for it. */
export const QUERY_EXPANSIONS: readonly (readonly [string, string])[] = [
  ['keep', 'retention'],
  ['same time', 'concurrency'],
  ['at once', 'concurrency'],
  ['simultaneously', 'concurrency'],
  ['simultaneous', 'concurrency'],
  ['in parallel', 'concurrency'],
  ['how big', 'size maximum'],
  ['timeout', 'execution time limit'],
  ['run', 'execution'],
  ['runs', 'execution'],
  ['time out', 'execution time limit'],
  ['temp', 'tmp'],
  ['temporary', 'tmp'],
  ['scratch', 'tmp'],
  ['free', 'free tier'],
  ['languages', 'language runtime'],
  ['language', 'runtime'],
  ['runtimes', 'language'],
  ['docker', 'container image'],
  ['login', 'sign in authentication'],
  ['log in', 'sign in authentication'],
  ['authenticate', 'authentication'],
  ['auth', 'authentication authorization'],
  ['permissions', 'iam policy'],
  ['expire', 'ttl expiry'],
  ['expiry', 'ttl'],
  ['big', 'size maximum'],
  ['large', 'size maximum'],
  ['cache', 'caching'],
  ['caching', 'cache'],
  ['replicate', 'replication'],
  ['latency', 'low latency'],
  ['private', 'vpc'],
  ['workflow', 'step functions'],
  ['orchestrate', 'step functions workflow'],
  ['certificate', 'acm'],
  ['ssl', 'https acm certificate'],
  ['https', 'acm certificate'],
  ['domain', 'custom domain route 53'],
  ['local', 'locally'],
  ['locally', 'local'],
  ['infrastructure as code', 'sam cloudformation'],
  ['retention', 'hours days'],
  ['keep data', 'retention'],
  ['stand for', ''],
  ['realtime', 'real time'],
  ['scale', 'scaling'],
  ['don t specify', 'default'],
  ['dont specify', 'default'],
  ['without specifying', 'default'],
  ['out of the box', 'default'],
  ['make', 'create'],
  ['turn it on', 'enable'],
  ['turning it on', 'enable'],
  ['turn it off', 'disable'],
  ['switch it off', 'disable'],
];

/** A compiled phrase: its tokens, and what a match adds. */
export interface VocabularyRule {
  /** The phrase's words, stemmed ("global secondary indexes" and "… index" are one phrase). */
  tokens: string[];
  /** Synonym token for an EQUIVALENT_TERMS group (`syn<N>`), or null for an expansion. */
  synonym: string | null;
  /** Extra query tokens for a QUERY_EXPANSIONS rule. */
  expansion: string[];
}

const stems = (phrase: string) => tokenize(phrase).map(stem);

function compile(): VocabularyRule[] {
  const rules: VocabularyRule[] = [];
  EQUIVALENT_TERMS.forEach((group, i) => {
    for (const phrase of group) rules.push({ tokens: stems(phrase), synonym: `syn${i}`, expansion: [] });
  });
  for (const [phrase, adds] of QUERY_EXPANSIONS) {
    rules.push({ tokens: stems(phrase), synonym: null, expansion: tokenize(adds) });
  }
  // A need a service is the textbook answer to ("tape backup") also searches for that service.
  AWS_SERVICES.forEach((service, i) => {
    for (const need of service.needs) {
      rules.push({ tokens: stems(need), synonym: null, expansion: [`syn${SERVICE_GROUP_OFFSET + i}`] });
    }
  });
  return rules.sort((a, b) => b.tokens.length - a.tokens.length);
}

/** Every rule, longest phrase first. */
export const VOCABULARY_RULES: readonly VocabularyRule[] = compile();

const BY_FIRST_TOKEN = new Map<string, VocabularyRule[]>();
for (const rule of VOCABULARY_RULES) {
  const first = rule.tokens[0];
  if (first === undefined) continue;
  const list = BY_FIRST_TOKEN.get(first) ?? [];
  list.push(rule);
  BY_FIRST_TOKEN.set(first, list);
}

/** What {@link matchVocabulary} finds in a token list. */
export interface VocabularyMatch {
  /** Synonym token of each equivalence-group phrase found, once per occurrence. */
  synonyms: string[];
  /** The words (as written) each synonym token was found as. */
  phrases: Array<{ synonym: string; words: string[] }>;
  /** One-way expansions: the words they were found as, and the words they add. */
  expansions: Array<{ from: string[]; adds: string[] }>;
}

/**
 * Finds vocabulary phrases in a token list, comparing stems. Returns the synonym token of every
 * equivalence-group phrase present, once per occurrence (so a passage that keeps saying "price",
 * "pay", "cheap" weighs more for pricing), and, when `withExpansions`, every one-way expansion
 * that applies. Pure; linear in the token count.
 */
export function matchVocabulary(tokens: readonly string[], withExpansions: boolean): VocabularyMatch {
  const out: VocabularyMatch = { synonyms: [], phrases: [], expansions: [] };
  const stemmed = tokens.map(stem);
  for (let i = 0; i < stemmed.length; i += 1) {
    const candidates = BY_FIRST_TOKEN.get(stemmed[i] ?? '');
    if (!candidates) continue;
    for (const rule of candidates) {
      if (!rule.tokens.every((t, k) => stemmed[i + k] === t)) continue;
      const words = tokens.slice(i, i + rule.tokens.length);
      if (rule.synonym) {
        out.synonyms.push(rule.synonym);
        out.phrases.push({ synonym: rule.synonym, words });
        // An acronym asked alone ("kdf", "what is sam") wants its spelled-out name found too.
        if (withExpansions && rule.tokens.length === 1 && (words[0]?.length ?? 0) <= 4) {
          const group = EQUIVALENT_TERMS[Number(rule.synonym.slice(3))] ?? [];
          out.expansions.push({ from: words, adds: tokenize(group[0] ?? '') });
        }
      } else if (withExpansions) out.expansions.push({ from: words, adds: rule.expansion });
    }
  }
  return out;
}

/** True when `synonym` (`syn<N>`) stands for an AWS service of {@link AWS_SERVICES}. */
export function isServiceSynonym(synonym: string): boolean {
  const n = Number(synonym.slice(3)) - SERVICE_GROUP_OFFSET;
  return n >= 0 && n < AWS_SERVICES.length;
}

/**
 * Each service need of three or more content words, as the set of their stems (the words a
 * question is searched by: `contentWords`, stemmed), with the service's synonym token; matched by
 * {@link scatteredNeeds} in any order. Needs of two words are left out: a pair such as "s3
 * internet" turns up by chance in a long question. Made on first use: `analyze-text.ts` imports
 * this module, so its `contentWords` is not ready while this one loads.
 */
let needsAsSets: ReadonlyArray<{ stems: string[]; synonym: string }> | undefined;

function needSets(): ReadonlyArray<{ stems: string[]; synonym: string }> {
  needsAsSets ??= AWS_SERVICES.flatMap((service, i) =>
    service.needs.map((need) => ({
      stems: [...new Set(contentWords(tokenize(need)).map(stem))],
      synonym: `syn${SERVICE_GROUP_OFFSET + i}`,
    })),
  ).filter((n) => n.stems.length >= 3);
  return needsAsSets;
}

/**
 * The service needs whose content words (stems) are all among `questionStems`, in any order and
 * not necessarily side by side: "users … upload big files … slow for the far away ones" has the
 * need "upload from far away" (S3 Transfer Acceleration). Each as a one-way expansion: the need's
 * stems and the service's synonym token. A phrase match (`matchVocabulary`) only finds a need
 * written word for word. Pure; linear in the number of needs (~1,000).
 */
export function scatteredNeeds(
  questionStems: ReadonlySet<string>,
): Array<{ from: string[]; adds: string[] }> {
  return needSets()
    .filter((n) => n.stems.every((s) => questionStems.has(s)))
    .map((n) => ({ from: n.stems, adds: [n.synonym] }));
}
