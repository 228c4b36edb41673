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

import { tokenize } from './tokenize.ts';

/** Groups of phrases with one meaning (AWS names as AWS writes them, then acronyms, then slang). */
export const EQUIVALENT_TERMS: readonly (readonly string[])[] = [
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
  ['tmp', 'ephemeral storage', 'disk capacity', 'disk space', 'disk', 'storage space'],
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

/** One-way query expansions: a learner's phrase → the words notes tend to use for it. */
export const QUERY_EXPANSIONS: readonly (readonly [string, string])[] = [
  ['timeout', 'maximum execution time'],
  ['time out', 'maximum execution time'],
  ['timeouts', 'maximum execution time'],
  ['how long', 'maximum execution time'],
  ['keep', 'retention'],
  ['same time', 'concurrency'],
  ['at once', 'concurrency'],
  ['simultaneously', 'concurrency'],
  ['simultaneous', 'concurrency'],
  ['in parallel', 'concurrency'],
  ['how many', 'maximum up to'],
  ['how big', 'size maximum'],
  ['code', 'deployment package'],
  ['temp', 'tmp'],
  ['temporary', 'tmp'],
  ['scratch', 'tmp'],
  ['run for', 'execution time'],
  ['runtime limit', 'execution time'],
  ['duration', 'execution time'],
  ['free', 'free tier'],
  ['languages', 'language runtime'],
  ['language', 'runtime'],
  ['runtimes', 'language'],
  ['docker', 'container image'],
  ['login', 'sign in authentication'],
  ['log in', 'sign in authentication'],
  ['sign up', 'user pools'],
  ['authenticate', 'authentication'],
  ['auth', 'authentication authorization'],
  ['permissions', 'iam policy'],
  ['expire', 'ttl expiry'],
  ['expiry', 'ttl'],
  ['delete old items', 'ttl'],
  ['backup', 'backups pitr'],
  ['restore', 'backup pitr'],
  ['item size', 'maximum size item 400 kb'],
  ['big', 'size maximum'],
  ['large', 'size maximum'],
  ['limit', 'limits maximum'],
  ['limits', 'maximum'],
  ['max', 'maximum limits'],
  ['maximum', 'max limits'],
  ['cache', 'caching'],
  ['caching', 'cache'],
  ['speed up reads', 'dax cache'],
  ['hot key', 'hot keys dax'],
  ['replicate', 'replication'],
  ['latency', 'low latency'],
  ['database connections', 'rds proxy connections pooling'],
  ['too many connections', 'rds proxy pooling'],
  ['private', 'vpc'],
  ['workflow', 'step functions'],
  ['orchestrate', 'step functions workflow'],
  ['approval', 'human approval step functions'],
  ['mobile', 'cognito'],
  ['users', 'cognito'],
  ['certificate', 'acm'],
  ['ssl', 'https acm certificate'],
  ['https', 'acm certificate'],
  ['domain', 'custom domain route 53'],
  ['local', 'locally'],
  ['locally', 'local'],
  ['yaml', 'sam'],
  ['infrastructure as code', 'sam cloudformation'],
  ['retention', 'hours days'],
  ['keep data', 'retention'],
  ['stand for', ''],
  ['realtime', 'real time'],
  ['scale', 'scaling'],
  ['spiky', 'unpredictable spikes on demand'],
  ['unpredictable', 'on demand spikes'],
  ['steady', 'provisioned'],
  ['consistent read', 'strongly consistent eventually consistent rcu'],
];

/** A compiled phrase: its tokens, and what a match adds. */
export interface VocabularyRule {
  tokens: string[];
  /** Synonym token for an EQUIVALENT_TERMS group (`syn<N>`), or null for an expansion. */
  synonym: string | null;
  /** Extra query tokens for a QUERY_EXPANSIONS rule. */
  expansion: string[];
}

function compile(): VocabularyRule[] {
  const rules: VocabularyRule[] = [];
  EQUIVALENT_TERMS.forEach((group, i) => {
    for (const phrase of group) rules.push({ tokens: tokenize(phrase), synonym: `syn${i}`, expansion: [] });
  });
  for (const [phrase, adds] of QUERY_EXPANSIONS) {
    rules.push({ tokens: tokenize(phrase), synonym: null, expansion: tokenize(adds) });
  }
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

/**
 * Finds vocabulary phrases in a token list. Returns the synonym token of every equivalence-group
 * phrase present, once per occurrence (so a passage that keeps saying "price", "pay", "cheap"
 * weighs more for pricing), and, when `withExpansions`, every one-way expansion that applies.
 * Pure; linear in the token count.
 */
export function matchVocabulary(
  tokens: readonly string[],
  withExpansions: boolean,
): { synonyms: string[]; expansions: Array<{ from: string[]; adds: string[] }> } {
  const synonyms: string[] = [];
  const expansions: Array<{ from: string[]; adds: string[] }> = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const candidates = BY_FIRST_TOKEN.get(tokens[i] ?? '');
    if (!candidates) continue;
    for (const rule of candidates) {
      if (!rule.tokens.every((t, k) => tokens[i + k] === t)) continue;
      if (rule.synonym) {
        synonyms.push(rule.synonym);
        // An acronym asked alone ("kdf", "what is sam") wants its spelled-out name found too.
        if (withExpansions && rule.tokens.length === 1 && (rule.tokens[0]?.length ?? 0) <= 4) {
          const group = EQUIVALENT_TERMS[Number(rule.synonym.slice(3))] ?? [];
          expansions.push({ from: rule.tokens, adds: tokenize(group[0] ?? '') });
        }
      } else if (withExpansions) expansions.push({ from: rule.tokens, adds: rule.expansion });
    }
  }
  return { synonyms, expansions };
}
