/**
 * Follow-ups in a thread: a message that leans on the thread's earlier question is searched with
 * it; one that stands alone, or the first of a thread, is searched as it is.
 */

import { describe, expect, it } from 'vitest';
import { isFollowUp, resolveFollowUp } from '../../src/conversation/follow-up.ts';

const PREVIOUS = { question: 'What is AWS Lambda?', answer: 'Serverless functions.' };

describe('follow-ups', () => {
  it.each([
    'and its limits?',
    'what about the other one?',
    'how about pricing',
    'limits?',
    'does it scale to zero',
  ])('%j leans on the thread', (text) => {
    expect(isFollowUp(text)).toBe(true);
    expect(resolveFollowUp(text, PREVIOUS)).toEqual({ search: `What is AWS Lambda ${text}`, followUp: true });
  });

  it.each(['how long can a step functions workflow run', 'dynamodb rcu vs wcu explained'])(
    '%j stands alone',
    (text) => {
      expect(isFollowUp(text)).toBe(false);
      expect(resolveFollowUp(text, PREVIOUS)).toEqual({ search: text, followUp: false });
    },
  );

  it('starts fresh without an earlier question', () => {
    expect(resolveFollowUp('and its limits?', undefined)).toEqual({
      search: 'and its limits?',
      followUp: false,
    });
  });
});
