/** The "Report a problem" listener alone: Bolt's arguments and Web API client faked. */

import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../../../src/quiz/question.ts';
import { reportProblem } from '../../../../src/slack/listeners/actions/report-problem.ts';
import { REPORT_ACTION } from '../../../../src/slack/views/report-blocks.ts';
import { boltFakes, clickBody, listenerArgs } from '../../../helpers/bolt-fakes.ts';
import { loadRealBank, memoryQuizContext } from '../../../helpers/quiz-harness.ts';

let bank: Question[];
beforeAll(async () => {
  bank = await loadRealBank();
});

async function click(value: string, fail: string[] = []) {
  const fakes = boltFakes({ fail });
  const ctx = memoryQuizContext(bank);
  const handler = reportProblem(() => ctx);
  await handler(
    listenerArgs(handler, { ...fakes.args, body: clickBody(), action: { action_id: REPORT_ACTION, value } }),
  );
  return fakes;
}

describe('reportProblem', () => {
  it('opens the report modal with the question, on the click’s trigger', async () => {
    const question = bank[0] as Question;
    const fakes = await click(JSON.stringify({ id: question.id }));
    expect(fakes.acks).toEqual([undefined]);
    expect(fakes.calls.map((c) => c.method)).toEqual(['views.open']);
    expect(fakes.calls[0]?.args.trigger_id).toBe('trigger-U1');
    expect(JSON.stringify(fakes.calls[0]?.args.view)).toContain(question.id);
    expect(fakes.responses).toEqual([]);
  });

  it('a value that is not ours opens nothing', async () => {
    const fakes = await click('{"id":7}');
    expect(fakes.calls).toEqual([]);
    expect(fakes.responses).toEqual([]);
  });

  it('a modal that does not open is logged and the clicker told', async () => {
    const fakes = await click(JSON.stringify({ id: (bank[0] as Question).id }), ['views.open']);
    expect(fakes.logged('error')).toEqual(['report modal failed']);
    expect(fakes.responses).toEqual([
      {
        response_type: 'ephemeral',
        replace_original: false,
        text: 'I could not open the report form: try again in a moment.',
      },
    ]);
  });
});
