/**
 * The embeddings port and its implementation over the openai client, for any OpenAI-compatible
 * `/v1/embeddings` endpoint (OpenAI's `text-embedding-3-small`, Ollama's `nomic-embed-text`,
 * vLLM, a gateway). In: texts, a deadline. Out: one vector per text, in order, or an
 * {@link EmbeddingError} whose `reason` is one line for the log.
 */

import type { Config } from '../config.ts';
import { describeFailure, openAiClient } from '../openai/openai-client.ts';

/** A model that turns texts into vectors. */
export interface EmbeddingModel {
  /** Model name: part of the vector cache key. */
  readonly model: string;
  /**
   * Embeds `texts` (one request). Resolves with one vector per text, in order.
   * @throws EmbeddingError on timeout (`timeoutMs`), abort, HTTP error or a malformed response.
   */
  embed(
    texts: readonly string[],
    options: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<Float32Array[]>;
}

/** A failed embeddings call; `reason` is one line for the log. */
export class EmbeddingError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'EmbeddingError';
  }
}

/** True when `config` names an embedding model (and so asks for dense retrieval). */
export function embeddingsConfigured(config: Pick<Config, 'OPENAI_EMBEDDING_MODEL'>): boolean {
  return Boolean(config.OPENAI_EMBEDDING_MODEL);
}

/** An {@link EmbeddingModel} over the openai client, configured from OPENAI_* settings. */
export function openAiEmbeddingModel(
  config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_EMBEDDING_MODEL' | 'OPENAI_TIMEOUT_MS'>,
): EmbeddingModel {
  const model = config.OPENAI_EMBEDDING_MODEL ?? '';
  const client = openAiClient(config, config.OPENAI_TIMEOUT_MS);
  return {
    model,
    async embed(texts, { timeoutMs, signal }) {
      let response: unknown;
      try {
        // Floats, not the client's default base64: every compatible server speaks floats.
        response = await client.embeddings.create(
          { model, input: [...texts], encoding_format: 'float' },
          { timeout: timeoutMs, maxRetries: 0, signal },
        );
      } catch (err) {
        throw new EmbeddingError(describeFailure(err), { cause: err });
      }
      const data = (response as { data?: Array<{ embedding?: unknown; index?: number }> } | undefined)?.data;
      if (!Array.isArray(data) || data.length !== texts.length) {
        throw new EmbeddingError(`malformed response: expected ${texts.length} embeddings`);
      }
      const ordered = [...data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      return ordered.map((d) => {
        if (!Array.isArray(d.embedding) || d.embedding.some((x) => typeof x !== 'number')) {
          throw new EmbeddingError('malformed response: an embedding is not a list of numbers');
        }
        return Float32Array.from(d.embedding as number[]);
      });
    },
  };
}
