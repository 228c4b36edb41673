/** The daily-quiz button listener alone: Bolt's arguments faked, the quiz on in-memory repositories. */

import { beforeAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../../../src/database-unavailable.ts';
import type { Question } from '../../../../src/quiz/question.ts';
import { quizAnswer } from '../../../../src/slack/listeners/actions/quiz-answer.ts';
import { DAILY_ACTION } from '../../../../src/slack/views/quiz-blocks.ts';
import { SCORES_UNAVAILABLE } from '../../../../src/user-messages.ts';
import { boltFakes, clickBody, listenerArgs } from '../../../helpers/bolt-fakes.ts';
import { loadRealSingleChoiceBank, memoryQuizContext } from '../../../helpers/quiz-harness.ts';
import { postedQuiz } from '../../../helpers/quiz-stores.ts';

let bank: Question[];
beforeAll(async () => {
  bank = await loadRealSingleChoiceBank();
});

async function click(ctx: ReturnType<typeof memoryQuizContext>, value: string, fail: string[] = []) {
  const fakes = boltFakes({ fail });
  const handler = quizAnswer(() => ctx);
  await handler(
    listenerArgs(handler, {
      ...fakes.args,
      body: clickBody(),
      action: { action_id: `${DAILY_ACTION}:A`, value },
    }),
  );
  return fakes;
}

describe('quizAnswer', () => {
  it('acks, records the first answer and tells only the clicker, with a report button', async () => {
    const ctx = memoryQuizContext(bank);
    const question = bank[0] as Question;
    const q = await postedQuiz(ctx.posts, 'T1', { postedAt: ctx.clock(), questionId: question.id });
    const fakes = await click(ctx, JSON.stringify({ q, c: question.correctKeys[0] }));
    expect(fakes.acks).toEqual([undefined]);
    expect(fakes.responses).toHaveLength(1);
    expect(fakes.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(fakes.responses[0]?.text)).toMatch(/^✅/);
    expect(JSON.stringify(fakes.responses[0]?.blocks)).toContain(question.id);
    expect((await ctx.responses.quizStats(q)).answered).toBe(1);
  });

  it('a value our buttons never carry names no quiz', async () => {
    const fakes = await click(memoryQuizContext(bank), '{"q":"7","c":"A"}');
    expect(fakes.responses).toEqual([
      expect.objectContaining({ text: 'I can’t find that quiz any more.', blocks: undefined }),
    ]);
  });

  it('with the database down the clicker is told nothing was recorded; nothing logged as an error', async () => {
    const ctx = memoryQuizContext(bank, {
      ready: () => Promise.reject(new DatabaseUnavailableError('down')),
    });
    const fakes = await click(ctx, JSON.stringify({ q: 1, c: 'A' }));
    expect(fakes.responses).toEqual([expect.objectContaining({ text: SCORES_UNAVAILABLE })]);
    expect(fakes.logged('error')).toEqual([]);
  });

  it('a response_url that fails is logged', async () => {
    const fakes = await click(memoryQuizContext(bank), '{"q":1,"c":"A"}', ['respond']);
    expect(fakes.logged('error')).toEqual(['quiz feedback failed']);
  });
});
