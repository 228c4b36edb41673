/**
 * The answer port: question → cited answer. Implementations: the extractive answerer (always
 * available) and the model-phrased one (when an OpenAI-compatible endpoint is configured).
 */

import type { SearchIndex } from '../retrieval/search-index.ts';
import { type AnswerCache, LruAnswerCache } from './answer-cache.ts';
import type { Answer } from './answer-types.ts';
import { composeAnswer } from './compose-answer.ts';
import { notesVersion } from './notes-version.ts';

/** Answers study questions from the notes. Never throws on user text. */
export interface Answerer {
  answer(question: string): Promise<Answer>;
}

/**
 * Extractive answers from the current index (a getter, so a reloaded index is picked up).
 * Answers are cached per (question, notes version): teams ask the same things, and a cached
 * answer costs nothing on the event loop that acks Slack.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly #cache: AnswerCache;

  constructor(
    private readonly index: () => SearchIndex,
    cache: AnswerCache = new LruAnswerCache({ max: 2000 }),
  ) {
    this.#cache = cache;
  }

  async answer(question: string): Promise<Answer> {
    const index = this.index();
    const version = notesVersion(index);
    const cached = this.#cache.get(question, version);
    if (cached) return { ...cached, question };
    const answer = composeAnswer(question, index);
    this.#cache.set(question, version, answer);
    return answer;
  }
}
