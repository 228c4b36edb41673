import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/retrieval/tokenize.ts';

/** Deterministic noise: mulberry32 seeded PRNG, so a failure reproduces. */
function noise(length: number, seed: number): string {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pool = 'abcXYZ019 :~^*+-"\'()[]{}\\/@#$%&|<>?!.,;`=_\u00e9\u4e2d\u{1F600}\u200b\t\n\r\u0000';
  const chars = [...pool];
  return Array.from({ length }, () => chars[Math.floor(next() * chars.length)]).join('');
}

describe('tokenize', () => {
  it.each<[string, string[]]>([
    // units glued to numbers are split and normalized
    ['10G', ['10', 'gb']],
    ['15mn', ['15', 'minute']],
    ['900s', ['900', 'second']],
    ['400KB', ['400', 'kb']],
    ['10GiB', ['10', 'gb']],
    ['24hrs', ['24', 'hour']],
    // the same units written apart, or spelled out
    ['15 min', ['15', 'minute']],
    ['15 minutes', ['15', 'minute']],
    ['900 seconds', ['900', 'second']],
    ['10 G', ['10', 'gb']],
    ['10 gigabytes', ['10', 'gb']],
    // "m" alone is ambiguous (metre, minute, million): left as it is
    ['5m', ['5', 'm']],
    ['5 m', ['5', 'm']],
    // thousands separators go, decimals stay
    ['1,000,000', ['1000000']],
    ['3,008 MB', ['3008', 'mb']],
    ['$0.20 per 1M', ['0.20', 'per', '1', 'm']],
    ['12,34', ['12', '34']],
    // AWS names
    ['Lambda@Edge', ['lambda', 'edge']],
    ['us-east-1', ['us', 'east', '1']],
    ['/tmp', ['tmp']],
    ['Node.js', ['node', 'js']],
    ['EC2 and S3', ['ec2', 'and', 's3']],
    ['ＬＡＭＢＤＡ', ['lambda']],
    ['café', ['café']],
    // emoji and lunr query syntax are not words
    ['🙂 lambda 🚀', ['lambda']],
    ['🙂🚀', []],
    ['foo:', ['foo']],
    ['title:lambda', ['title', 'lambda']],
    ['vpn~', ['vpn']],
    ['vpn~2', ['vpn', '2']],
    ['lambda^10', ['lambda', '10']],
    ['+dax -elasticache', ['dax', 'elasticache']],
    ['dyn*', ['dyn']],
    ['"quoted phrase"', ['quoted', 'phrase']],
    ["what's", ['what', 's']],
    ['^', []],
    ['-', []],
    ['', []],
    ['   \t\n', []],
  ])('%j → %j', (input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });

  it.each([
    ['15mn', '15 minutes', '15 min'],
    ['900s', '900 seconds', '900 sec'],
    ['10G', '10 GB', '10 gigabytes'],
  ])('%s, %s and %s give the same tokens', (a, b, c) => {
    expect(tokenize(b)).toEqual(tokenize(a));
    expect(tokenize(c)).toEqual(tokenize(a));
  });

  it.each([1, 2, 3])(
    'never throws on 5,000 random characters (seed %i), and gives only lowercase words',
    (seed) => {
      const tokens = tokenize(noise(5000, seed));
      for (const t of tokens) expect(t).toMatch(/^[\p{Ll}\p{Lo}\p{N}]+(\.\d+)?$/u);
    },
  );
});
