/**
 * The rows the in-memory daily-quiz and score repositories share, as the SQL ones share the
 * tables `quiz_posts`, `quiz_answers` and `practice_answers`: build one and hand it to
 * {@link MemoryQuizPostRepository}, {@link MemoryResponseRepository} and
 * scores/memory-scores.ts `MemoryScoreRepository`, so a response sees its post and scores see
 * both. For rule tests; not shared between processes. Rows are stored as copies and never handed
 * out: the repositories return copies too, as SQL returns fresh rows.
 */

import type { PracticeResponse, QuizPost, QuizResponse } from './ports.ts';

/** A stored daily response, with what SQL stores beside it: the post's channel and the delay after it (ms). */
export interface StoredResponse extends QuizResponse {
  channelId: string;
  /** `answeredAt` − the post's `postedAt` (its `claimedAt` while unposted), when recorded (ms). */
  delayMs: number;
}

/** In-memory quiz rows. */
export class MemoryQuizRecords {
  /** Quiz posts by id. */
  readonly posts = new Map<number, QuizPost>();
  /** Daily responses, in the order they were recorded; at most one per (quiz, user). */
  readonly responses: StoredResponse[] = [];
  /** Practice responses, in the order they were recorded; `id` as `practice_answers.id`. */
  readonly practice: Array<PracticeResponse & { id: number }> = [];
  #nextPostId = 1;
  #nextPracticeId = 1;

  /** The next quiz post id (1, 2, …; as `bigserial`). */
  newPostId(): number {
    return this.#nextPostId++;
  }

  /** The next practice response id (1, 2, …; as `bigserial`). */
  newPracticeId(): number {
    return this.#nextPracticeId++;
  }
}

/** Code-point order of two strings (SQL `ORDER BY` on ids the tests choose so collation does not matter). */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
