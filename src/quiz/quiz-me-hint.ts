/**
 * "Quiz me on this": which practice question fits a source of an answer (pure). The source is a
 * notes file and its heading path ("DynamoDB > DAX"); the hint is what practice picking takes
 * (daily-quiz/practice-quiz.ts `hint`): the file itself when some question cites it, else the
 * bank topic sharing the most words with the file name and headings (ties: the larger share of
 * the topic's words), else undefined (any question). Words are retrieval's analysed terms
 * (retrieval/analyze-text.ts), without the words every AWS topic shares.
 */

import { splitHeadingPath } from '../knowledge/heading-path.ts';
import { analyzeText, stem } from '../retrieval/analyze-text.ts';
import type { Question } from './question.ts';
import { slug } from './slug.ts';

/** Words every AWS topic shares: they say nothing about which topic is nearest. */
const GENERIC = new Set(['aws', 'amazon', 'service'].map(stem));

const termsOf = (text: string) => new Set(analyzeText(text).terms.filter((t) => !GENERIC.has(t)));

/** The practice hint for `source` (a notes file and heading path) over `bank`; see the file's contract. */
export function quizMeHint(
  bank: readonly Question[],
  source: { file: string; heading: string },
): string | undefined {
  if (bank.some((q) => slug(q.source.file) === slug(source.file))) return source.file;
  const words = termsOf(
    `${source.file.replace(/\.[^./]+$/, '')} ${splitHeadingPath(source.heading).join(' ')}`,
  );
  let best: { topic: string; shared: number; share: number } | undefined;
  for (const topic of new Set(bank.map((q) => q.topic))) {
    const own = termsOf(topic);
    const shared = [...own].filter((t) => words.has(t)).length;
    const share = own.size ? shared / own.size : 0;
    if (shared > 0 && (!best || shared > best.shared || (shared === best.shared && share > best.share))) {
      best = { topic, shared, share };
    }
  }
  return best?.topic;
}
