-- Up Migration
-- Questions drafted from a team's own notes (saa questions draft): kept as drafts, never asked
-- until approved. `team_id` '' means every workspace of this install (drafts made on the command
-- line); `question` is the validated question (src/quiz/question.ts) as JSON.
CREATE TABLE team_questions (
  id          text        PRIMARY KEY,
  team_id     text        NOT NULL DEFAULT '',
  status      text        NOT NULL CHECK (status IN ('draft', 'approved', 'rejected')),
  origin      text        NOT NULL CHECK (origin IN ('extractive', 'model')),
  question    jsonb       NOT NULL,
  created_at  timestamptz NOT NULL,
  reviewed_at timestamptz
);
CREATE INDEX team_questions_status ON team_questions (status, team_id);

-- "Report a problem" on a quiz reply: one open report per person and question in a workspace.
-- Two people's open reports take the question out of that workspace's rotation until it is
-- reviewed (saa questions approve / reject), which closes them.
CREATE TABLE question_reports (
  team_id     text        NOT NULL,
  question_id text        NOT NULL,
  user_id     text        NOT NULL,
  reason      text        NOT NULL CHECK (reason IN ('wrong_answer', 'unclear', 'outdated')),
  comment     text        NOT NULL DEFAULT '',
  reported_at timestamptz NOT NULL,
  resolved_at timestamptz,
  PRIMARY KEY (team_id, question_id, user_id)
);
CREATE INDEX question_reports_open ON question_reports (team_id, question_id) WHERE resolved_at IS NULL;

-- Down Migration
DROP TABLE question_reports;
DROP TABLE team_questions;
