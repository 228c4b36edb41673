/**
 * The storage port of the data lifecycle (issue 14, item 2): deleting one person's data
 * (`/saa forget me`), exporting a workspace's scores (`saa export`), and erasing a workspace some
 * time after it uninstalled the app. Implemented on SQL only (src/storage/data-lifecycle-repository.ts):
 * it spans every table, so its tests run on PGlite and Postgres.
 */

/** Why a workspace's erasure was scheduled: the Slack event that told us. */
export type ErasureReason = 'app_uninstalled' | 'tokens_revoked';

/** Rows deleted, by table. */
export type DeletedRows = Record<string, number>;

/** One person's scores in a workspace, as `saa export` writes them. */
export interface ExportRow {
  userId: string;
  /** The cached Slack display name, or '' when unknown. */
  displayName: string;
  /** Daily-quiz points, answers and right answers, all time. */
  points: number;
  dailyAnswered: number;
  dailyCorrect: number;
  practiceAnswered: number;
  practiceCorrect: number;
  /** Study cards (questions ever answered in reviews or quizzes). */
  cards: number;
}

/** Deletion, export and scheduled erasure. */
export interface DataLifecycleRepository {
  /** Deletes every row about `userId` in `teamId`, in one transaction; resolves with the counts. */
  forgetPerson(teamId: string, userId: string): Promise<DeletedRows>;
  /** Everyone with scores in `teamId`, highest points first. */
  exportScores(teamId: string): Promise<ExportRow[]>;
  /** Records that `teamId` left at `at` (the earliest request is kept). */
  scheduleErasure(teamId: string, at: Date, reason: ErasureReason): Promise<void>;
  /** Cancels a pending erasure (the workspace came back); resolves true when one was pending. */
  cancelErasure(teamId: string): Promise<boolean>;
  /** Workspaces whose erasure was requested at or before `before`. */
  dueErasures(before: Date): Promise<string[]>;
  /** Teams with an erasure pending. */
  pendingErasures(): Promise<Set<string>>;
  /** Deletes every row of `teamId` and its pending erasure, in one transaction; resolves with the counts. */
  eraseWorkspace(teamId: string): Promise<DeletedRows>;
}
