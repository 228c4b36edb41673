/**
 * The storage port of exam readiness: each person's exam date, per workspace. Implemented on SQL
 * (src/storage/exam-date-repository.ts, Postgres and PGlite, table `exam_dates` of
 * migrations/1764388800000_exam-dates.sql) and in memory (memory-exam-dates.ts, for rule tests).
 * Dates are calendar dates `YYYY-MM-DD` with no time zone: days left count in the person's zone.
 */

/** Stored exam dates. */
export interface ExamDateRepository {
  /** The person's exam date (`YYYY-MM-DD`), or null when none is set. */
  get(teamId: string, userId: string): Promise<string | null>;
  /** Sets (or replaces) the person's exam date; `at` is when, for the record. */
  set(teamId: string, userId: string, examDate: string, at: Date): Promise<void>;
  /** Clears it; resolves true when there was one. */
  clear(teamId: string, userId: string): Promise<boolean>;
}
