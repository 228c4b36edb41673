/**
 * Runs `buildIndex` in a worker thread and resolves with its serialized form. The worker starts
 * from `index-worker.mjs`, which registers tsx and then loads the TypeScript body.
 */

import { Worker } from 'node:worker_threads';
import type { Passage } from '../knowledge/note-types.ts';
import type { SerializedIndex } from './build-index.ts';

/**
 * Builds the index for `passages` in a worker thread.
 * @throws Error when the worker fails (the message says why); the caller may build in-process.
 */
export function buildIndexInWorker(passages: readonly Passage[]): Promise<SerializedIndex> {
  const url = new URL('./index-worker.mjs', import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: passages, execArgv: [] });
    worker.once('message', (json: string) => {
      resolve(JSON.parse(json) as SerializedIndex);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`index worker exited with code ${code}`));
    });
  });
}
