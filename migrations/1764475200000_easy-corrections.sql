-- Up Migration
-- The optional "Easy" button after a right answer in /saa review (issue 12, item 1) re-rates that
-- answer as Easy. The log stays append-only: the correction is a new row of kind 'easy' (rating 4,
-- the card as it was before the answer, reviewed_at the answer's time), beside the answer's own
-- row of kind 'answer'. Corrections are not answers: daily limits and right-answer counts skip them.
ALTER TABLE study_card_reviews ADD COLUMN kind text NOT NULL DEFAULT 'answer'
  CHECK (kind IN ('answer', 'easy'));

CREATE OR REPLACE FUNCTION saa_count_correct_answer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.rating > 1 AND NEW.kind = 'answer' THEN
    UPDATE study_cards SET correct_answers = correct_answers + 1
     WHERE team_id = NEW.team_id AND user_id = NEW.user_id AND question_id = NEW.question_id;
  END IF;
  RETURN NULL;
END;
$$;

-- Down Migration
CREATE OR REPLACE FUNCTION saa_count_correct_answer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.rating > 1 THEN
    UPDATE study_cards SET correct_answers = correct_answers + 1
     WHERE team_id = NEW.team_id AND user_id = NEW.user_id AND question_id = NEW.question_id;
  END IF;
  RETURN NULL;
END;
$$;
ALTER TABLE study_card_reviews DROP COLUMN kind;
