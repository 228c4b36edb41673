/**
 * Leaderboard periods in a time zone: a week starts Monday 00:00 local, a month on the 1st at
 * 00:00 local, whatever the UTC offset or a DST change in between; "all" has no start.
 */

import { describe, expect, it } from 'vitest';
import { periodRange } from '../../src/quiz/periods.ts';

const since = (period: 'week' | 'month', now: string, timeZone: string) =>
  periodRange(period, new Date(now), timeZone).since?.toISOString();

/** True when an answer at `at` falls in the period containing `now`. */
const inPeriod = (period: 'week' | 'month', at: string, now: string, timeZone: string) => {
  const r = periodRange(period, new Date(now), timeZone);
  const t = new Date(at).getTime();
  return t >= (r.since?.getTime() ?? Number.NEGATIVE_INFINITY) && t < r.until.getTime() + 1;
};

describe('week', () => {
  it.each([
    // [zone, now (UTC), expected start (UTC), what it is locally]
    ['Europe/Paris', '2025-03-12T10:00:00Z', '2025-03-09T23:00:00.000Z', 'Mon 10 Mar 00:00 CET'],
    ['America/Los_Angeles', '2025-11-05T20:00:00Z', '2025-11-03T08:00:00.000Z', 'Mon 3 Nov 00:00 PST'],
    ['Asia/Kolkata', '2025-11-05T20:00:00Z', '2025-11-02T18:30:00.000Z', 'Mon 3 Nov 00:00 IST'],
    ['Pacific/Auckland', '2025-11-02T12:00:00Z', '2025-11-02T11:00:00.000Z', 'Mon 3 Nov 00:00 NZDT'],
    ['UTC', '2025-11-05T20:00:00Z', '2025-11-03T00:00:00.000Z', 'Mon 3 Nov 00:00 UTC'],
  ])('in %s starts Monday 00:00 local (now %s → %s, %s)', (timeZone, now, expected) => {
    expect(since('week', now, timeZone)).toBe(expected);
  });

  it.each([
    // Sunday 23:30 local and Monday 00:10 local, the second read at Monday 10:00 local.
    ['Europe/Paris', '2025-03-16T22:30:00Z', '2025-03-16T23:10:00Z', '2025-03-17T09:00:00Z'],
    ['America/Los_Angeles', '2025-11-10T07:30:00Z', '2025-11-10T08:10:00Z', '2025-11-10T18:00:00Z'],
    ['Asia/Kolkata', '2025-11-09T18:00:00Z', '2025-11-09T18:40:00Z', '2025-11-10T04:30:00Z'],
  ])(
    'in %s, Sunday 23:30 local belongs to the old week and Monday 00:10 to the new one',
    (timeZone, sunday, monday, mondayLater) => {
      expect(inPeriod('week', sunday, mondayLater, timeZone)).toBe(false);
      expect(inPeriod('week', monday, mondayLater, timeZone)).toBe(true);
      // Read on the Sunday itself, the Sunday answer is in the current week.
      expect(inPeriod('week', sunday, sunday, timeZone)).toBe(true);
    },
  );

  it('is not fooled by UTC: Sunday 23:30 in Los Angeles is Monday in UTC', () => {
    const sundayLate = '2025-11-10T07:30:00Z';
    const mondayLater = '2025-11-10T18:00:00Z';
    expect(inPeriod('week', sundayLate, mondayLater, 'UTC')).toBe(true);
    expect(inPeriod('week', sundayLate, mondayLater, 'America/Los_Angeles')).toBe(false);
  });

  it.each([
    // The week holding Paris's spring-forward Sunday (30 Mar 2025) starts at CET, the next at CEST.
    ['Europe/Paris', '2025-03-30T21:30:00Z', '2025-03-23T23:00:00.000Z'],
    ['Europe/Paris', '2025-03-30T22:10:00Z', '2025-03-30T22:00:00.000Z'],
    // Fall back (26 Oct 2025): the week holding it starts at CEST, the next at CET.
    ['Europe/Paris', '2025-10-26T22:30:00Z', '2025-10-19T22:00:00.000Z'],
    ['Europe/Paris', '2025-10-26T23:10:00Z', '2025-10-26T23:00:00.000Z'],
    // Los Angeles falls back on 2 Nov 2025: Sunday 23:30 PST is still the week that began at PDT.
    ['America/Los_Angeles', '2025-11-03T07:30:00Z', '2025-10-27T07:00:00.000Z'],
    ['America/Los_Angeles', '2025-11-03T08:10:00Z', '2025-11-03T08:00:00.000Z'],
  ])('across a DST change in %s (now %s) starts at %s', (timeZone, now, expected) => {
    expect(since('week', now, timeZone)).toBe(expected);
  });
});

describe('month', () => {
  it.each([
    // [zone, now, expected start]: the 1st at 00:00 local, on the far side of a DST change.
    ['Europe/Paris', '2025-04-15T10:00:00Z', '2025-03-31T22:00:00.000Z'], // 1 Apr 00:00 CEST
    ['Europe/Paris', '2025-03-31T21:30:00Z', '2025-02-28T23:00:00.000Z'], // 1 Mar 00:00 CET (now 31 Mar 23:30 CEST)
    ['Europe/Paris', '2025-11-20T10:00:00Z', '2025-10-31T23:00:00.000Z'], // 1 Nov 00:00 CET
    ['America/Los_Angeles', '2025-11-20T10:00:00Z', '2025-11-01T07:00:00.000Z'], // 1 Nov 00:00 PDT
    ['America/Los_Angeles', '2025-03-20T10:00:00Z', '2025-03-01T08:00:00.000Z'], // 1 Mar 00:00 PST
    ['Asia/Kolkata', '2025-11-30T19:00:00Z', '2025-11-30T18:30:00.000Z'], // already 1 Dec in Kolkata
    ['Asia/Kolkata', '2025-11-30T18:00:00Z', '2025-10-31T18:30:00.000Z'], // still 30 Nov 23:30 IST
  ])('in %s (now %s) starts on the 1st at 00:00 local: %s', (timeZone, now, expected) => {
    expect(since('month', now, timeZone)).toBe(expected);
  });
});

describe('all', () => {
  it('has no start and ends now', () => {
    const now = new Date('2025-11-05T20:00:00Z');
    const r = periodRange('all', now, 'Europe/Paris');
    expect(r.since).toBeUndefined();
    expect(r.until).toEqual(now);
  });
});

describe('until', () => {
  it('is now for week and month', () => {
    const now = new Date('2025-11-05T20:00:00Z');
    expect(periodRange('week', now, 'Asia/Kolkata').until).toEqual(now);
    expect(periodRange('month', now, 'Asia/Kolkata').until).toEqual(now);
  });
});
