/**
 * The answer port: question → cited answer. Implementations: the extractive answerer (always
 * available) and the model-phrased one (when an OpenAI-compatible endpoint is configured).
 */

import type { DenseRetriever } from '../retrieval/dense-retriever.ts';
import type { SearchIndex } from '../retrieval/search-index.ts';
import { type AnswerCache, LruAnswerCache } from './answer-cache.ts';
import type { Answer } from './answer-types.ts';
import { composeAnswer } from './compose-answer.ts';
import { notesVersion } from './notes-version.ts';

/** Answers study questions from the notes. Never throws on user text. */
export interface Answerer {
  /**
   * True when answers come at once, from memory (extractive, no dense retrieval): Slack adapters
   * may answer in the ack itself. False when an answer may wait on the network (a model, an
   * embeddings endpoint).
   */
  readonly immediate: boolean;
  answer(question: string): Promise<Answer>;
}

/** The dense retriever of the current notes (a getter, like the index), or null. */
export type DenseSource = () => DenseRetriever | null;

/**
 * Extractive answers from the current index (a getter, so a reloaded index is picked up).
 * Answers are cached per (question, notes version): teams ask the same things, and a cached
 * answer costs nothing on the event loop that acks Slack.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly #cache: AnswerCache;
  readonly #dense: DenseSource;

  constructor(
    private readonly index: () => SearchIndex,
    options: { cache?: AnswerCache; dense?: DenseSource } = {},
  ) {
    this.#cache = options.cache ?? new LruAnswerCache({ max: 2000 });
    this.#dense = options.dense ?? (() => null);
  }

  get immediate(): boolean {
    return this.#dense() === null;
  }

  async answer(question: string): Promise<Answer> {
    const index = this.index();
    const version = notesVersion(index);
    const cached = this.#cache.get(question, version);
    if (cached) return { ...cached, question };
    const dense = await this.#dense()?.rank(question);
    const answer = composeAnswer(question, index, { dense });
    this.#cache.set(question, version, answer);
    return answer;
  }
}
