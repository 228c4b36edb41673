/** The practice button listener alone: Bolt's arguments faked, the quiz on in-memory repositories. */

import { beforeAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../../../src/database-unavailable.ts';
import type { Question } from '../../../../src/quiz/question.ts';
import { practiceAnswer } from '../../../../src/slack/listeners/actions/practice-answer.ts';
import { PRACTICE_ACTION } from '../../../../src/slack/views/quiz-blocks.ts';
import { SCORES_UNAVAILABLE } from '../../../../src/user-messages.ts';
import { boltFakes, clickBody, listenerArgs } from '../../../helpers/bolt-fakes.ts';
import { loadRealSingleChoiceBank, memoryQuizContext } from '../../../helpers/quiz-harness.ts';

let bank: Question[];
let question: Question;
beforeAll(async () => {
  bank = await loadRealSingleChoiceBank();
  question = bank[0] as Question;
});

async function click(ctx: ReturnType<typeof memoryQuizContext>, value: string) {
  const fakes = boltFakes();
  const handler = practiceAnswer(() => ctx);
  await handler(
    listenerArgs(handler, {
      ...fakes.args,
      body: clickBody(),
      action: { action_id: `${PRACTICE_ACTION}:A`, value },
    }),
  );
  return fakes;
}

describe('practiceAnswer', () => {
  it('grades, records for the stats and replaces the question with the feedback', async () => {
    const ctx = memoryQuizContext(bank);
    const fakes = await click(ctx, JSON.stringify({ id: question.id, c: question.correctKeys[0] }));
    expect(fakes.acks).toEqual([undefined]);
    expect(fakes.responses).toHaveLength(1);
    expect(fakes.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(String(fakes.responses[0]?.text)).toMatch(/^✅[\s\S]*Practice: recorded for your stats/);
    expect(JSON.stringify(fakes.responses[0]?.blocks)).toContain(question.id);
    expect(await ctx.responses.recentPracticeIds('T1', 'U1', 5)).toEqual([question.id]);
  });

  it('a question no longer in the bank is named so', async () => {
    const fakes = await click(memoryQuizContext(bank), '{"id":"gone","c":"A"}');
    expect(fakes.responses).toEqual([
      expect.objectContaining({ text: 'That question is no longer in the bank: `/saa quiz` for another.' }),
    ]);
  });

  it('with the database down the clicker is told nothing was recorded; nothing logged as an error', async () => {
    const ctx = memoryQuizContext(bank, {
      ready: () => Promise.reject(new DatabaseUnavailableError('down')),
    });
    const fakes = await click(ctx, JSON.stringify({ id: question.id, c: question.correctKeys[0] }));
    expect(fakes.responses).toEqual([expect.objectContaining({ text: SCORES_UNAVAILABLE })]);
    expect(fakes.logged('error')).toEqual([]);
  });
});
