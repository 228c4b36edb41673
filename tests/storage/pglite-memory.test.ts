/**
 * The bot's memory with the embedded database (issue 9, item 13): the real bot process
 * (`node --import tsx src/main.ts`, HTTP mode, a Slack stand-in process) started on an empty
 * DATA_DIR, as a new install starts. Before, PGlite's initdb left ~650 MB in the process (about
 * 970 MB resident); now initdb runs in a child process and `shared_buffers` is 8 MB. The bound
 * here is read 5 s after start, before V8 shrinks its idle heap (the idle figures, lower, are in
 * `npm run bench -- memory` and the README); it catches the initdb memory coming back.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureStart, SETTLE_MS } from '../../bench/memory-bench.ts';
import { PGLITE_SHARED_BUFFERS } from '../../src/storage/pglite-database.ts';
import { startSlackStandIn } from '../helpers/slack-stand-in.ts';

/** Resident memory allowed 5 s after a first start (MB); it was ~970. */
const MAX_SETTLED_RSS_MB = 400;

describe('memory of the bot on embedded PGlite', () => {
  it(`a first start (initdb) settles under ${MAX_SETTLED_RSS_MB} MB resident`, async () => {
    const standIn = await startSlackStandIn();
    const dataDir = await mkdtemp(join(tmpdir(), 'saa-memory-test-'));
    try {
      const row = await measureStart(
        'PGlite, first start',
        {
          SLACK_BOT_TOKEN: 'xoxb-test',
          SLACK_SIGNING_SECRET: 'memory-test-secret',
          SLACK_API_URL: standIn.apiUrl,
          PORT: '0',
          LOG_LEVEL: 'error',
          DATA_DIR: dataDir,
        },
        SETTLE_MS,
      );
      expect(row.settledRssMB).toBeLessThan(MAX_SETTLED_RSS_MB);
      if (row.peakRssMB !== null) expect(row.peakRssMB).toBeLessThan(MAX_SETTLED_RSS_MB + 100);
    } finally {
      await standIn.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('shared_buffers is small: the bot keeps a few pages, not 128 MB', () => {
    expect(PGLITE_SHARED_BUFFERS).toBe('8MB');
  });
});
