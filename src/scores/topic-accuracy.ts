/**
 * Accuracy per topic (pure), from the person's daily and practice answers and the question bank's
 * topics, and the weakest topics with the note sections to read: the sources of the questions
 * they got wrong (or, with no wrong answer, of the topic's questions they saw).
 */

import type { Question } from '../quiz/question.ts';
import type { AnsweredQuestion } from './ports.ts';

/** One topic's record. `accuracy` is 0..1. */
export interface TopicAccuracy {
  topic: string;
  answered: number;
  correct: number;
  accuracy: number;
  /** Note sections to read, most relevant first (file › heading), at most 2. */
  read: Array<Question['source']>;
}

/** Per-topic accuracy, worst first (lowest accuracy, then most answered). Answers to questions no longer in the bank are ignored. */
export function topicAccuracy(
  answers: readonly AnsweredQuestion[],
  bank: readonly Question[],
): TopicAccuracy[] {
  const byId = new Map(bank.map((q) => [q.id, q]));
  const topics = new Map<
    string,
    { answered: number; correct: number; wrong: Map<string, number>; seen: Map<string, number> }
  >();
  for (const a of answers) {
    const q = byId.get(a.questionId);
    if (!q) continue;
    const t = topics.get(q.topic) ?? { answered: 0, correct: 0, wrong: new Map(), seen: new Map() };
    t.answered += 1;
    if (a.correct) t.correct += 1;
    const key = JSON.stringify(q.source);
    t.seen.set(key, (t.seen.get(key) ?? 0) + 1);
    if (!a.correct) t.wrong.set(key, (t.wrong.get(key) ?? 0) + 1);
    topics.set(q.topic, t);
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()].sort((x, y) => y[1] - x[1]).map(([k]) => JSON.parse(k) as Question['source']);
  return [...topics.entries()]
    .map(([topic, t]) => ({
      topic,
      answered: t.answered,
      correct: t.correct,
      accuracy: t.correct / t.answered,
      read: (t.wrong.size ? rank(t.wrong) : rank(t.seen)).slice(0, 2),
    }))
    .sort((a, b) => a.accuracy - b.accuracy || b.answered - a.answered || a.topic.localeCompare(b.topic));
}
