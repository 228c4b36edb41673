/**
 * Values with units in notes text: the kind and the size in a base unit decide which values can be
 * wrong options for each other.
 */

import { describe, expect, it } from 'vitest';
import { unitValues } from '../../src/question-drafting/unit-values.ts';

const found = (text: string) => unitValues(text).map((v) => [v.text, v.kind, v.base]);

describe('unitValues', () => {
  it('reads sizes, durations, IOPS, throughput and percentages with their base amount', () => {
    expect(found('Max size 16 TiB, 64,000 IOPS and 1,000 MiB/s')).toEqual([
      ['16 TiB', 'size', 16 * 1024 ** 4],
      ['64,000 IOPS', 'iops', 64_000],
      ['1,000 MiB/s', 'throughput', 1000 * 1024 ** 2],
    ]);
    expect(found('kept 24 hours, up to 15 min; 99.99% available; 10K IOPS; 5GB')).toEqual([
      ['24 hours', 'duration', 86_400],
      ['15 min', 'duration', 900],
      ['99.99%', 'percent', 99.99],
      ['10K IOPS', 'iops', 10_000],
      ['5GB', 'size', 5e9],
    ]);
  });

  it('ignores bare numbers, prices, versions and words that merely start like a unit', () => {
    expect(found('version 2.0 costs $0.023 per GB, 3 AZs, 12 monitors, 4 daysago')).toEqual([]);
  });

  it('does not read a compound unit such as GB-seconds as a size', () => {
    expect(found('free tier: 400,000GB-sec per month, then 10 GB')).toEqual([['10 GB', 'size', 1e10]]);
  });

  it('gives equal amounts in different units the same base', () => {
    const [a, b] = unitValues('60 minutes or 1 hour');
    expect(a?.base).toBe(b?.base);
  });
});
