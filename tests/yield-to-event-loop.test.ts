/** yieldToEventLoop(): I/O callbacks already due run before it resolves; promise jobs do not wait for it. */

import { describe, expect, it } from 'vitest';
import { yieldToEventLoop } from '../src/yield-to-event-loop.ts';

describe('yieldToEventLoop', () => {
  it('resolves after an immediate queued before it, and after pending promise jobs', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('queued immediate'));
    void Promise.resolve().then(() => order.push('promise job'));
    await yieldToEventLoop();
    order.push('after yield');
    expect(order).toEqual(['promise job', 'queued immediate', 'after yield']);
  });
});
