-- Up Migration
-- Review reminders (issue 12, item 3): one opt-in row per workspace and person. A DM at
-- `minute_of_day` (0–1439, local time) in the person's Slack time zone (`timezone` as seen at
-- opt-in; the user_profiles cache overrides it when it knows a newer one) on days with cards due.
-- `last_local_date` is the local date of the last reminder, claimed before sending: the
-- conditional UPDATE on it makes a reminder at most once per local day across processes.
-- `dm_channel_id` is the person's DM with the bot, kept so conversations.open is called once.
CREATE TABLE review_reminders (
  team_id         text        NOT NULL,
  user_id         text        NOT NULL,
  enabled         boolean     NOT NULL,
  minute_of_day   smallint    NOT NULL CHECK (minute_of_day BETWEEN 0 AND 1439),
  timezone        text        NOT NULL,
  last_local_date date,
  claimed_at      timestamptz,
  dm_channel_id   text,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (team_id, user_id)
);
-- The minute sweep reads the people who opted in.
CREATE INDEX review_reminders_enabled ON review_reminders (team_id, user_id) WHERE enabled;

-- Down Migration
DROP TABLE review_reminders;
