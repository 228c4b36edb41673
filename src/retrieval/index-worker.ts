/**
 * Worker-thread entry: builds the search index off the main thread, so a large notes folder never
 * stalls the bot's event loop (Slack wants an ack within 3 s). In: `workerData` = passages.
 * Out: one message, the serialized index as a JSON string (strings cross threads cheaply).
 */

import { parentPort, workerData } from 'node:worker_threads';
import type { Passage } from '../knowledge/note-types.ts';
import { buildIndex } from './build-index.ts';

parentPort?.postMessage(JSON.stringify(buildIndex(workerData as Passage[])));
