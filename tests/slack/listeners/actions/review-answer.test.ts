/** The `/saa review` button and Easy button listeners alone: Bolt's arguments faked, cards in memory. */

import { beforeAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../../../src/database-unavailable.ts';
import type { Question } from '../../../../src/quiz/question.ts';
import { reviewAnswer } from '../../../../src/slack/listeners/actions/review-answer.ts';
import { reviewEasy } from '../../../../src/slack/listeners/actions/review-easy.ts';
import { REVIEW_ACTION } from '../../../../src/slack/views/quiz-blocks.ts';
import { REVIEW_EASY_ACTION } from '../../../../src/slack/views/review-blocks.ts';
import { REVIEWS_UNAVAILABLE } from '../../../../src/user-messages.ts';
import { boltFakes, clickBody, listenerArgs } from '../../../helpers/bolt-fakes.ts';
import { loadRealSingleChoiceBank, memoryQuizContext } from '../../../helpers/quiz-harness.ts';

let bank: Question[];
let question: Question;
beforeAll(async () => {
  bank = await loadRealSingleChoiceBank();
  question = bank[0] as Question;
});

type Ctx = ReturnType<typeof memoryQuizContext>;

async function answer(ctx: Ctx, value: string) {
  const fakes = boltFakes();
  const handler = reviewAnswer(() => ctx);
  await handler(
    listenerArgs(handler, {
      ...fakes.args,
      body: clickBody(),
      action: { action_id: `${REVIEW_ACTION}:A`, value },
    }),
  );
  return fakes;
}

async function easy(ctx: Ctx, value: string) {
  const fakes = boltFakes();
  const handler = reviewEasy(() => ctx);
  await handler(
    listenerArgs(handler, {
      ...fakes.args,
      body: clickBody(),
      action: { action_id: REVIEW_EASY_ACTION, value },
    }),
  );
  return fakes;
}

describe('reviewAnswer', () => {
  it('moves the card and replaces the message with the feedback, when it comes back, and the next card', async () => {
    const ctx = memoryQuizContext(bank);
    const fakes = await answer(ctx, JSON.stringify({ id: question.id, c: question.correctKeys[0], r: 0 }));
    expect(fakes.acks).toEqual([undefined]);
    expect(fakes.responses).toHaveLength(1);
    expect(fakes.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(JSON.stringify(fakes.responses[0]?.blocks)).toContain('Back for review');
    expect((await ctx.cards.card('T1', 'U1', question.id))?.fsrs.reps).toBe(1);
  });

  it('with the database down says so beside the review, which stays', async () => {
    const ctx = memoryQuizContext(bank, {
      ready: () => Promise.reject(new DatabaseUnavailableError('down')),
    });
    const fakes = await answer(ctx, JSON.stringify({ id: question.id, c: question.correctKeys[0], r: 0 }));
    expect(fakes.responses).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: REVIEWS_UNAVAILABLE },
    ]);
    expect(fakes.logged('error')).toEqual([]);
  });
});

describe('reviewEasy', () => {
  it('re-rates a right answer as Easy once; a second click changes nothing', async () => {
    const ctx = memoryQuizContext(bank);
    await answer(ctx, JSON.stringify({ id: question.id, c: question.correctKeys[0], r: 0 }));
    const value = JSON.stringify({ id: question.id, r: 1 });
    const first = await easy(ctx, value);
    expect(first.acks).toEqual([undefined]);
    expect(first.responses).toEqual([
      expect.objectContaining({ response_type: 'ephemeral', replace_original: false }),
    ]);
    expect(String(first.responses[0]?.text)).toMatch(/^⭐ Rated Easy/);
    const second = await easy(ctx, value);
    expect(second.responses[0]?.text).toBe(
      'That answer can no longer be rated Easy (already rated, or the card moved since).',
    );
  });

  it('with the database down says reviews are unavailable', async () => {
    const ctx = memoryQuizContext(bank, {
      ready: () => Promise.reject(new DatabaseUnavailableError('down')),
    });
    const fakes = await easy(ctx, JSON.stringify({ id: question.id, r: 1 }));
    expect(fakes.responses[0]?.text).toBe(REVIEWS_UNAVAILABLE);
    expect(fakes.logged('error')).toEqual([]);
  });
});
