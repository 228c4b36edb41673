/**
 * A need a service is the textbook answer to, asked in other word order: the need's words
 * anywhere in the question still search for the service ("upload … far away" → S3 Transfer
 * Acceleration), and a question missing one of them does not.
 */

import { describe, expect, it } from 'vitest';
import { scatteredNeeds } from '../../src/retrieval/aws-vocabulary.ts';
import { stem } from '../../src/retrieval/stem.ts';
import { noteIndex } from '../helpers/note-index.ts';

const NOTES = [
  '# S3',
  '## Multipart upload',
  '- Upload big files in parts; recommended above 100 MB, required above 5 GB',
  '## Transfer Acceleration',
  '- Speeds up transfers to a bucket through CloudFront edge locations',
].join('\n');

const index = noteIndex('s3.md', NOTES);
const QUESTION = 'users upload big files to one bucket and it is slow for the far away ones';

describe('service needs asked in other word order', () => {
  it('finds the service whose need the question states out of order', () => {
    expect(index.search(QUESTION)[0]?.passage.headingPath).toEqual(['S3', 'Transfer Acceleration']);
  });

  it('needs every word of the need: "upload … far" alone is not "upload from far away"', () => {
    const stems = (text: string) => new Set(text.split(' ').map(stem));
    const found = (text: string) => scatteredNeeds(stems(text)).map((n) => n.from.join(' '));
    expect(found('away upload far')).toContain(['upload', 'far', 'away'].map(stem).join(' '));
    expect(found('upload far')).not.toContain(['upload', 'far', 'away'].map(stem).join(' '));
  });
});
