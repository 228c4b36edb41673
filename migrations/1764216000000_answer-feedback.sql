-- Up Migration
-- 👍/👎 under an answer (/saa, shared answers): one row per person and answer in a workspace,
-- replaced when the person changes their mind. `answer_key` is a SHA-256 (hex) of the question
-- and the answer text, so two people's feedback on the same answer groups together. A 👎 may
-- carry a reason (the form's choices) and a comment.
CREATE TABLE answer_feedback (
  team_id     text        NOT NULL,
  user_id     text        NOT NULL,
  answer_key  text        NOT NULL,
  question    text        NOT NULL,
  answer      text        NOT NULL,
  sources     jsonb       NOT NULL DEFAULT '[]',
  mode        text        NOT NULL CHECK (mode IN ('extractive', 'llm')),
  rating      text        NOT NULL CHECK (rating IN ('up', 'down')),
  reason      text        CHECK (reason IN ('wrong', 'not_in_notes', 'too_long')),
  comment     text        NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (team_id, user_id, answer_key)
);
CREATE INDEX answer_feedback_updated ON answer_feedback (updated_at);

-- Down Migration
DROP TABLE answer_feedback;
