/**
 * The storage port of question review: questions drafted from a team's notes, their status,
 * and learners' problem reports. Implemented on SQL (src/storage/question-review-repository.ts,
 * Postgres and PGlite) and in memory (memory-question-review.ts, for rule tests).
 */

import type { Question } from '../quiz/question.ts';

/** Where a question comes from: the bank we ship, or drafted from a team's own notes. */
export type QuestionOrigin = 'bundled' | 'team';
/** A drafted question's review state. Only `approved` questions are asked. */
export type TeamQuestionStatus = 'draft' | 'approved' | 'rejected';
/** How a draft was written: from the notes' own sentences, or by a model from one passage. */
export type DraftMethod = 'extractive' | 'model';
/** Why a learner reported a question (the report form's choices). */
export type ReportReason = 'wrong_answer' | 'unclear' | 'outdated';

/** Report reasons, in the order the form shows them, with their labels. */
export const REPORT_REASONS: ReadonlyArray<{ reason: ReportReason; label: string }> = [
  { reason: 'wrong_answer', label: 'The answer is wrong' },
  { reason: 'unclear', label: 'The question is unclear' },
  { reason: 'outdated', label: 'It is out of date' },
];

/** A stored team question. `teamId` '' is every workspace of this install. */
export interface TeamQuestion {
  question: Question;
  teamId: string;
  status: TeamQuestionStatus;
  method: DraftMethod;
  createdAt: Date;
  reviewedAt: Date | null;
}

/** One learner's report. */
export interface QuestionReport {
  teamId: string;
  questionId: string;
  userId: string;
  reason: ReportReason;
  /** Free text, at most {@link MAX_REPORT_COMMENT_CHARS}; '' when none. */
  comment: string;
  reportedAt: Date;
}

/** Longest report comment kept (chars); Slack's plain_text_input is capped the same way. */
export const MAX_REPORT_COMMENT_CHARS = 500;
/** Open reports from this many different people take a question out of a workspace's rotation. */
export const SUSPEND_AFTER_REPORTS = 2;

/** Stored drafts, statuses and reports. */
export interface QuestionReviewRepository {
  /** Stores drafts (status `draft`); an id already stored is left as it is. Resolves with the ids added. */
  addDrafts(
    drafts: readonly { question: Question; teamId: string; method: DraftMethod }[],
    at: Date,
  ): Promise<string[]>;
  /** Team questions, optionally of one status; newest first. */
  teamQuestions(status?: TeamQuestionStatus): Promise<TeamQuestion[]>;
  /** One team question by id, whatever its status (a posted quiz must still grade after a reject). */
  teamQuestion(id: string): Promise<TeamQuestion | undefined>;
  /** Approved team questions asked in `teamId` (its own and the install-wide ones). */
  approvedFor(teamId: string): Promise<Question[]>;
  /** Sets the status of team questions; resolves with the ids that exist. */
  setStatus(ids: readonly string[], status: TeamQuestionStatus, at: Date): Promise<string[]>;
  /** Records or replaces a person's open report on a question. */
  report(r: QuestionReport): Promise<void>;
  /** Open reports, of one workspace or all; oldest first. */
  openReports(teamId?: string): Promise<QuestionReport[]>;
  /** Ids with open reports from at least {@link SUSPEND_AFTER_REPORTS} people in `teamId`. */
  suspendedIds(teamId: string): Promise<Set<string>>;
  /** Closes every open report on `ids` (in every workspace): the question was reviewed. Resolves with the ids that had any. */
  resolveReports(ids: readonly string[], at: Date): Promise<string[]>;
}
