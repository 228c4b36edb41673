/**
 * Reading the model's reply: citations kept, renumbered to the sources shown, or dropped when
 * they name a passage that was not given; Slack escaping; length; what makes a reply unusable.
 */

import { describe, expect, it } from 'vitest';
import type { PromptPassage } from '../../src/answer/llm-prompt.ts';
import { clipWords, readReply, stripThinking } from '../../src/answer/llm-reply.ts';
import type { Passage } from '../../src/knowledge/note-types.ts';

function passage(id: number, file: string, heading: string[], line: number): Passage {
  return {
    id,
    file,
    topic: [],
    headingPath: heading,
    line,
    kind: 'paragraph',
    items: [],
    text: `text ${id}`,
  };
}

const given: PromptPassage[] = [
  { id: 1, passage: passage(10, 'lambda.md', ['AWS Lambda', 'Limits'], 51) },
  { id: 2, passage: passage(11, 'lambda.md', ['AWS Lambda', 'Limits'], 55) },
  { id: 3, passage: passage(40, 'dynamodb-advanced.md', ['DynamoDB advanced features', 'DAX'], 5) },
];

describe('readReply', () => {
  it.each([
    ['keeps a cited answer', 'Runs up to 15 minutes [1].', 'Runs up to 15 minutes [1].', ['lambda.md:51']],
    [
      'renumbers citations to the order of the sources',
      'DAX is a cache [3]. Lambda runs 15 minutes [1].',
      'DAX is a cache [1]. Lambda runs 15 minutes [2].',
      ['dynamodb-advanced.md:5', 'lambda.md:51'],
    ],
    [
      'shows two passages under one heading as one source',
      'A [1]. B [2].',
      'A [1]. B [1].',
      ['lambda.md:51'],
    ],
    ['splits a group citation', 'Both [1, 3].', 'Both [1][2].', ['lambda.md:51', 'dynamodb-advanced.md:5']],
    ['drops an id that was not given', 'Fact [1][7]. Other [9].', 'Fact [1]. Other.', ['lambda.md:51']],
    ['collapses a repeated citation', 'Fact [1][2].', 'Fact [1].', ['lambda.md:51']],
    [
      "keeps the text as written (escaping is the Slack view's job)",
      'Use <!channel> & R&D [1]',
      'Use <!channel> & R&D [1]',
      ['lambda.md:51'],
    ],
    [
      'turns Markdown bold and dashes into plain text',
      '- **DAX**: cache [3]',
      '• DAX: cache [1]',
      ['dynamodb-advanced.md:5'],
    ],
    [
      'drops a reasoning block',
      '<think>hmm [9]</think>\nCache [3].',
      'Cache [1].',
      ['dynamodb-advanced.md:5'],
    ],
  ])('%s', (_name, raw, text, sources) => {
    const r = readReply(raw, given);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe(text);
    expect(r.sources.map((s) => `${s.file}:${s.line}`)).toEqual(sources);
  });

  it('reports the dropped ids of a usable reply', () => {
    const r = readReply('Fact [1][7]. Other [9].', given);
    expect(r.dropped).toEqual([7, 9]);
  });

  it.each([
    ['an uncited answer', 'Lambda runs for 15 minutes.', /cited no passage/],
    ['only ids that were not given', 'Lambda runs for 15 minutes [4][12].', /not given \(\[4\], \[12\]\)/],
    ['the notes not covering it', "The notes don't cover this.", /do not cover/],
    ['an empty reply', '   ', /empty/],
    ['only a reasoning block', '<think>I should cite [1]', /empty/],
  ])('refuses %s', (_name, raw, reason) => {
    const r = readReply(raw, given);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('clipWords', () => {
  const words = (n: number, end = '') => Array.from({ length: n }, (_, i) => `w${i}`).join(' ') + end;

  it('leaves an answer within the tolerance alone', () => {
    const text = `${words(140)}.`;
    expect(clipWords(text, 120)).toBe(text);
  });

  it('cuts a long answer at its last sentence end within the limit, keeping its citations', () => {
    const text = `${words(100)} end. [1] ${words(100)} more.`;
    expect(clipWords(text, 120)).toBe(`${words(100)} end. [1]`);
  });

  it('cuts after the limit with an ellipsis when no sentence ends in the second half', () => {
    const out = clipWords(words(300), 120);
    expect(out.endsWith('w119…')).toBe(true);
  });

  it('does not count citations as words', () => {
    const text = Array.from({ length: 140 }, (_, i) => `w${i} [1]`).join(' ');
    expect(clipWords(text, 120)).toBe(text);
  });
});

describe('stripThinking', () => {
  it('removes closed and unclosed reasoning blocks', () => {
    expect(stripThinking('<think>a</think> B')).toBe('B');
    expect(stripThinking('A <think>unfinished')).toBe('A');
  });
});
