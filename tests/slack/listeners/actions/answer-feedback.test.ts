/** The 👍/👎 listener alone: Bolt's arguments and Web API client faked, feedback in memory. */

import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../../../src/database-unavailable.ts';
import { answerFeedback } from '../../../../src/slack/listeners/actions/answer-feedback.ts';
import { FEEDBACK_ACTION } from '../../../../src/slack/views/feedback-blocks.ts';
import { boltFakes, clickBody, listenerArgs } from '../../../helpers/bolt-fakes.ts';
import { memoryQuizContext } from '../../../helpers/quiz-harness.ts';

const rated = (r: 'up' | 'down') =>
  JSON.stringify({
    q: 'what is dax',
    t: 'DAX caches DynamoDB',
    s: [{ file: 'd.md', heading: 'DAX', line: 1 }],
    r,
  });

async function click(ctx: ReturnType<typeof memoryQuizContext>, value: string, fail: string[] = []) {
  const fakes = boltFakes({ fail });
  const handler = answerFeedback(() => ctx);
  await handler(
    listenerArgs(handler, {
      ...fakes.args,
      body: clickBody(),
      action: { action_id: FEEDBACK_ACTION, value },
    }),
  );
  return fakes;
}

describe('answerFeedback', () => {
  it('a 👍 is stored with the question, answer and sources; no form opens', async () => {
    const ctx = memoryQuizContext([]);
    const fakes = await click(ctx, rated('up'));
    expect(fakes.acks).toEqual([undefined]);
    expect(fakes.calls).toEqual([]);
    expect(await ctx.feedback.list()).toEqual([
      expect.objectContaining({ teamId: 'T1', userId: 'U1', rating: 'up', question: 'what is dax' }),
    ]);
  });

  it('a 👎 opens the reason form on the click’s trigger', async () => {
    const ctx = memoryQuizContext([]);
    const fakes = await click(ctx, rated('down'));
    expect(fakes.calls.map((c) => [c.method, c.args.trigger_id])).toEqual([['views.open', 'trigger-U1']]);
    expect((await ctx.feedback.list())[0]?.rating).toBe('down');
  });

  it('a form that does not open is a warning; the rating is still stored', async () => {
    const ctx = memoryQuizContext([]);
    const fakes = await click(ctx, rated('down'), ['views.open']);
    expect(fakes.logged('warn')).toEqual(['feedback form did not open']);
    expect(await ctx.feedback.list()).toHaveLength(1);
  });

  it('with the database down the person is told it was not saved', async () => {
    const ctx = memoryQuizContext([], { ready: () => Promise.reject(new DatabaseUnavailableError('down')) });
    const fakes = await click(ctx, rated('up'));
    expect(fakes.responses).toEqual([
      {
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Your feedback could not be saved right now: try again in a minute.',
      },
    ]);
    expect(fakes.logged('error')).toEqual([]);
  });
});
