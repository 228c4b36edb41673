import { describe, expect, it } from 'vitest';
import { MAX_PROMPT_PASSAGES } from '../../src/answer/llm-prompt.ts';
import { COVERAGE_TOP_K } from '../../src/question-review/notes-coverage.ts';
import {
  ANSWER_DEPTH,
  PROMPT_HITS_PER_SLOT,
  SEARCH_DEFAULT_K,
  TOP_K,
} from '../../src/retrieval/passage-counts.ts';

describe('passage counts', () => {
  it('one k for what a reader is given: the prompt, saa ask and the coverage check', () => {
    expect(TOP_K).toBe(5);
    expect(MAX_PROMPT_PASSAGES).toBe(TOP_K);
    expect(COVERAGE_TOP_K).toBe(TOP_K);
  });

  it('keeps the depths that differ on purpose', () => {
    expect(ANSWER_DEPTH).toBe(10);
    expect(TOP_K * PROMPT_HITS_PER_SLOT).toBe(10);
    expect(SEARCH_DEFAULT_K).toBe(8);
  });
});
