/**
 * Everyday synonyms from WordNet: a question word the notes never use also searches the notes'
 * word for its most frequent sense ("straight" → "directly"), and only then.
 */

import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/knowledge/parse-note.ts';
import { buildIndex } from '../../src/retrieval/build-index.ts';
import { SearchIndex } from '../../src/retrieval/search-index.ts';
import { wordnetSynonyms } from '../../src/retrieval/wordnet-synonyms.ts';

const NOTES = [
  '# Uploads',
  '## Through the app servers',
  '- Mobile clients upload photos via the app servers',
  '## Presigned access',
  '- Mobile clients can upload photos directly, using temporary credentials',
].join('\n');

const passages = parseNote('uploads.md', NOTES).passages.map((p, id) => ({ ...p, id }));
const index = new SearchIndex(buildIndex(passages), passages);

describe('wordnetSynonyms', () => {
  it.each([
    ['straight', 'directly'],
    ['barely', 'hardly'],
    ['hammering', 'pound'],
  ])('gives %j the lemmas of its most frequent sense, such as %j', (word, synonym) => {
    expect(wordnetSynonyms(word)).toContain(synonym);
  });

  it('leaves out rarer senses ("block" is not "embarrass") and the word itself', () => {
    expect(wordnetSynonyms('block')).not.toContain('embarrass');
    expect(wordnetSynonyms('straight')).not.toContain('straight');
  });

  it.each(['kubernetes', 'xqzv', '', '🙂', 'a_b'])('gives [] for a word WordNet lacks: %j', (word) => {
    expect(wordnetSynonyms(word)).toEqual([]);
  });
});

describe('a question in words the notes never use', () => {
  it('"upload straight into the bucket" finds the notes\' "directly"', () => {
    const q = index.analyze('can mobile clients upload photos straight into the bucket');
    expect(q.expandedFrom.directli).toEqual(['straight']);
    expect(
      index.search('can mobile clients upload photos straight into the bucket')[0]?.passage.text,
    ).toMatch(/directly/);
  });

  it('adds no synonym for a word the notes use ("upload" stays "upload")', () => {
    expect(index.analyze('upload photos').expansionGroups).toEqual([]);
  });
});
