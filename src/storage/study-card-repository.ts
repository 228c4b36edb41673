/**
 * Study cards on SQL (Postgres or PGlite): `study_cards` and the append-only
 * `study_card_reviews` (migrations/1764129600000_study-cards.sql). Implements the port in
 * src/spaced-repetition/ports.ts. A save is one transaction, conditional on the stored `reps`.
 * `correct_answers` is kept by a trigger on the log (migrations/1764388800000_exam-dates.sql).
 * Easy re-ratings are log rows of kind `easy` (migrations/1764475200000_easy-corrections.sql).
 */

import { type Grade, type Rating, type ReviewLog, State } from 'ts-fsrs';
import type {
  CardRecord,
  CardReview,
  ReviewCounts,
  StudyCard,
  StudyCardRepository,
} from '../spaced-repetition/ports.ts';
import type { Database } from './db.ts';

interface LogRow {
  rating: Rating;
  state: State;
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reviewed_at: Date;
}

/** Appends one row to the append-only log, inside the caller's transaction. */
async function appendReview(tx: Pick<Database, 'query'>, card: StudyCard, review: CardReview): Promise<void> {
  const l = review.log;
  await tx.query(
    `INSERT INTO study_card_reviews (team_id, user_id, question_id, source, rating, state, due,
       stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, reviewed_at, kind)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      card.teamId,
      card.userId,
      card.questionId,
      review.source,
      l.rating,
      l.state,
      l.due,
      l.stability,
      l.difficulty,
      l.elapsed_days,
      l.last_elapsed_days,
      l.scheduled_days,
      l.learning_steps,
      l.review,
      review.kind ?? 'answer',
    ],
  );
}

interface CardRow {
  team_id: string;
  user_id: string;
  question_id: string;
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: Date | null;
  last_rating: number;
}

const COLUMNS = `team_id, user_id, question_id, due, stability, difficulty, elapsed_days, scheduled_days,
  learning_steps, reps, lapses, state, last_review, last_rating`;

function studyCard(row: CardRow): StudyCard {
  return {
    teamId: row.team_id,
    userId: row.user_id,
    questionId: row.question_id,
    fsrs: {
      due: new Date(row.due),
      stability: Number(row.stability),
      difficulty: Number(row.difficulty),
      elapsed_days: row.elapsed_days,
      scheduled_days: row.scheduled_days,
      learning_steps: row.learning_steps,
      reps: row.reps,
      lapses: row.lapses,
      state: row.state as State,
      ...(row.last_review ? { last_review: new Date(row.last_review) } : {}),
    },
    lastRating: row.last_rating as Grade,
  };
}

function cardParams(c: StudyCard): unknown[] {
  const f = c.fsrs;
  return [
    c.teamId,
    c.userId,
    c.questionId,
    f.due,
    f.stability,
    f.difficulty,
    f.elapsed_days,
    f.scheduled_days,
    f.learning_steps,
    f.reps,
    f.lapses,
    f.state,
    f.last_review ?? null,
    c.lastRating,
  ];
}

/** {@link StudyCardRepository} on SQL. */
export class SqlStudyCardRepository implements StudyCardRepository {
  constructor(private readonly db: Database) {}

  async card(teamId: string, userId: string, questionId: string): Promise<StudyCard | undefined> {
    const { rows } = await this.db.query<CardRow>(
      `SELECT ${COLUMNS} FROM study_cards WHERE team_id = $1 AND user_id = $2 AND question_id = $3`,
      [teamId, userId, questionId],
    );
    return rows[0] ? studyCard(rows[0]) : undefined;
  }

  async save(card: StudyCard, review: CardReview, expectedReps: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // A new card races on the primary key, a known one on its answer count: the loser changes nothing.
      const { rows } =
        expectedReps === 0
          ? await tx.query(
              `INSERT INTO study_cards (${COLUMNS})
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
               ON CONFLICT (team_id, user_id, question_id) DO NOTHING RETURNING 1`,
              cardParams(card),
            )
          : await tx.query(
              `UPDATE study_cards SET due = $4, stability = $5, difficulty = $6, elapsed_days = $7,
                 scheduled_days = $8, learning_steps = $9, reps = $10, lapses = $11, state = $12,
                 last_review = $13, last_rating = $14
               WHERE team_id = $1 AND user_id = $2 AND question_id = $3 AND reps = $15 RETURNING 1`,
              [...cardParams(card), expectedReps],
            );
      if (rows.length === 0) return false;
      await appendReview(tx, card, review);
      return true;
    });
  }

  async lastAnswer(teamId: string, userId: string, questionId: string): Promise<ReviewLog | undefined> {
    const { rows } = await this.db.query<LogRow>(
      `SELECT rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days,
              learning_steps, reviewed_at
         FROM study_card_reviews
        WHERE team_id = $1 AND user_id = $2 AND question_id = $3 AND kind = 'answer'
        ORDER BY id DESC LIMIT 1`,
      [teamId, userId, questionId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      rating: r.rating,
      state: r.state,
      due: new Date(r.due),
      stability: r.stability,
      difficulty: r.difficulty,
      elapsed_days: r.elapsed_days,
      last_elapsed_days: r.last_elapsed_days,
      scheduled_days: r.scheduled_days,
      learning_steps: r.learning_steps,
      review: new Date(r.reviewed_at),
    };
  }

  async saveEasy(
    card: StudyCard,
    review: CardReview,
    expectedReps: number,
    expectedRating: Grade,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // The row lock makes a racing second click re-check last_rating, now Easy: it changes nothing.
      const { rows } = await tx.query(
        `UPDATE study_cards SET due = $4, stability = $5, difficulty = $6, elapsed_days = $7,
           scheduled_days = $8, learning_steps = $9, reps = $10, lapses = $11, state = $12,
           last_review = $13, last_rating = $14
         WHERE team_id = $1 AND user_id = $2 AND question_id = $3 AND reps = $15 AND last_rating = $16
         RETURNING 1`,
        [...cardParams(card), expectedReps, expectedRating],
      );
      if (rows.length === 0) return false;
      await appendReview(tx, card, { ...review, kind: 'easy' });
      return true;
    });
  }

  async due(teamId: string, userId: string, now: Date, limit: number): Promise<StudyCard[]> {
    const { rows } = await this.db.query<CardRow>(
      `SELECT ${COLUMNS} FROM study_cards WHERE team_id = $1 AND user_id = $2 AND due <= $3
       ORDER BY due, question_id LIMIT $4`,
      [teamId, userId, now, limit],
    );
    return rows.map(studyCard);
  }

  async dueCount(teamId: string, userId: string, now: Date): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM study_cards WHERE team_id = $1 AND user_id = $2 AND due <= $3',
      [teamId, userId, now],
    );
    return rows[0]?.n ?? 0;
  }

  async upcoming(teamId: string, userId: string, now: Date, limit: number): Promise<StudyCard[]> {
    const { rows } = await this.db.query<CardRow>(
      `SELECT ${COLUMNS} FROM study_cards WHERE team_id = $1 AND user_id = $2 AND due > $3
       ORDER BY due, question_id LIMIT $4`,
      [teamId, userId, now, limit],
    );
    return rows.map(studyCard);
  }

  async questionIds(teamId: string, userId: string): Promise<Set<string>> {
    const { rows } = await this.db.query<{ question_id: string }>(
      'SELECT question_id FROM study_cards WHERE team_id = $1 AND user_id = $2',
      [teamId, userId],
    );
    return new Set(rows.map((r) => r.question_id));
  }

  async reviewCounts(teamId: string, userId: string, since: Date): Promise<ReviewCounts> {
    const { rows } = await this.db.query<{ new_cards: number; reviews: number }>(
      `SELECT count(*) FILTER (WHERE state = $4)::int AS new_cards,
              count(*) FILTER (WHERE state <> $4)::int AS reviews
       FROM study_card_reviews
       WHERE team_id = $1 AND user_id = $2 AND source = 'review' AND kind = 'answer' AND reviewed_at >= $3`,
      [teamId, userId, since, State.New],
    );
    return { newCards: rows[0]?.new_cards ?? 0, reviews: rows[0]?.reviews ?? 0 };
  }

  async records(teamId: string, userId: string): Promise<CardRecord[]> {
    const { rows } = await this.db.query<CardRow & { correct_answers: number }>(
      `SELECT ${COLUMNS}, correct_answers FROM study_cards WHERE team_id = $1 AND user_id = $2
       ORDER BY question_id`,
      [teamId, userId],
    );
    return rows.map((r) => ({ ...studyCard(r), correctAnswers: r.correct_answers }));
  }
}
