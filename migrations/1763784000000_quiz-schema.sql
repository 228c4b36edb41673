-- Up Migration
-- Daily quiz and scores. Every table carries the Slack team_id: one database may serve several
-- workspaces, and no query may mix them. Times are timestamptz written by the application
-- (an injected clock), never now() defaults that tests cannot control.

CREATE TABLE channel_schedules (
  team_id    text        NOT NULL,
  channel_id text        NOT NULL,
  cron       text        NOT NULL,
  timezone   text        NOT NULL,
  enabled    boolean     NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, channel_id)
);

-- One row per channel and local day: the unique key is the claim that makes a daily post
-- exactly-once across processes; message_ts stays NULL until Slack accepted the post.
CREATE TABLE quiz_posts (
  id          bigserial   PRIMARY KEY,
  team_id     text        NOT NULL,
  channel_id  text        NOT NULL,
  local_date  date        NOT NULL,
  question_id text        NOT NULL,
  claimed_at  timestamptz NOT NULL,
  claimed_by  text        NOT NULL,
  message_ts  text,
  posted_at   timestamptz,
  revealed_at timestamptz,
  UNIQUE (team_id, channel_id, local_date)
);

CREATE INDEX quiz_posts_message ON quiz_posts (channel_id, message_ts) WHERE message_ts IS NOT NULL;
CREATE INDEX quiz_posts_unrevealed ON quiz_posts (posted_at) WHERE message_ts IS NOT NULL AND revealed_at IS NULL;

-- The primary key makes a click count once, whatever Slack retries or double clicks do.
CREATE TABLE quiz_answers (
  quiz_id     bigint      NOT NULL REFERENCES quiz_posts (id),
  team_id     text        NOT NULL,
  user_id     text        NOT NULL,
  choice      text        NOT NULL,
  correct     boolean     NOT NULL,
  points      integer     NOT NULL,
  answered_at timestamptz NOT NULL,
  PRIMARY KEY (quiz_id, user_id)
);

-- Leaderboard over a period; the channel filter goes through quiz_posts' unique key
-- (team_id, channel_id, …) and then this table's primary key (quiz_id, …).
CREATE INDEX quiz_answers_team_time ON quiz_answers (team_id, answered_at);

CREATE TABLE practice_answers (
  id          bigserial   PRIMARY KEY,
  team_id     text        NOT NULL,
  user_id     text        NOT NULL,
  question_id text        NOT NULL,
  choice      text        NOT NULL,
  correct     boolean     NOT NULL,
  answered_at timestamptz NOT NULL
);

CREATE INDEX practice_answers_team_user_time ON practice_answers (team_id, user_id, answered_at);

-- Down Migration

DROP TABLE practice_answers;
DROP TABLE quiz_answers;
DROP TABLE quiz_posts;
DROP TABLE channel_schedules;
