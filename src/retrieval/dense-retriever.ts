/**
 * Dense retrieval at question time: embeds the question with the team's embeddings endpoint and
 * ranks passages by cosine similarity (see {@link VectorIndex}), for fusion with lunr's ranking
 * (reciprocal rank fusion, in `search-index.ts`). The endpoint is optional help, never a
 * dependency: a failure or a reply slower than {@link QUERY_EMBED_TIMEOUT_MS} gives null (lunr
 * alone), logged once until it works again.
 */

import type { EmbeddingModel } from './embedding-model.ts';
import type { VectorIndex } from './vector-index.ts';

/** Longest wait for a question's embedding (ms): an answer should not wait on a slow endpoint. */
export const QUERY_EMBED_TIMEOUT_MS = 1500;
/** Passages taken from the vector ranking for fusion. */
export const DENSE_DEPTH = 60;

/** Question → dense ranking of passage ids, or null (lunr alone). */
export class DenseRetriever {
  #failing = false;

  constructor(
    private readonly model: EmbeddingModel,
    private readonly vectors: VectorIndex,
    private readonly log: Pick<Console, 'warn' | 'info'> = console,
    private readonly timeoutMs: number = QUERY_EMBED_TIMEOUT_MS,
  ) {}

  /** Passage ids nearest to `question`, best first; null when the endpoint fails or is slow. Never throws. */
  async rank(question: string): Promise<number[] | null> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`no embedding within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    try {
      const [vector] = await Promise.race([
        this.model.embed([question.slice(0, 2000)], { timeoutMs: this.timeoutMs, signal: controller.signal }),
        deadline,
      ]);
      if (this.#failing)
        this.log.info(`dense retrieval: the embeddings endpoint answers again (${this.model.model})`);
      this.#failing = false;
      return vector ? this.vectors.nearest(vector, DENSE_DEPTH) : null;
    } catch (err) {
      if (!this.#failing) {
        this.log.warn(
          `dense retrieval unavailable, answering with lunr alone: ${(err as { reason?: string }).reason ?? (err as Error).message} (model ${this.model.model})`,
        );
      }
      this.#failing = true;
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
