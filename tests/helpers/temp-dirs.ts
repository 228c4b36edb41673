/**
 * Temporary folders for one test file (fixture notes, a data folder), removed after the file's
 * last test, so that a run leaves nothing behind in the system's temporary folder.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Registers the file's clean-up and returns a maker: `tempDir('saa-test-x-')` creates a new folder
 * under the system's temporary folder and returns its path. Call at the top level of a test file.
 */
export function useTempDirs(): (prefix: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
