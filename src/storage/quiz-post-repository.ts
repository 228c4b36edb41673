/**
 * Daily quiz posts, one per (team, channel, local date). The row is claimed before posting to
 * Slack and completed with the message ts after, which makes the daily post exactly-once across
 * processes and crashes; `revealed_at` makes the answer reveal exactly-once the same way.
 * A process that posted to Slack but died (or lost the database) before `markPosted` leaves a
 * claim that looks stale: the taker looks for that message in the channel before posting
 * (daily-quiz/post-daily-quiz.ts). Keep `staleAfterMs` above the time a live post can take
 * (timeouts.ts `claimHoldWorstCaseMs`), so a post in flight is never taken over.
 */

import type { ClaimRequest, ClaimResult, QuizPost, QuizPostRepository } from '../daily-quiz/ports.ts';
import type { Database } from './db.ts';

interface Row {
  id: number | string; // bigserial: pg returns a string, PGlite a number
  team_id: string;
  channel_id: string;
  local_date: string;
  question_id: string;
  claimed_at: Date;
  claimed_by: string;
  message_ts: string | null;
  posted_at: Date | null;
  revealed_at: Date | null;
}

// to_char: pg turns a `date` into a local-midnight Date, PGlite into UTC midnight; text is exact.
const COLUMNS = `id, team_id, channel_id, to_char(local_date, 'YYYY-MM-DD') AS local_date, question_id,
  claimed_at, claimed_by, message_ts, posted_at, revealed_at`;

/** `QuizPostRepository` in Postgres SQL (table `quiz_posts`). */
export class SqlQuizPostRepository implements QuizPostRepository {
  constructor(private readonly db: Database) {}

  async claim(r: ClaimRequest): Promise<ClaimResult> {
    const inserted = await this.db.query<Row>(
      `INSERT INTO quiz_posts (team_id, channel_id, local_date, question_id, claimed_at, claimed_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (team_id, channel_id, local_date) DO NOTHING
       RETURNING ${COLUMNS}`,
      [r.teamId, r.channelId, r.localDate, r.questionId, r.now, r.claimedBy],
    );
    if (inserted.rows[0]) return { status: 'claimed', post: toPost(inserted.rows[0]), tookOver: false };
    // One statement: racing takers queue on the row lock and re-check the WHERE, so one wins.
    const cutoff = new Date(r.now.getTime() - r.staleAfterMs);
    const taken = await this.db.query<Row>(
      `UPDATE quiz_posts SET claimed_at = $4, claimed_by = $5
       WHERE team_id = $1 AND channel_id = $2 AND local_date = $3
         AND message_ts IS NULL AND claimed_at < $6
       RETURNING ${COLUMNS}`,
      [r.teamId, r.channelId, r.localDate, r.now, r.claimedBy, cutoff],
    );
    if (taken.rows[0]) return { status: 'claimed', post: toPost(taken.rows[0]), tookOver: true };
    const existing = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM quiz_posts WHERE team_id = $1 AND channel_id = $2 AND local_date = $3`,
      [r.teamId, r.channelId, r.localDate],
    );
    if (!existing.rows[0])
      throw new Error(`quiz_posts: claim row for ${r.channelId} ${r.localDate} vanished`);
    return { status: 'taken', post: toPost(existing.rows[0]) };
  }

  async markPosted(id: number, messageTs: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'UPDATE quiz_posts SET message_ts = $2, posted_at = $3 WHERE id = $1 AND message_ts IS NULL',
      [id, messageTs, now],
    );
    return rowCount === 1;
  }

  async get(id: number): Promise<QuizPost | null> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM quiz_posts WHERE id = $1`, [id]);
    return rows[0] ? toPost(rows[0]) : null;
  }

  async usedQuestionIds(teamId: string, channelId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ question_id: string }>(
      `SELECT question_id FROM quiz_posts
       WHERE team_id = $1 AND channel_id = $2 AND message_ts IS NOT NULL ORDER BY local_date, id`,
      [teamId, channelId],
    );
    return rows.map((r) => r.question_id);
  }

  async replaceQuestion(id: number, questionId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'UPDATE quiz_posts SET question_id = $2 WHERE id = $1 AND message_ts IS NULL RETURNING id',
      [id, questionId],
    );
    return rows.length === 1;
  }

  async dueForReveal(postedBefore: Date): Promise<QuizPost[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM quiz_posts
       WHERE message_ts IS NOT NULL AND revealed_at IS NULL AND posted_at < $1
       ORDER BY posted_at, id`,
      [postedBefore],
    );
    return rows.map(toPost);
  }

  async previousUnrevealed(teamId: string, channelId: string, beforeLocalDate: string): Promise<QuizPost[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM quiz_posts
       WHERE team_id = $1 AND channel_id = $2 AND local_date < $3
         AND message_ts IS NOT NULL AND revealed_at IS NULL
       ORDER BY local_date`,
      [teamId, channelId, beforeLocalDate],
    );
    return rows.map(toPost);
  }

  async markRevealed(id: number, now: Date): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'UPDATE quiz_posts SET revealed_at = $2 WHERE id = $1 AND revealed_at IS NULL',
      [id, now],
    );
    return rowCount === 1;
  }
}

function toPost(row: Row): QuizPost {
  return {
    id: Number(row.id),
    teamId: row.team_id,
    channelId: row.channel_id,
    localDate: row.local_date,
    questionId: row.question_id,
    claimedAt: row.claimed_at,
    claimedBy: row.claimed_by,
    messageTs: row.message_ts,
    postedAt: row.posted_at,
    revealedAt: row.revealed_at,
  };
}
