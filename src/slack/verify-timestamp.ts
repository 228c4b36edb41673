/**
 * Express middleware in front of Bolt's receiver: rejects requests whose
 * `X-Slack-Request-Timestamp` is more than 5 minutes in the future (Bolt only rejects old ones)
 * or missing, with 401. Slack signs the timestamp, so a replayed request cannot move it; a clock
 * far ahead means a forged or broken sender. Rule: https://api.slack.com/authentication/verifying-requests-from-slack
 */

import type { NextFunction, Request, Response } from 'express';

/** Largest allowed clock difference (s), the same window Slack documents for staleness. */
export const MAX_SKEW_SECONDS = 5 * 60;

/** Builds the middleware; `now` (ms) is injectable for tests. */
export function rejectFutureTimestamps(now: () => number = Date.now) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.header('x-slack-request-timestamp');
    const ts = Number(header);
    if (!header || !Number.isFinite(ts) || ts > now() / 1000 + MAX_SKEW_SECONDS) {
      res.status(401).send('invalid request timestamp');
      return;
    }
    next();
  };
}
