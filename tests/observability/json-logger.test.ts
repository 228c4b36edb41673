/**
 * JSON log lines: one object per line with time, level, message and fields; an error as its
 * name, message and stack; the request id inside a request and none outside; lines below the
 * level dropped.
 */

import { describe, expect, it } from 'vitest';
import { JsonLogger } from '../../src/observability/json-logger.ts';
import { withRequestId } from '../../src/observability/request-context.ts';

describe('JsonLogger', () => {
  it('writes one JSON object per line, with the request id inside a request', async () => {
    const lines: string[] = [];
    const log = new JsonLogger('info', (l) => lines.push(l));
    log.debug('dropped');
    log.info('started', { port: 3000 });
    await withRequestId('req-1', async () => {
      await new Promise((r) => setTimeout(r, 1));
      log.error('post failed', { channel: 'C1', err: new TypeError('boom') });
    });
    withRequestId('not a valid id!', () => log.warn('odd header'));
    const [started, failed, odd] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(started).toMatchObject({ level: 'info', msg: 'started', port: 3000 });
    expect(started).not.toHaveProperty('request_id');
    expect(failed).toMatchObject({ level: 'error', msg: 'post failed', request_id: 'req-1', channel: 'C1' });
    expect(failed?.err).toMatchObject({ name: 'TypeError', message: 'boom' });
    expect(String(odd?.request_id)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
