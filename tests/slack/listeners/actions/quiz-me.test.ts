/** The "Quiz me on this" listener alone: Bolt's arguments faked, the quiz on in-memory repositories. */

import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../../../src/quiz/question.ts';
import { quizMe } from '../../../../src/slack/listeners/actions/quiz-me.ts';
import { QUIZ_ME_ACTION } from '../../../../src/slack/views/answer-blocks.ts';
import { boltFakes, clickBody, listenerArgs } from '../../../helpers/bolt-fakes.ts';
import { loadRealBank, memoryQuizContext } from '../../../helpers/quiz-harness.ts';

let bank: Question[];
beforeAll(async () => {
  bank = await loadRealBank();
});

async function click(quiz: () => ReturnType<typeof memoryQuizContext>, value: string) {
  const fakes = boltFakes();
  const handler = quizMe(quiz);
  await handler(
    listenerArgs(handler, { ...fakes.args, body: clickBody(), action: { action_id: QUIZ_ME_ACTION, value } }),
  );
  return fakes;
}

describe('quizMe', () => {
  it('shows the clicker a practice question citing the answer’s source file', async () => {
    const ctx = memoryQuizContext(bank);
    const file = (bank[0] as Question).source.file;
    const fakes = await click(() => ctx, JSON.stringify({ f: file, h: 'anything' }));
    expect(fakes.acks).toEqual([undefined]);
    expect(fakes.responses).toHaveLength(1);
    expect(fakes.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const onFile = bank.filter((q) => q.source.file === file).map((q) => `Practice question: ${q.question}`);
    expect(onFile).toContain(fakes.responses[0]?.text);
  });

  it('an empty bank is named so', async () => {
    const fakes = await click(() => memoryQuizContext([]), '{"f":"x.md","h":"X"}');
    expect(fakes.responses).toEqual([
      expect.objectContaining({ text: 'The question bank is empty: add questions to QUESTIONS_DIR.' }),
    ]);
  });

  it('a failure is logged and the clicker pointed to /saa quiz', async () => {
    const fakes = await click(() => {
      throw new Error('quiz context not built');
    }, '{"f":"x.md","h":"X"}');
    expect(fakes.logged('error')).toEqual(['quiz me failed']);
    expect(fakes.responses).toEqual([
      expect.objectContaining({
        text: 'I could not pick a practice question right now; try `/saa quiz` in a minute.',
      }),
    ]);
  });
});
