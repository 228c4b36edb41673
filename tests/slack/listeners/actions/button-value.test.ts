/** Reading an answer click: the option a button carries, or the boxes ticked before Submit. */

import { describe, expect, it } from 'vitest';
import { clickedAnswer, tickedChoice } from '../../../../src/slack/listeners/actions/button-value.ts';
import {
  decodeDailyOption,
  decodeDailySubmit,
  encodeDailyOption,
  encodeDailySubmit,
} from '../../../../src/slack/views/button-payloads.ts';
import { DAILY_PICK_ACTION, DAILY_SUBMIT_ACTION } from '../../../../src/slack/views/quiz-blocks.ts';

const DAILY = {
  submitAction: DAILY_SUBMIT_ACTION,
  pickAction: DAILY_PICK_ACTION,
  decodeSubmit: decodeDailySubmit,
  decodeOption: decodeDailyOption,
};

/** A block_actions `state` with these option letters ticked in the daily checkboxes. */
const ticked = (...letters: string[]) => ({
  values: { q1: { [DAILY_PICK_ACTION]: { selected_options: letters.map((value) => ({ value })) } } },
});

describe('clickedAnswer', () => {
  it('reads an option button as the letter it carries', () => {
    const action = { action_id: 'daily_option_B', value: encodeDailyOption({ quizId: 7, choice: 'B' }) };
    expect(clickedAnswer(action, ticked('A', 'C'), DAILY)).toEqual({
      value: { quizId: 7, choice: 'B' },
      choice: 'B',
    });
  });

  it('reads Submit as the boxes ticked, in letter order', () => {
    const action = { action_id: DAILY_SUBMIT_ACTION, value: encodeDailySubmit({ quizId: 7 }) };
    expect(clickedAnswer(action, ticked('D', 'A'), DAILY)).toEqual({ value: { quizId: 7 }, choice: 'A,D' });
    expect(clickedAnswer(action, undefined, DAILY)).toEqual({ value: { quizId: 7 }, choice: '' });
  });

  it('gives no value and no choice for a payload our buttons never carry', () => {
    expect(clickedAnswer({ action_id: 'daily_option_A', value: 'DROP TABLE' }, undefined, DAILY)).toEqual({
      value: null,
      choice: '',
    });
  });
});

describe('tickedChoice', () => {
  it('drops letters outside A–E and repeats', () => {
    expect(tickedChoice(ticked('E', 'Z', 'B', 'B'), DAILY_PICK_ACTION)).toBe('B,E');
  });
});
