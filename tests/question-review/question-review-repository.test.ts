/**
 * The question-review port's contract, on the in-memory implementation and on SQL (PGlite, and
 * Postgres with DATABASE_URL): drafts are stored once and never asked until approved, approved
 * team questions reach their workspace (or all, for install-wide ones), two people's reports
 * suspend a question in their workspace only, and a review closes the reports.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryQuestionReviewRepository } from '../../src/question-review/memory-question-review.ts';
import type { QuestionReviewRepository } from '../../src/question-review/ports.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { SqlQuestionReviewRepository } from '../../src/storage/question-review-repository.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { makeQuestion } from '../quiz/quiz-fixtures.ts';

const T0 = new Date('2026-06-01T09:00:00.000Z');
const T1 = new Date('2026-06-02T09:00:00.000Z');

const targets: Array<{
  name: string;
  open: () => Promise<QuestionReviewRepository>;
  close: () => Promise<void>;
}> = [
  { name: 'memory', open: async () => new MemoryQuestionReviewRepository(), close: async () => {} },
  ...testDatabases().map((t) => ({
    name: t.name,
    open: async () => {
      const db = await t.open();
      await migrate(db);
      return new SqlQuestionReviewRepository(db);
    },
    close: () => t.close(),
  })),
];

describe.each(targets)('QuestionReviewRepository on $name', (target) => {
  let repo: QuestionReviewRepository;
  beforeAll(async () => {
    repo = await target.open();
  });
  afterAll(() => target.close());

  it('stores drafts once, reads them back whole, and never offers them before approval', async () => {
    const team = uniqueId('T');
    const q = makeQuestion(uniqueId('team-q'), { correctKeys: ['A', 'C'], keyFacts: ['fact'] });
    expect(await repo.addDrafts([{ question: q, teamId: team, method: 'extractive' }], T0)).toEqual([q.id]);
    expect(await repo.addDrafts([{ question: q, teamId: team, method: 'model' }], T1)).toEqual([]);
    expect(await repo.teamQuestion(q.id)).toEqual({
      question: q,
      teamId: team,
      status: 'draft',
      method: 'extractive',
      createdAt: T0,
      reviewedAt: null,
    });
    expect(await repo.approvedFor(team)).toEqual([]);
    expect((await repo.teamQuestions('draft')).map((t) => t.question.id)).toContain(q.id);
  });

  it('offers an approved question to its workspace, an install-wide one to every workspace', async () => {
    const team = uniqueId('T');
    const own = makeQuestion(uniqueId('team-own'));
    const everyone = makeQuestion(uniqueId('team-all'));
    await repo.addDrafts(
      [
        { question: own, teamId: team, method: 'extractive' },
        { question: everyone, teamId: '', method: 'model' },
      ],
      T0,
    );
    expect(await repo.setStatus([own.id, everyone.id, 'no-such-id'], 'approved', T1)).toEqual(
      expect.arrayContaining([own.id, everyone.id]),
    );
    const ids = (await repo.approvedFor(team)).map((q) => q.id);
    expect(ids).toEqual(expect.arrayContaining([own.id, everyone.id]));
    const other = (await repo.approvedFor(uniqueId('T'))).map((q) => q.id);
    expect(other).toContain(everyone.id);
    expect(other).not.toContain(own.id);
    expect((await repo.teamQuestion(own.id))?.reviewedAt).toEqual(T1);
    await repo.setStatus([own.id], 'rejected', T1);
    expect((await repo.approvedFor(team)).map((q) => q.id)).not.toContain(own.id);
  });

  it('suspends a question reported by two people of a workspace, in that workspace only', async () => {
    const team = uniqueId('T');
    const other = uniqueId('T');
    const id = uniqueId('q');
    const report = {
      teamId: team,
      questionId: id,
      reason: 'wrong_answer' as const,
      comment: '',
      reportedAt: T0,
    };
    await repo.report({ ...report, userId: 'U1' });
    await repo.report({ ...report, userId: 'U1', reason: 'unclear', comment: 'B is also right' });
    expect(await repo.suspendedIds(team)).toEqual(new Set());
    await repo.report({ ...report, teamId: other, userId: 'U2' });
    expect(await repo.suspendedIds(team)).toEqual(new Set());
    await repo.report({ ...report, userId: 'U3' });
    expect(await repo.suspendedIds(team)).toEqual(new Set([id]));
    expect(await repo.suspendedIds(other)).toEqual(new Set());
    expect(await repo.openReports(team)).toEqual([
      { ...report, userId: 'U1', reason: 'unclear', comment: 'B is also right' },
      { ...report, userId: 'U3' },
    ]);
  });

  it('a review closes the reports and puts the question back; a new report opens again', async () => {
    const team = uniqueId('T');
    const id = uniqueId('q');
    const report = { teamId: team, questionId: id, reason: 'outdated' as const, comment: '', reportedAt: T0 };
    await repo.report({ ...report, userId: 'U1' });
    await repo.report({ ...report, userId: 'U2' });
    expect(await repo.resolveReports([id, 'never-reported'], T1)).toEqual([id]);
    expect(await repo.suspendedIds(team)).toEqual(new Set());
    expect(await repo.openReports(team)).toEqual([]);
    await repo.report({ ...report, userId: 'U1', reportedAt: T1 });
    expect(await repo.openReports(team)).toEqual([{ ...report, userId: 'U1', reportedAt: T1 }]);
  });
});
