/**
 * The report form's and the 👎 form's view_submission listeners alone: Bolt's `ack` and `logger`
 * faked, the reports and feedback in memory.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../../../src/database-unavailable.ts';
import { answerKey, FEEDBACK_REASONS } from '../../../../src/feedback/ports.ts';
import { REPORT_REASONS } from '../../../../src/question-review/ports.ts';
import type { Question } from '../../../../src/quiz/question.ts';
import { feedbackReasonSubmission } from '../../../../src/slack/listeners/views/feedback-reason-submission.ts';
import { reportSubmission } from '../../../../src/slack/listeners/views/report-submission.ts';
import {
  FEEDBACK_COMMENT_BLOCK,
  FEEDBACK_REASON_BLOCK,
} from '../../../../src/slack/views/feedback-blocks.ts';
import { REPORT_COMMENT_BLOCK, REPORT_REASON_BLOCK } from '../../../../src/slack/views/report-blocks.ts';
import { boltFakes, listenerArgs } from '../../../helpers/bolt-fakes.ts';
import { loadRealBank, memoryQuizContext } from '../../../helpers/quiz-harness.ts';

let bank: Question[];
beforeAll(async () => {
  bank = await loadRealBank();
});

/** A submission of a reason modal: metadata, the chosen reason and the comment. */
function submission(
  metadata: unknown,
  blocks: [string, string],
  reason: string | undefined,
  comment: string,
) {
  const [reasonBlock, commentBlock] = blocks;
  return {
    body: { user: { id: 'U1', team_id: 'T1' }, team: { id: 'T1' } },
    view: {
      private_metadata: typeof metadata === 'string' ? metadata : JSON.stringify(metadata),
      state: {
        values: {
          [reasonBlock]: { [reasonBlock]: { selected_option: reason ? { value: reason } : undefined } },
          [commentBlock]: { [commentBlock]: { value: comment } },
        },
      },
    },
  };
}

async function submitReport(ctx: ReturnType<typeof memoryQuizContext>, metadata: unknown, reason?: string) {
  const fakes = boltFakes();
  const handler = reportSubmission(() => ctx);
  await handler(
    listenerArgs(handler, {
      ...fakes.args,
      ...submission(metadata, [REPORT_REASON_BLOCK, REPORT_COMMENT_BLOCK], reason, 'option B is right too'),
    }),
  );
  return fakes;
}

describe('reportSubmission', () => {
  it('records the report and acks with the thanks view', async () => {
    const ctx = memoryQuizContext(bank);
    const id = (bank[0] as Question).id;
    const fakes = await submitReport(ctx, { id }, REPORT_REASONS[0]?.reason);
    expect(fakes.acks).toEqual([expect.objectContaining({ response_action: 'update' })]);
    expect(await ctx.reviews.openReports('T1')).toEqual([
      expect.objectContaining({ questionId: id, userId: 'U1', comment: 'option B is right too' }),
    ]);
  });

  it('an out-of-date form keeps the modal open with the error under the reasons', async () => {
    const fakes = await submitReport(memoryQuizContext(bank), 'not json', REPORT_REASONS[0]?.reason);
    expect(fakes.acks).toEqual([
      { response_action: 'errors', errors: { [REPORT_REASON_BLOCK]: 'This form is out of date.' } },
    ]);
  });

  it('a reason that is not on the list keeps the modal open with the error under the reasons', async () => {
    const fakes = await submitReport(memoryQuizContext(bank), { id: (bank[0] as Question).id }, 'other');
    expect(fakes.acks).toEqual([
      expect.objectContaining({
        response_action: 'errors',
        errors: { [REPORT_REASON_BLOCK]: expect.any(String) },
      }),
    ]);
  });

  it('with the database down the error goes under the comment, so nothing typed is lost', async () => {
    const ctx = memoryQuizContext(bank, {
      ready: () => Promise.reject(new DatabaseUnavailableError('down')),
    });
    const fakes = await submitReport(ctx, { id: (bank[0] as Question).id }, REPORT_REASONS[0]?.reason);
    expect(fakes.acks).toEqual([
      {
        response_action: 'errors',
        errors: { [REPORT_COMMENT_BLOCK]: 'The report could not be saved right now: try again in a minute.' },
      },
    ]);
    expect(fakes.logged('error')).toEqual([]);
  });
});

describe('feedbackReasonSubmission', () => {
  async function submitReason(ctx: ReturnType<typeof memoryQuizContext>, k: string) {
    const fakes = boltFakes();
    const handler = feedbackReasonSubmission(() => ctx);
    await handler(
      listenerArgs(handler, {
        ...fakes.args,
        ...submission(
          { k },
          [FEEDBACK_REASON_BLOCK, FEEDBACK_COMMENT_BLOCK],
          FEEDBACK_REASONS[0]?.reason,
          'too long',
        ),
      }),
    );
    return fakes;
  }

  it('adds the reason and comment to the person’s 👎 and acks with thanks', async () => {
    const ctx = memoryQuizContext(bank);
    const rating = { teamId: 'T1', userId: 'U1', rating: 'down' as const, question: 'q', answer: 'a' };
    await ctx.feedback.rate(
      { ...rating, answerKey: answerKey('q', 'a'), sources: [], mode: 'extractive' },
      ctx.clock(),
    );
    const fakes = await submitReason(ctx, answerKey('q', 'a'));
    expect(fakes.acks).toEqual([expect.objectContaining({ response_action: 'update' })]);
    expect(await ctx.feedback.list()).toEqual([
      expect.objectContaining({ reason: FEEDBACK_REASONS[0]?.reason, comment: 'too long' }),
    ]);
  });

  it('a malformed answer key is an out-of-date form', async () => {
    const fakes = await submitReason(memoryQuizContext(bank), 'not-a-key');
    expect(fakes.acks).toEqual([
      { response_action: 'errors', errors: { [FEEDBACK_REASON_BLOCK]: 'This form is out of date.' } },
    ]);
  });
});
