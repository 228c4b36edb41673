/**
 * Every deadline of the bot in one place (house rule: every outbound call has a deadline; a tick
 * or a request that waits forever is a bug; issue 9). Times in ms. Two of them can be changed
 * through configuration (config.ts): DATABASE_QUERY_TIMEOUT_MS and SLACK_API_TIMEOUT_MS; the rest
 * follow from Slack's and Postgres' own limits, each cited where it is defined.
 */

// ── Requests from Slack (HTTP mode) ──────────────────────────────────────────────────────────

/**
 * A request must have sent its headers within this long. Slack sends a request in one go and
 * gives up on our ack after 3 s (https://api.slack.com/interactivity/handling#acknowledgment_response),
 * so a peer still sending after 5 s is stalled or hostile (Node's own default is 60 s).
 */
export const HTTP_HEADERS_TIMEOUT_MS = 5_000;
/** The whole request, headers and body, must have arrived within this long (Node's default: 300 s). */
export const HTTP_REQUEST_TIMEOUT_MS = 5_000;
/** How often Node checks the two above (its default, 30 s, would let a stalled request live that long). */
export const HTTP_TIMEOUT_CHECK_INTERVAL_MS = 1_000;

// ── Slack Web API and response_url (us → Slack) ──────────────────────────────────────────────

/** Default of SLACK_API_TIMEOUT_MS: one Web API call, or one response_url post, gives up after this. */
export const SLACK_API_TIMEOUT_MS = 10_000;
/** Largest SLACK_API_TIMEOUT_MS config.ts accepts (keeps a post inside {@link STALE_CLAIM_MS}). */
export const MAX_SLACK_API_TIMEOUT_MS = 30_000;
/**
 * Retries of a failed Web API call (timeouts, network errors, 5xx), after 1 s then 2 s (±100 %
 * random). Not for the daily question's `chat.postMessage`: a retry of a post Slack did accept
 * would post twice, so that call is made once and a failure is retried through the claim
 * takeover, which first looks for the earlier message (see daily-quiz/post-daily-quiz.ts).
 * Rate-limited calls (429) are not retried: a `Retry-After` can exceed any budget.
 */
export const SLACK_API_RETRY = {
  retries: 2,
  factor: 2,
  minTimeout: 1_000,
  maxTimeout: 2_000,
  randomize: true,
};

/** Longest a Web API call with {@link SLACK_API_RETRY} can take (ms), for a per-attempt `timeoutMs`. */
export function slackCallBudgetMs(timeoutMs: number): number {
  const { retries, factor, minTimeout, maxTimeout } = SLACK_API_RETRY;
  let waits = 0;
  // p-retry (via `retry`'s createTimeout): wait i = min(maxTimeout, r · minTimeout · factor^i), r < 2 when randomized.
  for (let i = 0; i < retries; i++) waits += Math.min(maxTimeout, 2 * minTimeout * factor ** i);
  return (retries + 1) * timeoutMs + waits;
}

// ── Database (Postgres at DATABASE_URL) ──────────────────────────────────────────────────────

/** Opening a connection, or waiting for a free one in the pool, gives up after this long. */
export const DATABASE_CONNECT_TIMEOUT_MS = 2_000;
/**
 * Default of DATABASE_QUERY_TIMEOUT_MS: the server cancels a statement after this long
 * (`statement_timeout`), and we stop waiting for an answer {@link DATABASE_READ_GRACE_MS} later
 * (pg `query_timeout`), which also catches a server that went silent.
 */
export const DATABASE_QUERY_TIMEOUT_MS = 5_000;
/** Largest DATABASE_QUERY_TIMEOUT_MS config.ts accepts (keeps a post inside {@link STALE_CLAIM_MS}). */
export const MAX_DATABASE_QUERY_TIMEOUT_MS = 30_000;
/** Extra wait after `statement_timeout` for the server's own cancellation to arrive. */
export const DATABASE_READ_GRACE_MS = 1_000;
/**
 * Statements of `Database.session` (migrations, which may wait for another process's migration
 * lock) get this long instead: a slow migration must not be cut at 5 s, and a dead server is
 * still noticed within a minute.
 */
export const DATABASE_SESSION_TIMEOUT_MS = 60_000;
/** TCP keepalive on idle pooled connections starts after this long (the OS default is 2 h). */
export const DATABASE_KEEPALIVE_MS = 10_000;
/** The server ends a session left idle inside a transaction this long (a client that vanished mid-transaction). */
export const DATABASE_IDLE_IN_TRANSACTION_MS = 60_000;

// ── The daily quiz ───────────────────────────────────────────────────────────────────────────

/**
 * An unposted claim older than this is taken over. It must exceed the longest a live poster can
 * hold its claim ({@link claimHoldWorstCaseMs}), so a live poster is never overtaken; checked
 * at the largest configurable timeouts in tests/timeouts.test.ts.
 */
export const STALE_CLAIM_MS = 5 * 60_000;
/**
 * After Slack accepted the daily post, storing its ts is retried after these waits while the
 * database is unavailable (15.5 s of waiting, 6 attempts); past them the post stays a claim, and
 * whoever takes it over finds the message in the channel instead of posting again.
 */
export const STORE_TS_RETRY_DELAYS_MS: readonly number[] = [500, 1_000, 2_000, 4_000, 8_000];

/**
 * Longest time from claiming a channel's day to giving up on it (ms): reading the question's
 * row (one query), the one `chat.postMessage` attempt, then storing the ts with every retry.
 */
export function claimHoldWorstCaseMs(databaseQueryTimeoutMs: number, slackApiTimeoutMs: number): number {
  const query = databaseQueryTimeoutMs + DATABASE_READ_GRACE_MS;
  const storeAttempts = STORE_TS_RETRY_DELAYS_MS.length + 1;
  const waits = STORE_TS_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
  return query + slackApiTimeoutMs + storeAttempts * query + waits;
}
/**
 * At most this many channels are being posted at once by one process: enough that one slow
 * channel does not hold up the rest, few enough for Slack's limits (chat.postMessage: about one
 * message per second per channel, bursts allowed; https://api.slack.com/methods/chat.postMessage#rate_limiting).
 */
export const QUIZ_POST_CONCURRENCY = 4;

// ── Review reminders (DMs) ───────────────────────────────────────────────────────────────────

/**
 * Reminders are paced per workspace (team_id), because Slack's limits are per workspace:
 * chat.postMessage allows about 1 message per second per channel (each DM is its own channel and
 * gets one reminder a day, so that limit never binds) and "several hundred messages per minute"
 * across a workspace, bursts allowed (https://api.slack.com/methods/chat.postMessage#rate_limiting).
 * Our budget: at most {@link REMINDER_WORKSPACE_PER_MINUTE} DMs a minute per workspace, one
 * every {@link REMINDER_WORKSPACE_INTERVAL_MS}; different workspaces go in parallel.
 */
export const REMINDER_WORKSPACE_PER_MINUTE = 300;
/**
 * A workspace's DMs start at least this far apart: 210 ms, i.e. about 286 a minute, 5 % under
 * {@link REMINDER_WORKSPACE_PER_MINUTE} so network jitter between our send and Slack's count
 * cannot push a 60-second window over it. 250 people of one workspace take 52.3 s.
 */
export const REMINDER_WORKSPACE_INTERVAL_MS = 210;
/**
 * At most this many of a workspace's reminders are between their claim and Slack's answer at
 * once (a slow call does not hold up the others; few claims are held if the process dies).
 */
export const REMINDER_WORKSPACE_CONCURRENCY = 4;
/**
 * A workspace's conversations.open calls (a person's first reminder; the DM channel is stored
 * afterwards) start at least this far apart: 50 a minute, Slack's Tier 3 floor ("50+ per minute",
 * per workspace; https://api.slack.com/methods/conversations.open,
 * https://api.slack.com/apis/rate-limits). So a workspace whose 250 people are all reminded for
 * the first time takes 5 minutes that day; from the next day on their channels are stored.
 */
export const REMINDER_OPEN_INTERVAL_MS = 1_200;
/**
 * Database queries and Slack calls of one sweep in flight at once, over all workspaces (waiting
 * for a workspace's pace does not count): keeps one process from flooding its database pool
 * (node-postgres' default pool is 10) and its sockets when many workspaces are due together.
 */
export const REMINDER_GLOBAL_CONCURRENCY = 16;
