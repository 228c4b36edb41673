/** Ranking quotable lines: a line's own words, its context, and the heading it sits under. */

import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose-answer.ts';
import { HAVE_SHARED_NOTES, loadIndexed, SHARED_NOTES } from '../retrieval/notes-corpora.ts';

describe.skipIf(!HAVE_SHARED_NOTES)(
  'lines under a heading that names what is asked (../shared/notes)',
  () => {
    it('shows the scale of each side for "cloudfront functions or lambda@edge" (lines under headings naming them)', async () => {
      const { index } = await loadIndexed(SHARED_NOTES);
      const answer = composeAnswer('cloudfront functions or lambda@edge', index);
      // The scale: CloudFront Functions take millions of requests a second, Lambda@Edge thousands,
      // said in the table row under "Lambda at CloudFront Edge" or in each side's own section.
      expect(answer.text).toMatch(/Millions\s+per\s+sec|millions\s+of\s+requests|Sub-ms/i);
      expect(answer.text).toMatch(/Thousands\s+per\s+sec|1000s\s+of\s+request/i);
    });
  },
);
