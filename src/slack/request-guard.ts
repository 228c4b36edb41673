/**
 * Express middleware in front of Bolt's HTTP receiver, for requests that carry a valid Slack
 * signature but must not be handled (issue 9):
 * - a replay: the same signed request again (same `X-Slack-Signature`, which covers the timestamp
 *   and the body) within the window Bolt accepts it (item 8). Slack's own retries are signed
 *   anew; a request we already handled needs no second run. A request that failed with a 5xx is
 *   forgotten, so a retry of it is handled.
 * - a payload Bolt cannot route (item 10): an interaction without `user.id`, a slash command
 *   without `user_id`, `team_id` or `channel_id`. Bolt reads those before any listener and
 *   answers 500; here the request is acked with an empty 200 and a warning is logged.
 * Either way the reply is an empty 200, so Slack does not retry. Unsigned or badly signed
 * requests pass through untouched: Bolt rejects them (401). The body is read here once and handed
 * to Bolt as `req.rawBody`, which its receiver reads instead of the stream.
 * Limits: the replay memory is per process (several processes behind a load balancer each keep
 * their own) and holds at most {@link REPLAY_MEMORY_MAX} signatures.
 */

import type { Logger } from '@slack/bolt';
import { isValidSlackRequest } from '@slack/bolt';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { MAX_SKEW_SECONDS } from './verify-timestamp.ts';

/**
 * How long a signature is remembered (ms): Bolt accepts timestamps up to 5 minutes old, and
 * `verify-timestamp.ts` up to {@link MAX_SKEW_SECONDS} ahead.
 */
export const REPLAY_MEMORY_MS = 5 * 60_000 + MAX_SKEW_SECONDS * 1000;
/** Most signatures remembered at once; the oldest are forgotten first. */
export const REPLAY_MEMORY_MAX = 50_000;
/** Largest body read (bytes), Bolt's own default (`HTTPModuleFunctions.defaultBodyLimit`). */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** Interaction payload types whose routing needs the user (Bolt `buildSource`). */
const INTERACTIONS = new Set([
  'block_actions',
  'block_suggestion',
  'interactive_message',
  'message_action',
  'shortcut',
  'view_submission',
  'view_closed',
  'dialog_submission',
]);

const interaction = z
  .object({
    user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
    team: z.object({ id: z.string().min(1) }).nullish(),
  })
  .refine((p) => Boolean(p.team?.id ?? p.user.team_id), { message: 'no team id', path: ['team'] });

const slashCommand = z.object({
  user_id: z.string().min(1),
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
});

/** What is wrong with a signed body Bolt would fail on, or null when Bolt can route it. */
export function malformedSlackBody(contentType: string, body: string): string | null {
  if (contentType.includes('application/json')) return null; // Events API: Bolt validates it.
  const form = new URLSearchParams(body);
  const payload = form.get('payload');
  if (payload !== null) {
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return 'payload is not JSON';
    }
    const type = (json as { type?: unknown } | null)?.type;
    if (typeof type !== 'string') return 'payload has no type';
    if (!INTERACTIONS.has(type)) return null;
    const checked = interaction.safeParse(json);
    return checked.success ? null : `${type}: ${describe(checked.error)}`;
  }
  if (form.has('command')) {
    const checked = slashCommand.safeParse(Object.fromEntries(form));
    return checked.success ? null : `slash command: ${describe(checked.error)}`;
  }
  return null;
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Options of {@link guardSlackRequests}. `now` (ms) is injectable for tests. */
export interface RequestGuardOptions {
  signingSecret: string;
  logger: Pick<Logger, 'warn'>;
  now?: () => number;
}

/** The middleware chain (body reader, then the guard) for `router.use('/slack/events', …)`. */
export function guardSlackRequests(options: RequestGuardOptions): RequestHandler[] {
  const now = options.now ?? Date.now;
  const seen = new LRUCache<string, true>({ max: REPLAY_MEMORY_MAX, ttl: REPLAY_MEMORY_MS });
  const readBody = express.raw({ type: () => true, limit: BODY_LIMIT_BYTES });
  const guard = (req: Request, res: Response, next: NextFunction): void => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    (req as Request & { rawBody?: Buffer }).rawBody = raw;
    const signature = req.header('x-slack-signature') ?? '';
    const body = raw.toString('utf8');
    const signed = isValidSlackRequest({
      signingSecret: options.signingSecret,
      body,
      headers: {
        'x-slack-signature': signature,
        'x-slack-request-timestamp': Number(req.header('x-slack-request-timestamp')),
      },
      nowMilliseconds: now(),
    });
    if (!signed) {
      next();
      return;
    }
    if (seen.has(signature)) {
      options.logger.warn('a signed Slack request arrived again (replay); ignored', {
        timestamp: req.header('x-slack-request-timestamp'),
        retry: req.header('x-slack-retry-num'),
      });
      res.status(200).end();
      return;
    }
    seen.set(signature, true);
    res.on('finish', () => {
      if (res.statusCode >= 500) seen.delete(signature);
    });
    const problem = malformedSlackBody(req.header('content-type') ?? '', body);
    if (problem) {
      options.logger.warn('a signed Slack request Bolt cannot route was acked and ignored', { problem });
      res.status(200).end();
      return;
    }
    next();
  };
  return [readBody, guard];
}
