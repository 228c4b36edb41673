/**
 * {@link ExamDateRepository} in memory: the same behaviour as the SQL one (the contract tests in
 * tests/storage/exam-date-repository.test.ts run on both). Not shared between processes.
 */

import type { ExamDateRepository } from './ports.ts';

/** In-memory exam dates. */
export class MemoryExamDateRepository implements ExamDateRepository {
  readonly #dates = new Map<string, string>();

  async get(teamId: string, userId: string): Promise<string | null> {
    return this.#dates.get(`${teamId}\0${userId}`) ?? null;
  }

  async set(teamId: string, userId: string, examDate: string, _at: Date): Promise<void> {
    this.#dates.set(`${teamId}\0${userId}`, examDate);
  }

  async clear(teamId: string, userId: string): Promise<boolean> {
    return this.#dates.delete(`${teamId}\0${userId}`);
  }
}
