/**
 * The storage port of spaced repetition: one FSRS card per workspace, person and question, and
 * an append-only log of every answer that moved a card. Implemented on SQL
 * (src/storage/study-card-repository.ts, Postgres and PGlite) and in memory
 * (memory-study-cards.ts, for rule tests). Card fields are ts-fsrs 5.4's `Card`
 * (https://github.com/open-spaced-repetition/ts-fsrs), stored as they are.
 */

import type { Card, Grade, ReviewLog } from 'ts-fsrs';

/** Where an answer came from: the channel's daily quiz, `/saa quiz` practice, or `/saa review`. */
export type ReviewSource = 'daily' | 'practice' | 'review';

/** A person's card for one question. `fsrs.reps` counts the answers that moved it (0: never). */
export interface StudyCard {
  teamId: string;
  userId: string;
  questionId: string;
  /** ts-fsrs card state: `due` (Date), `stability` (days), `difficulty` (1–10), `state`, `reps`, `lapses`… */
  fsrs: Card;
  /** The rating the last answer got (1 Again, 2 Hard, 3 Good, 4 Easy): answer-rating.ts reads it. */
  lastRating: Grade;
}

/**
 * A card with how many of the answers that moved it were right (rated Hard, Good or Easy; a wrong
 * answer is Again). `fsrs.reps` counts them all, so accuracy on the card is `correctAnswers / fsrs.reps`.
 * Exam readiness (src/exam-readiness/) reads these.
 */
export interface CardRecord extends StudyCard {
  correctAnswers: number;
}

/** One answer that moved a card: ts-fsrs's review log (the card as it was before) and its source. */
export interface CardReview {
  source: ReviewSource;
  /** `rating`, `state` before the answer (0 New), `review` (when answered), `due` before… */
  log: ReviewLog;
  /**
   * `answer` (default): an answer. `easy`: the person re-rated their last (right) answer as Easy
   * (rate-easy.ts); not an answer, so daily limits and right-answer counts skip it.
   */
  kind?: 'answer' | 'easy';
}

/** What `/saa review` did today: counted from the log, answers with source `review` only. */
export interface ReviewCounts {
  /** Cards answered for the first time in a review session (log state New). */
  newCards: number;
  /** Answers to cards seen before (any other state). */
  reviews: number;
}

/** Stored cards and their review log. */
export interface StudyCardRepository {
  /** The person's card for a question; undefined when they never answered it. */
  card(teamId: string, userId: string, questionId: string): Promise<StudyCard | undefined>;
  /**
   * Stores `card` and appends `review`, atomically, only if the stored card still has
   * `expectedReps` answers (0: no card yet). Resolves `false`, storing nothing, when another
   * answer moved the card first (a double click, a Slack retry, two surfaces at once).
   */
  save(card: StudyCard, review: CardReview, expectedReps: number): Promise<boolean>;
  /** The log of the person's latest answer to the question (kind `answer`); undefined: none. */
  lastAnswer(teamId: string, userId: string, questionId: string): Promise<ReviewLog | undefined>;
  /**
   * Replaces the card by its Easy re-rating and appends `review` (kind `easy`), atomically, only
   * if the stored card still has `expectedReps` answers and its last rating is `expectedRating`
   * (so a second click, or an answer since, changes nothing: resolves false).
   */
  saveEasy(
    card: StudyCard,
    review: CardReview,
    expectedReps: number,
    expectedRating: Grade,
  ): Promise<boolean>;
  /** Cards due at or before `now`, earliest due first (then question id); at most `limit`. */
  due(teamId: string, userId: string, now: Date, limit: number): Promise<StudyCard[]>;
  /** How many of the person's cards are due at or before `now` (review reminders). */
  dueCount(teamId: string, userId: string, now: Date): Promise<number>;
  /** Cards due after `now`, soonest first (then question id); at most `limit` ("review ahead"). */
  upcoming(teamId: string, userId: string, now: Date, limit: number): Promise<StudyCard[]>;
  /** Ids of every question the person has a card for. */
  questionIds(teamId: string, userId: string): Promise<Set<string>>;
  /** Review-session answers at or after `since` (start of the person's day). */
  reviewCounts(teamId: string, userId: string, since: Date): Promise<ReviewCounts>;
  /** Every card of the person with its right-answer count, in question id order (exam readiness). */
  records(teamId: string, userId: string): Promise<CardRecord[]>;
}
