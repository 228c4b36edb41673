/**
 * Chooses the answerer for a configuration: extractive always; model-phrased on top of it when
 * an OpenAI-compatible endpoint is configured (OPENAI_API_KEY, or OPENAI_BASE_URL alone for a
 * local server that needs no key).
 */

import type { Config } from '../config.ts';
import type { SearchIndex } from '../retrieval/search-index.ts';
import type { AnswerCache } from './answer-cache.ts';
import { type Answerer, type DenseSource, ExtractiveAnswerer } from './answerer.ts';
import { LlmAnswerer } from './llm-answerer.ts';
import { type ChatModel, modelConfigured, openAiChatModel } from './llm-chat.ts';

/** Options for {@link createAnswerer}: composition, plus injectable model parts (tests, other ports). */
export interface AnswererOptions {
  /** How many passages a model is given (default MAX_PROMPT_PASSAGES). */
  passages?: number;
  /** Dense retrieval of the current notes, when an embeddings model is configured. */
  dense?: DenseSource;
  /** Chat model to use instead of the openai client built from `config`. */
  chat?: ChatModel;
  cache?: AnswerCache;
  /** Where fallbacks are logged (default: console, i.e. standard error for warnings). */
  log?: Pick<Console, 'info' | 'warn'>;
}

/** Builds the answerer for `config` over the current index. */
export function createAnswerer(
  config: Config,
  index: () => SearchIndex,
  options: AnswererOptions = {},
): Answerer {
  const { chat, cache, log, passages, dense } = options;
  if (!chat && !modelConfigured(config)) return new ExtractiveAnswerer(index, { dense });
  return new LlmAnswerer(index, {
    passages,
    dense,
    chat: chat ?? openAiChatModel(config),
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    cache,
    log,
  });
}
