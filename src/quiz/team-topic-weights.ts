/**
 * How strongly the daily pick leans toward each topic inside the domain it drew (pure; issue 12,
 * item 5: "prefers the team's weakest domain and topic … with a floor"): weight(topic) =
 * 1 − accuracy + {@link TOPIC_FLOOR}, accuracy smoothed as (right + 1) / (answered + 2) like the
 * domain weights (team-domain-weights.ts), so a topic nobody answered counts as 0.5 and a topic
 * the team always gets right keeps 0.2 / 1.2 = 1/6 of the weight of one it always misses.
 */

import type { Question } from './question.ts';
import type { QuestionResult } from './team-domain-weights.ts';

/** Added to (1 − accuracy), so a mastered topic still comes up. */
export const TOPIC_FLOOR = 0.2;

/** Per-topic weights (positive numbers, not normalized), by the bank's `topic`. */
export type TopicWeights = ReadonlyMap<string, number>;

/** The team's topic weights from per-question results; every topic of `bank` gets one. */
export function teamTopicWeights(
  bank: readonly Pick<Question, 'id' | 'topic'>[],
  results: readonly QuestionResult[],
): TopicWeights {
  const topicById = new Map(bank.map((q) => [q.id, q.topic]));
  const tally = new Map<string, { answered: number; correct: number }>();
  for (const q of bank) tally.set(q.topic, { answered: 0, correct: 0 });
  for (const r of results) {
    const topic = topicById.get(r.questionId);
    const t = topic === undefined ? undefined : tally.get(topic);
    if (!t) continue;
    t.answered += r.answered;
    t.correct += r.correct;
  }
  const weights = new Map<string, number>();
  for (const [topic, t] of tally) weights.set(topic, 1 - (t.correct + 1) / (t.answered + 2) + TOPIC_FLOOR);
  return weights;
}
