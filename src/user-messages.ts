/**
 * Every text a person is told when something they asked for cannot be done right now: the
 * database is not answering, a save did not happen, a step failed on our side, or this instance
 * runs without a database. One place, so the same situation reads the same on every surface and a
 * wording change is one edit (issue 10). Imports nothing: the use cases (`commands/`, `feedback/`)
 * and the adapters (`slack/`, `console/`) all take their words from here.
 *
 * House rule: a message says what happened and what to do ("try again in a minute"); the failure
 * itself is logged where it happens. Plain text with `code` spans, readable in Slack mrkdwn and in
 * a terminal alike, so no surface escapes or rewrites them. Tests pin the exact wording.
 */

// ── Something failed on our side (logged where it happened) ─────────────────────────────────

/** A `/saa` command that failed on our side, in the ack or through response_url. */
export const COMMAND_FAILED_TEXT = 'Something went wrong on my side; please try again in a minute.';
/** A question in the Messages tab or a mention that failed on our side: the person asked, so "ask". */
export const MESSAGE_FAILED_TEXT = 'Something went wrong on my side; please ask again in a minute.';
/** The 🚩 report button when Slack would not open the form (views.open failed). */
export const REPORT_FORM_FAILED_TEXT = 'I could not open the report form: try again in a moment.';
/** "Quiz me" on an answer when no practice question could be picked (the failure is logged). */
export const PRACTICE_UNAVAILABLE =
  'I could not pick a practice question right now; try `/saa quiz` in a minute.';

// ── The database is not answering (DatabaseUnavailableError) ───────────────────────────────

/** A daily-quiz or practice click: nothing was recorded, so clicking again is safe. */
export const SCORES_UNAVAILABLE =
  'Scores are unavailable right now, your answer was not recorded: try again in a minute.';
/** `/saa leaderboard` and `/saa stats`: nothing to show. */
export const SCORES_READ_UNAVAILABLE =
  'Scores are unavailable right now (the database is not answering). Try again in a minute.';
/** Every other `/saa` command that needs the database (daily, remind, exam, review…): nothing was changed. */
export const SETTINGS_UNAVAILABLE =
  'Quiz settings are unavailable right now (the database is not answering). Try again in a minute.';
/** "My weakest topic" in the Messages tab. */
export const STATS_UNAVAILABLE =
  'Stats are unavailable right now (the database is not answering). Try again in a minute.';
/** A review click (Again, Hard, Good, Easy): the review is asked for again with `/saa review`. */
export const REVIEWS_UNAVAILABLE =
  'Reviews are unavailable right now (the database is not answering): try `/saa review` again in a minute.';
/** "What's due for review?" in the Messages tab. */
export const REVIEWS_READ_UNAVAILABLE =
  'Reviews are unavailable right now (the database is not answering). Try again in a minute.';
/** The App Home tab while scores cannot be read. */
export const HOME_UNAVAILABLE_TEXT = 'Scores are unavailable right now; open this tab again in a minute.';
/** A 👍/👎 on an answer that could not be stored. */
export const FEEDBACK_NOT_SAVED = 'Your feedback could not be saved right now: try again in a minute.';
/** The report form's comment field when the report could not be stored. */
export const REPORT_NOT_SAVED = 'The report could not be saved right now: try again in a minute.';
/** The 👎 reason form's comment field when the reason could not be stored. */
export const REASON_NOT_SAVED = 'This could not be saved right now: try again in a minute.';
/** "Forget me" confirmed while the database is down: nothing was deleted. */
export const NOTHING_DELETED = 'Nothing was deleted: the database is not answering. Try again in a minute.';
/** A 👎 reason for a rating that changed or was never stored meanwhile. */
export const RATING_NOT_SAVED = 'That 👎 was changed or not saved: click it again.';

// ── This instance runs without a database (or without reviews) ─────────────────────────────

/** Quiz and score commands on an instance without `DATABASE_URL` or a data folder. */
export const QUIZ_NEEDS_DATABASE =
  'The quiz and scores need the bot’s database, which this instance does not have.';
/** `/saa review` on an instance without a database. */
export const REVIEWS_NEED_DATABASE = 'Reviews need the bot’s database, which this instance does not have.';
/** "What's due for review?" where spaced repetition is not wired in. */
export const REVIEWS_NOT_SET_UP = 'Reviews are not set up here.';
/** A quiz or practice question asked for while the bank has no question. */
export const BANK_EMPTY = 'The question bank is empty: add questions to QUESTIONS_DIR.';
