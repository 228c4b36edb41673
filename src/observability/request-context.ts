/**
 * The request id of the work in progress (issue 14, item 4: "structured JSON logs with a request
 * id"): set by the HTTP receiver for each incoming Slack request (from an `x-request-id` header
 * when a proxy set one, else a random UUID) and carried through every await of its handling by
 * Node's AsyncLocalStorage, so any log line written meanwhile names its request.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** Longest request id kept from a header (chars); longer ones are replaced by a new id. */
export const MAX_REQUEST_ID_CHARS = 128;

/** Runs `fn` with `requestId` (or a new UUID when it is missing or unusable) as the current request id. */
export function withRequestId<T>(requestId: string | undefined, fn: () => T): T {
  const id =
    requestId && requestId.length <= MAX_REQUEST_ID_CHARS && /^[\w.:-]+$/.test(requestId)
      ? requestId
      : randomUUID();
  return storage.run({ requestId: id }, fn);
}

/** The current request id, or undefined outside a request (the scheduler, start-up). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
