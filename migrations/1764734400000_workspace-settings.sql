-- Up Migration
-- Per-workspace defaults (issue 14, item 1): the daily-quiz schedule and time zone a channel
-- gets when `/saa daily on` (or `saa quiz post`) says no time or zone. Unset columns (NULL) fall
-- back to QUIZ_SCHEDULE and QUIZ_TIMEZONE. Part of the workspace's data: erased with it.
CREATE TABLE workspace_settings (
  team_id        text        PRIMARY KEY,
  quiz_schedule  text,
  quiz_timezone text,
  updated_at     timestamptz NOT NULL
);

-- Down Migration
DROP TABLE workspace_settings;
