/** Exam dates: which texts are dates, the local today in a person's zone, days left, what is refused. */

import { describe, expect, it } from 'vitest';
import { checkExamDate, daysBetween, localDate, parseExamDate } from '../../src/exam-readiness/exam-date.ts';

describe('exam dates', () => {
  it.each([
    ['2026-12-20', '2026-12-20'],
    [' 2028-02-29 ', '2028-02-29'],
    ['2026-02-29', null],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['2026-1-5', null],
    ['20/12/2026', null],
    ['tomorrow', null],
    ['', null],
  ])('parses %j as %j', (text, expected) => {
    expect(parseExamDate(text)).toBe(expected);
  });

  it('knows the local date in the person’s zone', () => {
    const now = new Date('2026-12-01T23:30:00Z');
    expect(localDate(now, 'UTC')).toBe('2026-12-01');
    expect(localDate(now, 'Asia/Tokyo')).toBe('2026-12-02');
    expect(localDate(now, 'America/Los_Angeles')).toBe('2026-12-01');
  });

  it('counts days across a DST change and a year end', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-12-02', '2026-12-01')).toBe(-1);
  });

  it.each([
    ['2026-12-01', 'ok'],
    ['2026-11-30', 'past'],
    ['2028-11-30', 'ok'],
    ['2028-12-01', 'too-far'],
  ] as const)('from 2026-12-01, %s is %s', (date, verdict) => {
    expect(checkExamDate(date, '2026-12-01')).toBe(verdict);
  });
});
