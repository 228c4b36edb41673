/**
 * currentStreak (pure): quiz days in a row answered correctly, counted on the person's local
 * dates, where only days with a quiz exist (weekends of a weekday schedule do not break it) and an
 * open, unanswered latest quiz neither counts nor breaks it.
 */

import { describe, expect, it } from 'vitest';
import type { QuizDay } from '../../src/scores/ports.ts';
import { currentStreak } from '../../src/scores/streak.ts';

/** A quiz posted at `postedAt` (UTC), answered `correct` (null: not answered); closed unless `open`. */
const q = (postedAt: string, correct: boolean | null, open = false): QuizDay => ({
  postedAt: new Date(postedAt),
  correct,
  revealed: !open,
});

describe('currentStreak in UTC', () => {
  const now = '2025-03-07T20:00:00Z'; // Friday evening
  it.each<[string, QuizDay[], number]>([
    ['no quiz at all', [], 0],
    [
      'three consecutive correct quiz days',
      [q('2025-03-05T09:00:00Z', true), q('2025-03-06T09:00:00Z', true), q('2025-03-07T09:00:00Z', true)],
      3,
    ],
    [
      'a wrong day breaks it',
      [
        q('2025-03-04T09:00:00Z', true),
        q('2025-03-05T09:00:00Z', false),
        q('2025-03-06T09:00:00Z', true),
        q('2025-03-07T09:00:00Z', true),
      ],
      2,
    ],
    [
      'a missed (closed, unanswered) day breaks it',
      [q('2025-03-05T09:00:00Z', true), q('2025-03-06T09:00:00Z', null), q('2025-03-07T09:00:00Z', true)],
      1,
    ],
    [
      'the latest closed quiz wrong: 0',
      [q('2025-03-06T09:00:00Z', true), q('2025-03-07T09:00:00Z', false)],
      0,
    ],
    [
      'the latest closed quiz missed: 0',
      [q('2025-03-06T09:00:00Z', true), q('2025-03-07T09:00:00Z', null)],
      0,
    ],
    [
      "today's open, unanswered quiz neither counts nor breaks it",
      [
        q('2025-03-05T09:00:00Z', true),
        q('2025-03-06T09:00:00Z', true),
        q('2025-03-07T09:00:00Z', null, true),
      ],
      2,
    ],
    [
      "today's open quiz answered correctly counts",
      [
        q('2025-03-05T09:00:00Z', true),
        q('2025-03-06T09:00:00Z', true),
        q('2025-03-07T09:00:00Z', true, true),
      ],
      3,
    ],
    [
      "today's open quiz answered wrongly breaks it",
      [q('2025-03-06T09:00:00Z', true), q('2025-03-07T09:00:00Z', false, true)],
      0,
    ],
    [
      "a missed day before today's open quiz still breaks it",
      [
        q('2025-03-05T09:00:00Z', true),
        q('2025-03-06T09:00:00Z', null),
        q('2025-03-07T09:00:00Z', null, true),
      ],
      0,
    ],
    [
      'two quizzes on one day (two channels) count once',
      [q('2025-03-06T09:00:00Z', true), q('2025-03-07T09:00:00Z', true), q('2025-03-07T14:00:00Z', true)],
      2,
    ],
    [
      'of two quizzes on one day, one correct is enough (the other channel was skipped)',
      [q('2025-03-06T09:00:00Z', true), q('2025-03-07T09:00:00Z', null), q('2025-03-07T14:00:00Z', true)],
      2,
    ],
  ])('%s → %i', (_name, days, expected) => {
    expect(currentStreak(days, 'UTC', new Date(now))).toBe(expected);
  });

  it('does not depend on the order the days come in', () => {
    const days = [
      q('2025-03-07T09:00:00Z', true),
      q('2025-03-05T09:00:00Z', false),
      q('2025-03-06T09:00:00Z', true),
    ];
    expect(currentStreak(days, 'UTC', new Date(now))).toBe(2);
  });
});

describe('currentStreak with a weekday-only schedule', () => {
  it('carries over the weekend: Friday correct, Monday correct → 2', () => {
    const days = [q('2025-03-07T09:00:00Z', true), q('2025-03-10T09:00:00Z', true)];
    expect(currentStreak(days, 'UTC', new Date('2025-03-10T12:00:00Z'))).toBe(2);
  });

  it("keeps Friday's streak over the weekend and on Monday morning before Monday's quiz is answered", () => {
    const days = [q('2025-03-06T09:00:00Z', true), q('2025-03-07T09:00:00Z', true)];
    expect(currentStreak(days, 'UTC', new Date('2025-03-09T12:00:00Z'))).toBe(2);
    const monday = [...days, q('2025-03-10T09:00:00Z', null, true)];
    expect(currentStreak(monday, 'UTC', new Date('2025-03-10T09:30:00Z'))).toBe(2);
  });
});

describe('currentStreak across DST (Europe/Paris)', () => {
  it('counts every local day around the spring-forward Sunday (30 Mar 2025)', () => {
    // A daily 09:00 Paris quiz: 08:00Z in CET, 07:00Z in CEST.
    const days = [
      q('2025-03-28T08:00:00Z', true),
      q('2025-03-29T08:00:00Z', true),
      q('2025-03-30T07:00:00Z', true),
      q('2025-03-31T07:00:00Z', true),
    ];
    expect(currentStreak(days, 'Europe/Paris', new Date('2025-03-31T12:00:00Z'))).toBe(4);
  });

  it('counts every local day around the fall-back Sunday (26 Oct 2025), with quizzes at 00:30 local', () => {
    // 00:30 Paris is 22:30Z the day before in CEST, 23:30Z the day before in CET.
    const days = [
      q('2025-10-24T22:30:00Z', true), // Sat 25 Oct 00:30 CEST
      q('2025-10-25T22:30:00Z', true), // Sun 26 Oct 00:30 CEST
      q('2025-10-26T23:30:00Z', true), // Mon 27 Oct 00:30 CET
      q('2025-10-27T23:30:00Z', null, true), // Tue 28 Oct 00:30 CET, open
    ];
    expect(currentStreak(days, 'Europe/Paris', new Date('2025-10-28T06:00:00Z'))).toBe(3);
  });

  it('puts a quiz at 23:30 local on its local date, not the UTC one, on the DST Sunday', () => {
    // Sun 30 Mar 23:30 CEST = 21:30Z; Mon 31 Mar 23:30 CEST = 21:30Z: two local days, one each.
    const days = [q('2025-03-30T21:30:00Z', true), q('2025-03-31T21:30:00Z', true)];
    expect(currentStreak(days, 'Europe/Paris', new Date('2025-03-31T22:00:00Z'))).toBe(2);
  });
});

describe('currentStreak east of UTC', () => {
  // A channel in UTC+9 posts at 08:30 Tokyo = 23:30Z the day before.
  const tokyo = [
    q('2025-03-02T23:30:00Z', true), // Mon 3 Mar JST
    q('2025-03-03T23:30:00Z', true), // Tue 4 Mar JST
    q('2025-03-04T23:30:00Z', true), // Wed 5 Mar JST
  ];

  it('counts a quiz posted at 23:30 UTC on the next local day', () => {
    expect(currentStreak(tokyo, 'Asia/Tokyo', new Date('2025-03-05T03:00:00Z'))).toBe(3);
  });

  it('counts a local day once even when its quizzes fall on two UTC dates', () => {
    // Tue 4 Mar 08:30 JST (3 Mar 23:30Z) and Tue 4 Mar 19:00 JST (4 Mar 10:00Z): one local day.
    const days = [...tokyo, q('2025-03-04T10:00:00Z', true)];
    expect(currentStreak(days, 'Asia/Tokyo', new Date('2025-03-05T03:00:00Z'))).toBe(3);
  });

  it("treats today's open quiz (posted yesterday in UTC) as today's", () => {
    const days = [...tokyo, q('2025-03-05T23:30:00Z', null, true)]; // Thu 6 Mar 08:30 JST
    expect(currentStreak(days, 'Asia/Tokyo', new Date('2025-03-05T23:45:00Z'))).toBe(3);
  });

  it('in Pacific/Auckland (UTC+13) too', () => {
    const days = [
      q('2025-11-02T20:00:00Z', true), // Mon 3 Nov 09:00 NZDT
      q('2025-11-03T20:00:00Z', true), // Tue 4 Nov
      q('2025-11-04T20:00:00Z', null, true), // Wed 5 Nov, open
    ];
    expect(currentStreak(days, 'Pacific/Auckland', new Date('2025-11-04T21:00:00Z'))).toBe(2);
  });

  it('does not break on the latest quiz while it is open, even after local midnight', () => {
    // A UTC channel posts at 09:00Z = 18:00 JST; at 16:00Z it is already 01:00 the next day in
    // Tokyo and the quiz is still open (revealed 8 h after posting): it can still be answered.
    const days = [
      q('2025-03-03T09:00:00Z', true),
      q('2025-03-04T09:00:00Z', true),
      q('2025-03-05T09:00:00Z', null, true),
    ];
    expect(currentStreak(days, 'Asia/Tokyo', new Date('2025-03-05T16:00:00Z'))).toBe(2);
    // Once revealed, unanswered, it breaks the streak.
    const closed = [...days.slice(0, 2), q('2025-03-05T09:00:00Z', null)];
    expect(currentStreak(closed, 'Asia/Tokyo', new Date('2025-03-05T18:00:00Z'))).toBe(0);
  });
});

describe('currentStreak west of UTC', () => {
  it('does not break on the latest open quiz posted late yesterday local (America/Los_Angeles)', () => {
    // A UTC channel posts at 06:00Z = 22:00 PST the day before; at 08:30Z it is 00:30 PST.
    const days = [
      q('2025-03-03T06:00:00Z', true),
      q('2025-03-04T06:00:00Z', true),
      q('2025-03-05T06:00:00Z', null, true),
    ];
    expect(currentStreak(days, 'America/Los_Angeles', new Date('2025-03-05T08:30:00Z'))).toBe(2);
  });

  it('still breaks on an older open quiz that was never revealed', () => {
    const days = [
      q('2025-03-03T06:00:00Z', true),
      q('2025-03-04T06:00:00Z', null, true),
      q('2025-03-05T06:00:00Z', true),
    ];
    expect(currentStreak(days, 'America/Los_Angeles', new Date('2025-03-05T08:30:00Z'))).toBe(1);
  });
});
