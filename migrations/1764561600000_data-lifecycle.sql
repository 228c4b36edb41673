-- Up Migration
-- Data lifecycle (issue 14, item 2). `/saa forget me` deletes one person's rows everywhere, and a
-- workspace that uninstalled the app is erased after a grace period, so the study-card review
-- log, append-only for everything else, must allow deletes made for that purpose: a transaction
-- that sets `saa.erase` to 'on' (SET LOCAL) may delete its rows; updates stay refused.
CREATE OR REPLACE FUNCTION saa_study_card_reviews_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('saa.erase', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'study_card_reviews is append-only (% refused)', TG_OP;
END;
$$;

-- Workspaces whose erasure is pending: the app was uninstalled (or its bot token revoked) at
-- `requested_at`; their data is deleted once the grace period has passed, unless the workspace
-- comes back first (any request from it cancels the erasure).
CREATE TABLE workspace_erasures (
  team_id      text        PRIMARY KEY,
  requested_at timestamptz NOT NULL,
  reason       text        NOT NULL CHECK (reason IN ('app_uninstalled', 'tokens_revoked'))
);

-- Down Migration
DROP TABLE workspace_erasures;
CREATE OR REPLACE FUNCTION saa_study_card_reviews_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'study_card_reviews is append-only (% refused)', TG_OP;
END;
$$;
