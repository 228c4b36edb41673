import { describe, expect, it } from 'vitest';
import {
  DISPLAY_SEPARATOR,
  formatHeadingPath,
  HEADING_SEPARATOR,
  sectionLabel,
  splitHeadingPath,
} from '../../src/knowledge/heading-path.ts';

describe('heading paths', () => {
  it('keeps the two separators question files and users already see', () => {
    expect(HEADING_SEPARATOR).toBe(' > ');
    expect(DISPLAY_SEPARATOR).toBe(' › ');
  });

  const FORMAT: Array<[string, string[], string | undefined, string]> = [
    [
      'stored form by default',
      ['AWS Lambda', 'Limits: execution'],
      undefined,
      'AWS Lambda > Limits: execution',
    ],
    [
      'shown form when told',
      ['lambda.md', 'AWS Lambda', 'Limits'],
      DISPLAY_SEPARATOR,
      'lambda.md › AWS Lambda › Limits',
    ],
    ['one level', ['EBS'], undefined, 'EBS'],
    ['no heading', [], undefined, ''],
  ];
  it.each(FORMAT)('formats: %s', (_, path, separator, text) => {
    expect(formatHeadingPath(path, separator)).toBe(text);
  });

  const SPLIT: Array<[string, string, string[]]> = [
    ['two levels', 'AWS Lambda > Limits', ['AWS Lambda', 'Limits']],
    ['a ">" without spaces stays in its heading', 'A>B > C', ['A>B', 'C']],
    ['empty heading', '', ['']],
  ];
  it.each(SPLIT)('splits: %s', (_, heading, path) => {
    expect(splitHeadingPath(heading)).toEqual(path);
    expect(formatHeadingPath(splitHeadingPath(heading))).toBe(heading);
  });

  it('labels a section as file › heading', () => {
    expect(sectionLabel('ebs.md', 'EBS > Volume types')).toBe('ebs.md › EBS > Volume types');
  });
});
