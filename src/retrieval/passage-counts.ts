/**
 * How many passages each path takes from a search, in one place. `TOP_K` is the bot's k: what a
 * reader (a model, `saa ask`, the coverage check, recall@5) is given. The other counts differ from
 * it on purpose, each docstring says why. The rankers' own depths stay beside them:
 * `RERANK_DEPTH` (search-index.ts) and `DENSE_DEPTH` (dense-retriever.ts), both 60, are how far
 * down a ranking is re-scored, not how many passages come out.
 */

/**
 * k: the passages a reader is given. A model's prompt holds this many (`MAX_PROMPT_PASSAGES`),
 * `saa ask --passages` lists this many unless `-k` says otherwise (README), bench/eval.ts measures
 * recall@5 on them, and a key fact counts as held by a team's notes when one of the top k states it
 * (`COVERAGE_TOP_K`). Five: enough for both sides of a comparison plus context, cheap to send.
 */
export const TOP_K = 5;

/**
 * Passages the extractive answer ranks lines from (and a comparison's sides search). More than
 * `TOP_K`: the answer quotes single lines, often from several passages, and drops lines that
 * repeat or miss the question, so it needs a deeper pool than a model that reads whole passages.
 */
export const ANSWER_DEPTH = 10;

/**
 * Search hits read per prompt slot when filling a model's prompt after the quoted passages: those
 * and each side's best come first and repeats are skipped, so twice as many hits as slots keeps
 * the prompt full. At the default that is 10, like `ANSWER_DEPTH`, but it grows with `saa ask -k`.
 */
export const PROMPT_HITS_PER_SLOT = 2;

/**
 * What `SearchIndex.search` returns when the caller names no k. No answer path relies on it
 * (each names `TOP_K` or a depth above); tests and tools that look at the top of the ranking do,
 * and the retrieval tests' "finds X" expectations are measured in the top 8, so it stays 8
 * rather than `TOP_K`.
 */
export const SEARCH_DEFAULT_K = 8;
