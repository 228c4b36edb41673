-- Up Migration
-- Spaced repetition (issue 12): one FSRS card per workspace, person and question, moved by every
-- answer (daily quiz, practice, /saa review). Columns are ts-fsrs 5.4's Card fields; `state` is
-- its State (0 New, 1 Learning, 2 Review, 3 Relearning); `last_rating` its Rating of the last
-- answer (1 Again … 4 Easy). `reps` counts the answers that moved the card: a save is
-- conditional on it, so one answer moves a card once.
CREATE TABLE study_cards (
  team_id        text             NOT NULL,
  user_id        text             NOT NULL,
  question_id    text             NOT NULL,
  due            timestamptz      NOT NULL,
  stability      double precision NOT NULL,
  difficulty     double precision NOT NULL,
  elapsed_days   integer          NOT NULL,
  scheduled_days integer          NOT NULL,
  learning_steps integer          NOT NULL,
  reps           integer          NOT NULL CHECK (reps > 0),
  lapses         integer          NOT NULL,
  state          smallint         NOT NULL CHECK (state BETWEEN 0 AND 3),
  last_review    timestamptz,
  last_rating    smallint         NOT NULL CHECK (last_rating BETWEEN 1 AND 4),
  PRIMARY KEY (team_id, user_id, question_id)
);
-- "The person's next due cards": an index range scan per person, earliest due first.
CREATE INDEX study_cards_due ON study_cards (team_id, user_id, due, question_id);

-- Every answer that moved a card, append-only: ts-fsrs's ReviewLog (the card as it was before
-- the answer) and where the answer came from. Daily limits of /saa review count its rows.
CREATE TABLE study_card_reviews (
  id                bigserial        PRIMARY KEY,
  team_id           text             NOT NULL,
  user_id           text             NOT NULL,
  question_id       text             NOT NULL,
  source            text             NOT NULL CHECK (source IN ('daily', 'practice', 'review')),
  rating            smallint         NOT NULL CHECK (rating BETWEEN 1 AND 4),
  state             smallint         NOT NULL CHECK (state BETWEEN 0 AND 3),
  due               timestamptz      NOT NULL,
  stability         double precision NOT NULL,
  difficulty        double precision NOT NULL,
  elapsed_days      integer          NOT NULL,
  last_elapsed_days integer          NOT NULL,
  scheduled_days    integer          NOT NULL,
  learning_steps    integer          NOT NULL,
  reviewed_at       timestamptz      NOT NULL
);
CREATE INDEX study_card_reviews_person ON study_card_reviews (team_id, user_id, reviewed_at);

CREATE FUNCTION saa_study_card_reviews_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'study_card_reviews is append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER study_card_reviews_append_only BEFORE UPDATE OR DELETE ON study_card_reviews
  FOR EACH ROW EXECUTE FUNCTION saa_study_card_reviews_append_only();

-- Down Migration
DROP TRIGGER study_card_reviews_append_only ON study_card_reviews;
DROP FUNCTION saa_study_card_reviews_append_only();
DROP TABLE study_card_reviews;
DROP TABLE study_cards;
