/**
 * The answer port: question → cited answer. Implementations: the extractive answerer (always
 * available) and the model-phrased one (when an OpenAI-compatible endpoint is configured).
 */

import type { SearchIndex } from '../retrieval/search-index.ts';
import type { Answer } from './answer-types.ts';
import { type ComposeOptions, composeAnswer } from './compose-answer.ts';

/** Answers study questions from the notes. Never throws on user text. */
export interface Answerer {
  answer(question: string): Promise<Answer>;
}

/** Extractive answers from the current index (a getter, so a reloaded index is picked up). */
export class ExtractiveAnswerer implements Answerer {
  constructor(
    private readonly index: () => SearchIndex,
    private readonly options: ComposeOptions = {},
  ) {}

  async answer(question: string): Promise<Answer> {
    return composeAnswer(question, this.index(), this.options);
  }
}
