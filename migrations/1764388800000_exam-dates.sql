-- Up Migration
-- Exam readiness (issue 12, item 4): each person's exam date, per workspace (`/saa exam
-- YYYY-MM-DD`), a calendar date with no time zone: days left count in the person's Slack time zone.
CREATE TABLE exam_dates (
  team_id    text        NOT NULL,
  user_id    text        NOT NULL,
  exam_date  date        NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, user_id)
);

-- Accuracy per domain reads the person's cards alone (one index range scan, no log scan): each
-- card counts the answers that moved it and were right (rating Hard, Good or Easy; `reps` counts
-- them all). Kept by a trigger on the append-only log, in the transaction of each answer, so the
-- card's save path is unchanged.
ALTER TABLE study_cards ADD COLUMN correct_answers integer NOT NULL DEFAULT 0 CHECK (correct_answers >= 0);

UPDATE study_cards c
   SET correct_answers = r.correct
  FROM (SELECT team_id, user_id, question_id, count(*) FILTER (WHERE rating > 1)::int AS correct
          FROM study_card_reviews GROUP BY team_id, user_id, question_id) r
 WHERE c.team_id = r.team_id AND c.user_id = r.user_id AND c.question_id = r.question_id;

CREATE FUNCTION saa_count_correct_answer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.rating > 1 THEN
    UPDATE study_cards SET correct_answers = correct_answers + 1
     WHERE team_id = NEW.team_id AND user_id = NEW.user_id AND question_id = NEW.question_id;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER study_card_reviews_correct AFTER INSERT ON study_card_reviews
  FOR EACH ROW EXECUTE FUNCTION saa_count_correct_answer();

-- Down Migration
DROP TRIGGER study_card_reviews_correct ON study_card_reviews;
DROP FUNCTION saa_count_correct_answer();
ALTER TABLE study_cards DROP COLUMN correct_answers;
DROP TABLE exam_dates;
