-- Up Migration
-- Slack display names and time zones (users.info), cached so a leaderboard does not call Slack
-- for every row; streaks are counted in each person's own time zone.
CREATE TABLE user_profiles (
  team_id      text        NOT NULL,
  user_id      text        NOT NULL,
  display_name text        NOT NULL,
  tz           text        NOT NULL,
  fetched_at   timestamptz NOT NULL,
  PRIMARY KEY (team_id, user_id)
);

-- Personal stats and streaks read one person's answers.
CREATE INDEX quiz_answers_team_user ON quiz_answers (team_id, user_id, answered_at);

-- Down Migration
DROP INDEX quiz_answers_team_user;
DROP TABLE user_profiles;
