/**
 * Passage vectors for dense retrieval, built once per notes version and model: passages are
 * embedded in batches of {@link EMBED_BATCH} (progress logged), then cached beside the lunr index
 * as raw float32 rows plus a JSON header (`model`, `dims`, `count`), keyed by the notes' content
 * hash and the model name. A cache file of the wrong shape is rebuilt. An endpoint that fails
 * while embedding leaves the bot on lunr alone (null), said once in the log.
 */

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatHeadingPath } from '../knowledge/heading-path.ts';
import type { Passage } from '../knowledge/note-types.ts';
import type { EmbeddingModel } from './embedding-model.ts';
import { VectorIndex } from './vector-index.ts';

/** Passages sent per embeddings request. */
export const EMBED_BATCH = 64;
/** Longest wait for one batch (ms): a local model on a CPU is slow, but not this slow. */
export const EMBED_BATCH_TIMEOUT_MS = 60_000;

/** What a passage is embedded as: its headings, then its text. */
export function embeddingText(p: Passage): string {
  return `${formatHeadingPath([...p.topic, ...p.headingPath])}\n${p.text}`;
}

function cachePaths(cacheDir: string, version: string, model: string): { data: string; meta: string } {
  const key = `vectors-v1-${createHash('sha256').update(model).digest('hex').slice(0, 12)}-${version.slice(0, 32)}`;
  return { data: join(cacheDir, `${key}.f32`), meta: join(cacheDir, `${key}.json`) };
}

async function readCache(
  paths: { data: string; meta: string },
  model: string,
  count: number,
): Promise<VectorIndex | null> {
  try {
    const meta = JSON.parse(await readFile(paths.meta, 'utf8')) as {
      model?: unknown;
      dims?: unknown;
      count?: unknown;
    };
    if (meta.model !== model || meta.count !== count || typeof meta.dims !== 'number' || meta.dims <= 0)
      return null;
    const bytes = await readFile(paths.data);
    if (bytes.byteLength !== meta.dims * count * 4) return null;
    const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return new VectorIndex(data, meta.dims, count);
  } catch {
    return null;
  }
}

/**
 * The vectors of `passages` for `model`: from the cache in `cacheDir` (null: no cache), or
 * embedded now. Resolves null when the endpoint fails (the reason is logged). Never throws.
 */
export async function passageVectors(
  passages: readonly Passage[],
  version: string,
  model: EmbeddingModel,
  cacheDir: string | null,
  log: Pick<Console, 'info' | 'warn'>,
): Promise<VectorIndex | null> {
  const paths = cacheDir ? cachePaths(cacheDir, version, model.model) : null;
  const cached = paths ? await readCache(paths, model.model, passages.length) : null;
  if (cached) return cached;
  const vectors: Float32Array[] = [];
  try {
    for (let i = 0; i < passages.length; i += EMBED_BATCH) {
      const batch = passages.slice(i, i + EMBED_BATCH).map(embeddingText);
      vectors.push(...(await model.embed(batch, { timeoutMs: EMBED_BATCH_TIMEOUT_MS })));
      log.info(`embedding passages with ${model.model}: ${vectors.length}/${passages.length}`);
    }
  } catch (err) {
    log.warn(
      `dense retrieval off, answering with lunr alone: embedding the notes failed: ${(err as { reason?: string }).reason ?? (err as Error).message} (model ${model.model})`,
    );
    return null;
  }
  let index: VectorIndex;
  try {
    index = VectorIndex.fromVectors(vectors);
  } catch (err) {
    log.warn(`dense retrieval off: ${(err as Error).message} (model ${model.model})`);
    return null;
  }
  if (paths && cacheDir) {
    try {
      await mkdir(cacheDir, { recursive: true });
      await writeFile(`${paths.data}.${process.pid}.tmp`, new Uint8Array(index.data.buffer));
      await rename(`${paths.data}.${process.pid}.tmp`, paths.data);
      await writeFile(
        paths.meta,
        JSON.stringify({ model: model.model, dims: index.dims, count: index.count }),
      );
    } catch (err) {
      log.warn(
        `passage vectors not cached (${(err as Error).message}); they will be embedded again next start`,
      );
    }
  }
  return index;
}
