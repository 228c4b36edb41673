/** respondSafely(): a response_url post that never throws, and a failure that is always logged. */

import type { RespondFn } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { respondSafely } from '../../src/slack/respond-safely.ts';
import { boltFakes } from '../helpers/bolt-fakes.ts';

const message = { response_type: 'ephemeral' as const, text: 'hello' };

describe('respondSafely', () => {
  it('posts the message and resolves true', async () => {
    const fakes = boltFakes();
    const sent = await respondSafely(fakes.args.respond as unknown as RespondFn, message, {
      logger: fakes.args.logger,
      what: 'reply failed',
    });
    expect(sent).toBe(true);
    expect(fakes.responses).toEqual([message]);
    expect(fakes.logs).toEqual([]);
  });

  it.each([
    ['an error by default', undefined, 'error'],
    ['a warning when asked', 'warn' as const, 'warn'],
  ])(
    'a failed post resolves false and is logged as %s, with the context and the error',
    async (_n, level, logged) => {
      const fakes = boltFakes({ fail: ['respond'] });
      const sent = await respondSafely(fakes.args.respond as unknown as RespondFn, message, {
        logger: fakes.args.logger,
        what: 'reply failed',
        context: { user: 'U1' },
        level,
      });
      expect(sent).toBe(false);
      expect(fakes.logs).toEqual([
        { level: logged, args: ['reply failed', { user: 'U1', err: expect.any(Error) }] },
      ]);
    },
  );
});
