/**
 * A temporary folder that lives as long as one test run: a vitest global set-up (vitest.config.ts
 * `globalSetup`) makes it, hands its path to the test files under a `provide` key (read with
 * `inject(key)`), and removes it when the run ends.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';

/**
 * A global set-up making a run folder named `prefix…` under the system temp folder, provided as
 * `key`; `fill`, when given, writes into it before any test file starts.
 */
export function runFolderSetup(
  key: keyof ProvidedContext,
  prefix: string,
  fill?: (dir: string) => Promise<void>,
): (project: TestProject) => Promise<() => Promise<void>> {
  return async (project) => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    await fill?.(dir);
    project.provide(key, dir);
    return () => rm(dir, { recursive: true, force: true });
  };
}
