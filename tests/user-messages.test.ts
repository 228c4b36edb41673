import { describe, expect, it } from 'vitest';
import * as messages from '../src/user-messages.ts';

/** The exact wording people see today: a change here is a change users notice. */
const WORDING: Array<[keyof typeof messages, string]> = [
  ['COMMAND_FAILED_TEXT', 'Something went wrong on my side; please try again in a minute.'],
  ['MESSAGE_FAILED_TEXT', 'Something went wrong on my side; please ask again in a minute.'],
  ['REPORT_FORM_FAILED_TEXT', 'I could not open the report form: try again in a moment.'],
  ['PRACTICE_UNAVAILABLE', 'I could not pick a practice question right now; try `/saa quiz` in a minute.'],
  [
    'SCORES_UNAVAILABLE',
    'Scores are unavailable right now, your answer was not recorded: try again in a minute.',
  ],
  [
    'SCORES_READ_UNAVAILABLE',
    'Scores are unavailable right now (the database is not answering). Try again in a minute.',
  ],
  [
    'SETTINGS_UNAVAILABLE',
    'Quiz settings are unavailable right now (the database is not answering). Try again in a minute.',
  ],
  [
    'STATS_UNAVAILABLE',
    'Stats are unavailable right now (the database is not answering). Try again in a minute.',
  ],
  [
    'REVIEWS_UNAVAILABLE',
    'Reviews are unavailable right now (the database is not answering): try `/saa review` again in a minute.',
  ],
  [
    'REVIEWS_READ_UNAVAILABLE',
    'Reviews are unavailable right now (the database is not answering). Try again in a minute.',
  ],
  ['HOME_UNAVAILABLE_TEXT', 'Scores are unavailable right now; open this tab again in a minute.'],
  ['FEEDBACK_NOT_SAVED', 'Your feedback could not be saved right now: try again in a minute.'],
  ['REPORT_NOT_SAVED', 'The report could not be saved right now: try again in a minute.'],
  ['REASON_NOT_SAVED', 'This could not be saved right now: try again in a minute.'],
  ['NOTHING_DELETED', 'Nothing was deleted: the database is not answering. Try again in a minute.'],
  ['RATING_NOT_SAVED', 'That 👎 was changed or not saved: click it again.'],
  ['QUIZ_NEEDS_DATABASE', 'The quiz and scores need the bot’s database, which this instance does not have.'],
  ['REVIEWS_NEED_DATABASE', 'Reviews need the bot’s database, which this instance does not have.'],
  ['REVIEWS_NOT_SET_UP', 'Reviews are not set up here.'],
  ['BANK_EMPTY', 'The question bank is empty: add questions to QUESTIONS_DIR.'],
];

const byName: Record<string, unknown> = { ...messages };

describe('user messages', () => {
  it.each(WORDING)('%s reads as it always has', (name, text) => {
    expect(byName[name]).toBe(text);
  });

  it('lists every message', () => {
    expect(Object.keys(byName).sort()).toEqual(WORDING.map(([name]) => name).sort());
  });
});
