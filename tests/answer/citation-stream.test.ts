/**
 * Citations in a streamed reply: text is released as soon as it cannot be part of a marker, a
 * marker split across pieces is put back together, markers of passages the model was not given
 * never appear (not even for a moment), the rest are renumbered in order of first citation, a
 * literal bracket passes through, and reasoning blocks stay hidden.
 */

import { describe, expect, it } from 'vitest';
import { CitationStream } from '../../src/answer/citation-stream.ts';
import type { PromptPassage } from '../../src/answer/llm-prompt.ts';
import type { Passage } from '../../src/knowledge/note-types.ts';

const passage = (id: number, heading: string): PromptPassage => ({
  id,
  passage: {
    id,
    file: 'notes.md',
    topic: [],
    headingPath: ['Notes', heading],
    line: id * 10,
    kind: 'list',
    items: [{ text: heading, depth: 0, line: id * 10 }],
    text: heading,
  } as Passage,
});
const GIVEN = [passage(1, 'DAX'), passage(2, 'ElastiCache'), passage(3, 'DAX')];

function run(pieces: string[]) {
  const s = new CitationStream(GIVEN);
  const shown = pieces.map((p) => s.push(p));
  shown.push(s.end());
  return { s, shown };
}

describe('CitationStream', () => {
  it('holds a split marker back until it is complete, then shows it', () => {
    const { s, shown } = run(['DAX is a cache [', '1', '] for DynamoDB.']);
    expect(shown).toEqual(['DAX is a cache ', '', '[1] for DynamoDB.', '']);
    expect(s.text).toBe('DAX is a cache [1] for DynamoDB.');
  });

  it('never shows a marker of a passage the model was not given, and renumbers the rest by first citation', () => {
    const { s, shown } = run(['ElastiCache is general [2]. DAX [7] is for DynamoDB [1', ', 3].']);
    expect(shown.join('')).toBe('ElastiCache is general [1]. DAX  is for DynamoDB [2].');
    expect(shown.some((t) => t.includes('7'))).toBe(false);
    expect(s.dropped).toEqual([7]);
    expect(s.sources.map((x) => x.heading)).toEqual(['Notes > ElastiCache', 'Notes > DAX']);
  });

  it('lets a literal bracket through and hides reasoning', () => {
    const { s } = run(['<think>maybe [5]</think>Use [brackets] sparingly [1', '].']);
    expect(s.text).toBe('Use [brackets] sparingly [1].');
    expect(s.dropped).toEqual([]);
  });
});
