/**
 * What the data-lifecycle use cases need: the repository, a clock, readiness of the database and
 * the grace period after an uninstall (DATA_RETENTION_DAYS).
 */

import type { DataLifecycleRepository } from './ports.ts';

/** The data-lifecycle context, built once by the adapters. */
export interface LifecycleContext {
  repo: DataLifecycleRepository;
  clock: () => Date;
  /** Resolves once the database is migrated; rejects with DatabaseUnavailableError while it is down. */
  ready: () => Promise<void>;
  /** How long (ms) a workspace's data is kept after it uninstalled the app: a reinstall within it keeps history. */
  graceMs: number;
  log: Pick<Console, 'info' | 'warn' | 'error'>;
}
