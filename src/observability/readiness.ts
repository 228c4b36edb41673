/**
 * Readiness (`GET /readyz`, issue 14, item 4), apart from liveness (`GET /healthz`, which only
 * says the process answers): ready when the database answers a trivial query within
 * {@link READINESS_TIMEOUT_MS} and the notes' index is loaded. A load balancer sends Slack's
 * requests only to ready processes; an unready one still acks (answers work without a database).
 */

/** Longest wait for the database's answer (ms), well under a probe's usual 1–5 s timeout. */
export const READINESS_TIMEOUT_MS = 1000;

/** The outcome of one readiness check: `ok` or why not. */
export interface ReadinessReport {
  ok: boolean;
  checks: { database: string; index: string };
}

/** What is checked. `database` rejects when the database does not answer. */
export interface ReadinessChecks {
  database: () => Promise<void>;
  indexPassages: () => number;
}

/** Runs the checks. Never throws. */
export async function checkReadiness(
  checks: ReadinessChecks,
  timeoutMs = READINESS_TIMEOUT_MS,
): Promise<ReadinessReport> {
  let timer: NodeJS.Timeout | undefined;
  const database = await Promise.race([
    checks.database().then(
      () => 'ok',
      (err: unknown) => `unavailable: ${(err as Error).message}`.slice(0, 200),
    ),
    new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  const passages = checks.indexPassages();
  const index = passages > 0 ? 'ok' : 'not loaded (no passages)';
  return { ok: database === 'ok' && index === 'ok', checks: { database, index } };
}
