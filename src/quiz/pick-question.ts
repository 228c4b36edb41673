/**
 * Which question to ask: the daily question of a channel, and a personal practice question.
 * Pure; deterministic for a given seed (see seeded-hash.ts); never throws.
 *
 * Daily: the channel's history is cut into cycles, each covering every question of the bank
 * once. A question is never repeated inside a cycle; when the bank is exhausted a new cycle
 * starts, whose picks avoid the last {@link RECENT_GUARD} questions asked, so across the cycle
 * boundary a question still waits at least that many days (at most half the bank, so a small
 * bank keeps a choice). Ids in the history that are no longer in the bank are ignored; questions
 * added to the bank join the current cycle.
 *
 * Adaptive (issue 12, item 5): given the team's domain weights (team-domain-weights.ts), the day
 * first draws a domain among those with questions left in the cycle, with probability
 * proportional to its weight, then the question within it. The draw uses the same seed, so a
 * channel's day stays one question; the cycle rule is unchanged, so a favoured domain runs out
 * within a cycle sooner and the others fill the rest of it. With topic weights
 * (team-topic-weights.ts) the question inside the drawn domain is then drawn by its topic's
 * weight, so the team's weakest topics come up more often too.
 */

import type { Question } from './question.ts';
import { seededHash, seededOrder } from './seeded-hash.ts';
import { slug } from './slug.ts';
import { type DomainKey, type DomainWeights, domainKeyOf } from './team-domain-weights.ts';
import type { TopicWeights } from './team-topic-weights.ts';

/** A question is not asked again within this many days of its last asking (about a week). */
export const RECENT_GUARD = 7;

/** Ids of `history` (oldest first) that are in `bank`, distinct, newest first, at most `n`. */
function latest(history: readonly string[], inBank: ReadonlySet<string>, n: number): Set<string> {
  const out = new Set<string>();
  for (let i = history.length - 1; i >= 0 && out.size < n; i--) {
    const id = history[i];
    if (id !== undefined && inBank.has(id)) out.add(id);
  }
  return out;
}

function preferNot<T extends { id: string }>(pool: readonly T[], avoid: ReadonlySet<string>): readonly T[] {
  const fresh = pool.filter((q) => !avoid.has(q.id));
  return fresh.length > 0 ? fresh : pool;
}

/** 2^48: {@link seededHash} returns integers below this. */
const HASH_RANGE = 2 ** 48;

/** The pool's questions of one domain, drawn by `weights` with the seed's own number. */
function weightedDomain<T extends Pick<Question, 'domain'>>(
  pool: readonly T[],
  weights: DomainWeights,
  seed: string,
): readonly T[] {
  const groups = new Map<DomainKey, T[]>();
  for (const q of pool) {
    const key = domainKeyOf(q);
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  const keys = [...groups.keys()].filter((k) => (weights.get(k) ?? 0) > 0).sort();
  const total = keys.reduce((sum, k) => sum + (weights.get(k) ?? 0), 0);
  if (total <= 0) return pool;
  let point = (seededHash(seed, 'domain') / HASH_RANGE) * total;
  for (const key of keys) {
    point -= weights.get(key) ?? 0;
    if (point < 0) return groups.get(key) ?? pool;
  }
  return groups.get(keys[keys.length - 1] as DomainKey) ?? pool;
}

/** One question of `pool`, its topic drawn by `weights` with the seed's own number. */
function weightedTopic<T extends Pick<Question, 'id' | 'topic'>>(
  pool: readonly T[],
  weights: TopicWeights,
  seed: string,
): T | undefined {
  const topics = [...new Set(pool.map((q) => q.topic))].sort();
  const total = topics.reduce((sum, t) => sum + (weights.get(t) ?? 0), 0);
  if (total <= 0) return seededOrder(pool, seed, (q) => q.id)[0];
  let point = (seededHash(seed, 'topic') / HASH_RANGE) * total;
  let topic = topics[topics.length - 1];
  for (const t of topics) {
    point -= weights.get(t) ?? 0;
    if (point < 0) {
      topic = t;
      break;
    }
  }
  return seededOrder(
    pool.filter((q) => q.topic === topic),
    seed,
    (q) => q.id,
  )[0];
}

/**
 * The daily question for one channel and day.
 * @param usedIds ids already asked in this channel, oldest first (not including this pick).
 * @param seed e.g. `${teamId}:${channelId}:${localDate}`: fixes the choice for that channel and day.
 * @param weights the team's domain weights (team-domain-weights.ts); absent or null: every
 *   question left in the cycle is equally likely.
 * @param topics the team's topic weights (team-topic-weights.ts), used inside the drawn domain;
 *   absent or null: every question of that domain is equally likely.
 * @returns `undefined` only when the bank is empty.
 */
export function pickQuestion(
  bank: readonly Question[],
  usedIds: readonly string[],
  seed: string,
  weights?: DomainWeights | null,
  topics?: TopicWeights | null,
): Question | undefined {
  const inBank = new Set(bank.map((q) => q.id));
  let cycle = new Set<string>();
  for (const id of usedIds) {
    if (!inBank.has(id)) continue;
    cycle.add(id);
    if (cycle.size === inBank.size) cycle = new Set();
  }
  const remaining = bank.filter((q) => !cycle.has(q.id));
  // Inside a cycle the recent ones are already used; only the previous cycle's tail is affected.
  const recent = latest(usedIds, inBank, Math.min(RECENT_GUARD, Math.floor(inBank.size / 2)));
  const pool = preferNot(remaining, recent);
  const inDomain = weights ? weightedDomain(pool, weights, seed) : pool;
  return topics ? weightedTopic(inDomain, topics, seed) : seededOrder(inDomain, seed, (q) => q.id)[0];
}

/** What a practice request asked for and how the pick matched it. */
export interface PracticeRequest {
  /** A notes file ("lambda.md", "lambda") or a topic ("Amazon DynamoDB", "dynamodb"); any case. */
  topicOrSourceFile?: string;
  /** Ids this person answered recently, oldest first; avoided while others remain. */
  recentIds: readonly string[];
  /** e.g. `${teamId}:${userId}:${timestamp}`; fixes the choice. */
  seed: string;
}

/** A practice question and what it matched: the source file, the topic, or nothing (any question). */
export interface PracticePick {
  question: Question;
  matchedBy: 'source-file' | 'topic' | 'any';
}

function matchesFile(q: Question, wanted: string): boolean {
  const file = q.source.file.toLowerCase();
  const stem = file.replace(/\.[^./]+$/, '');
  const base = stem.slice(stem.lastIndexOf('/') + 1);
  return [file, stem, base].some((name) => slug(name) === wanted);
}

function matchesTopic(q: Question, wanted: string): boolean {
  return `-${slug(q.topic)}-`.includes(`-${wanted}-`);
}

/**
 * A practice question for one person: questions citing the requested notes file first, else
 * questions whose topic contains the requested words, else any question; among those, one this
 * person has not seen recently, or, when all were recent, the one seen least recently.
 * @returns `undefined` only when the bank is empty.
 */
export function pickPracticeQuestion(
  bank: readonly Question[],
  { topicOrSourceFile, recentIds, seed }: PracticeRequest,
): PracticePick | undefined {
  const wanted = slug(topicOrSourceFile ?? '');
  const byFile = wanted ? bank.filter((q) => matchesFile(q, wanted)) : [];
  const byTopic = wanted && byFile.length === 0 ? bank.filter((q) => matchesTopic(q, wanted)) : [];
  const [pool, matchedBy] =
    byFile.length > 0
      ? ([byFile, 'source-file'] as const)
      : byTopic.length > 0
        ? ([byTopic, 'topic'] as const)
        : ([bank, 'any'] as const);
  const recent = new Set(recentIds);
  const fresh = pool.filter((q) => !recent.has(q.id));
  if (fresh.length > 0) {
    const question = seededOrder(fresh, seed, (q) => q.id)[0];
    return question && { question, matchedBy };
  }
  const lastSeen = (id: string): number => recentIds.lastIndexOf(id);
  const question = [...pool].sort((a, b) => lastSeen(a.id) - lastSeen(b.id))[0];
  return question && { question, matchedBy };
}
