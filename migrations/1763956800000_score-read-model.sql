-- Up Migration
-- Leaderboards read one table: each answer carries its channel and its delay after the post
-- (the tie-breaker), and a covering index serves period queries with an index-only scan.
ALTER TABLE quiz_answers ADD COLUMN channel_id text;
ALTER TABLE quiz_answers ADD COLUMN delay_ms bigint;
UPDATE quiz_answers a
   SET channel_id = p.channel_id,
       delay_ms = (1000 * extract(epoch FROM a.answered_at - coalesce(p.posted_at, p.claimed_at)))::bigint
  FROM quiz_posts p
 WHERE p.id = a.quiz_id;
ALTER TABLE quiz_answers ALTER COLUMN channel_id SET NOT NULL;
ALTER TABLE quiz_answers ALTER COLUMN delay_ms SET NOT NULL;

DROP INDEX quiz_answers_team_time;
CREATE INDEX quiz_answers_period ON quiz_answers (team_id, answered_at) INCLUDE (user_id, points, correct, delay_ms);
CREATE INDEX quiz_answers_channel_period ON quiz_answers (team_id, channel_id, answered_at) INCLUDE (user_id, points, correct, delay_ms);

-- All-time totals per person, kept by a trigger in the same transaction as each answer, so the
-- all-time leaderboard reads one row per person instead of every answer ever given.
CREATE TABLE user_totals (
  team_id      text   NOT NULL,
  user_id      text   NOT NULL,
  points       bigint NOT NULL,
  answered     bigint NOT NULL,
  correct      bigint NOT NULL,
  delay_sum_ms bigint NOT NULL,
  PRIMARY KEY (team_id, user_id)
);

INSERT INTO user_totals (team_id, user_id, points, answered, correct, delay_sum_ms)
SELECT team_id, user_id, sum(points), count(*), count(*) FILTER (WHERE correct), sum(delay_ms)
  FROM quiz_answers GROUP BY team_id, user_id;

CREATE FUNCTION saa_add_to_user_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO user_totals AS t (team_id, user_id, points, answered, correct, delay_sum_ms)
  VALUES (NEW.team_id, NEW.user_id, NEW.points, 1, CASE WHEN NEW.correct THEN 1 ELSE 0 END, NEW.delay_ms)
  ON CONFLICT (team_id, user_id) DO UPDATE
    SET points = t.points + EXCLUDED.points,
        answered = t.answered + 1,
        correct = t.correct + EXCLUDED.correct,
        delay_sum_ms = t.delay_sum_ms + EXCLUDED.delay_sum_ms;
  RETURN NULL;
END;
$$;

CREATE TRIGGER quiz_answers_totals AFTER INSERT ON quiz_answers
  FOR EACH ROW EXECUTE FUNCTION saa_add_to_user_totals();

-- Down Migration
DROP TRIGGER quiz_answers_totals ON quiz_answers;
DROP FUNCTION saa_add_to_user_totals();
DROP TABLE user_totals;
DROP INDEX quiz_answers_channel_period;
DROP INDEX quiz_answers_period;
CREATE INDEX quiz_answers_team_time ON quiz_answers (team_id, answered_at);
ALTER TABLE quiz_answers DROP COLUMN delay_ms;
ALTER TABLE quiz_answers DROP COLUMN channel_id;
