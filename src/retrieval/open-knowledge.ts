/**
 * Notes folder → ready-to-query knowledge: the corpus, its search index and, when an embeddings
 * model is configured, dense retrieval. The index is cached on disk, keyed by the notes' content
 * hash and the analysis format, so a restart on an unchanged folder loads it instead of
 * rebuilding; a (re)build runs in a worker thread. The cache is a convenience, never a
 * requirement: a cache folder that cannot be written (a read-only root file system, a file where
 * the folder should be) is said once and skipped, and a cache file of the wrong shape is rebuilt.
 */

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadNotes } from '../knowledge/load-notes.ts';
import type { Corpus } from '../knowledge/note-types.ts';
import { buildIndex, INDEX_FORMAT, type SerializedIndex } from './build-index.ts';
import { buildIndexInWorker } from './build-index-in-worker.ts';
import { DenseRetriever } from './dense-retriever.ts';
import type { EmbeddingModel } from './embedding-model.ts';
import { passageVectors } from './passage-vectors.ts';
import { SearchIndex } from './search-index.ts';

/** Loaded notes and their index, with how the index was obtained. */
export interface Knowledge {
  corpus: Corpus;
  index: SearchIndex;
  /** True when the index came from the on-disk cache. */
  fromCache: boolean;
  /** Time to build or load the index (ms). */
  indexMs: number;
  /** Dense retrieval over the same passages; null without an embeddings model (or when it failed). */
  dense: DenseRetriever | null;
}

/** Options for {@link openKnowledge}. */
export interface KnowledgeOptions {
  /** Embeds passages and questions for dense retrieval (OPENAI_EMBEDDING_MODEL). */
  embeddings?: EmbeddingModel;
  /** Longest wait for a question's embedding (ms; default QUERY_EMBED_TIMEOUT_MS). */
  queryTimeoutMs?: number;
  log?: Pick<Console, 'info' | 'warn'>;
}

/** Cache file path for a corpus version. */
export function indexCachePath(cacheDir: string, version: string): string {
  return join(cacheDir, `index-v${INDEX_FORMAT}-${version.slice(0, 32)}.json`);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `value` is not a usable serialized index for `passageCount` passages, or null when it is. */
export function indexCacheProblem(value: unknown, passageCount: number): string | null {
  if (!isRecord(value)) return 'not a JSON object';
  if (value.format !== INDEX_FORMAT) return `format ${String(value.format)}, expected ${INDEX_FORMAT}`;
  if (value.passageCount !== passageCount)
    return `${String(value.passageCount)} passages, expected ${passageCount}`;
  if (!isRecord(value.df) || !isRecord(value.words)) return 'missing term statistics';
  const lunr = value.lunr;
  if (
    !isRecord(lunr) ||
    !Array.isArray(lunr.fields) ||
    !Array.isArray(lunr.invertedIndex) ||
    !Array.isArray(lunr.fieldVectors)
  )
    return 'not a lunr index';
  return null;
}

/** `cacheDir` when it can be created (or exists), else null with one warning saying why. */
async function usableCacheDir(cacheDir: string, log: Pick<Console, 'warn'>): Promise<string | null> {
  try {
    await mkdir(cacheDir, { recursive: true });
    return cacheDir;
  } catch (err) {
    log.warn(
      `index cache disabled: cannot use ${cacheDir} (${(err as Error).message}); the index is built in memory`,
    );
    return null;
  }
}

async function readCachedIndex(
  path: string,
  corpus: Corpus,
  log: Pick<Console, 'warn'>,
): Promise<SearchIndex | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    const problem = indexCacheProblem(value, corpus.passages.length);
    if (problem) throw new Error(problem);
    return new SearchIndex(value as SerializedIndex, corpus.passages);
  } catch (err) {
    log.warn(`index cache ${path} is unusable (${(err as Error).message}); rebuilding it`);
    return null;
  }
}

async function buildSerialized(corpus: Corpus, log: Pick<Console, 'warn'>): Promise<SerializedIndex> {
  try {
    return await buildIndexInWorker(corpus.passages);
  } catch (err) {
    log.warn(`index worker failed (${(err as Error).message}); building the index on the main thread`);
    return buildIndex(corpus.passages);
  }
}

/**
 * Loads `notesDir` and its index (from `cacheDir` when possible).
 * @throws Error when the notes folder is missing or holds no readable note (message says which).
 */
export async function openKnowledge(
  notesDir: string,
  cacheDir: string,
  options: KnowledgeOptions = {},
): Promise<Knowledge> {
  const log = options.log ?? console;
  const corpus = await loadNotes(notesDir);
  if (corpus.passages.length === 0) {
    throw new Error(
      `No notes found in ${notesDir}: add Markdown, Zim, Org or text notes there, or set NOTES_DIR`,
    );
  }
  const started = performance.now();
  const dir = await usableCacheDir(cacheDir, log);
  const path = dir ? indexCachePath(dir, corpus.version) : null;
  let index = path ? await readCachedIndex(path, corpus, log) : null;
  const fromCache = index !== null;
  if (!index) {
    const data = await buildSerialized(corpus, log);
    index = new SearchIndex(data, corpus.passages);
    if (path) {
      try {
        const tmp = `${path}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(data));
        await rename(tmp, path);
      } catch (err) {
        log.warn(`index not cached (${(err as Error).message}); it will be built again next start`);
      }
    }
  }
  const indexMs = performance.now() - started;
  let dense: DenseRetriever | null = null;
  if (options.embeddings) {
    const vectors = await passageVectors(corpus.passages, corpus.version, options.embeddings, dir, log);
    if (vectors) dense = new DenseRetriever(options.embeddings, vectors, log, options.queryTimeoutMs);
  }
  return { corpus, index, fromCache, indexMs, dense };
}
