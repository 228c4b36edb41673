/**
 * Is a question supported by the note section it cites? Pure; never throws. The same checks run
 * on the bundled bank (tests/quiz/bank-citations.test.ts) and on drafted questions before they
 * are kept (issue 11: "the right option's fact is in the passage, no distractor is supported by
 * it").
 *
 * - Every key fact of the question is in the section (case, spacing, quotes, dashes and Markdown
 *   emphasis ignored).
 * - The right option states a key fact, and no wrong option is as well supported: an option's
 *   support is the largest share of one key fact's content terms (stemmed; stop words and the
 *   question's own terms left out, since every option shares those) that the option uses. A
 *   wrong option at or above the weakest right option's support is a problem.
 */

import { contentWords } from '../retrieval/analyze-text.ts';
import { stem } from '../retrieval/stem.ts';
import { tokenize } from '../retrieval/tokenize.ts';
import type { OptionKey, Question } from './question.ts';

/** Text for comparing phrases: lower case, one space, straight quotes, plain hyphens, no `*`/`_`/backticks. */
export function normalizePhrase(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Stemmed content terms of `text`, as a set. */
export function contentStems(text: string): Set<string> {
  return new Set(contentWords(tokenize(text)).map(stem));
}

/**
 * How well each option matches the question's key facts: for each option, the best share (0..1)
 * of one key fact's content terms (less the stem's own terms) that the option uses. The right
 * option should state a key fact; a wrong one should not.
 */
export function keyFactSupport(
  question: Pick<Question, 'question' | 'options' | 'keyFacts'>,
): Map<OptionKey, number> {
  const inStem = contentStems(question.question);
  const facts = question.keyFacts
    .map((f) => [...contentStems(f)].filter((t) => !inStem.has(t)))
    .filter((terms) => terms.length > 0);
  const out = new Map<OptionKey, number>();
  for (const option of question.options) {
    const own = contentStems(option.text);
    const shares = facts.map((terms) => terms.filter((t) => own.has(t)).length / terms.length);
    out.set(option.key, Math.max(0, ...shares));
  }
  return out;
}

/**
 * What is wrong with `question` against `section` (the cited section's text, its subsections
 * included), one message per problem; `[]` when it holds.
 */
export function citationProblems(
  question: Pick<Question, 'question' | 'options' | 'correctKeys' | 'keyFacts'>,
  section: string,
): string[] {
  const problems: string[] = [];
  const text = normalizePhrase(section);
  if (question.keyFacts.length === 0) problems.push('names no key facts');
  for (const fact of question.keyFacts) {
    if (!text.includes(normalizePhrase(fact)))
      problems.push(`key fact "${fact}" is not in the cited section`);
  }
  if (question.keyFacts.length === 0) return problems;
  const support = keyFactSupport(question);
  for (const key of question.correctKeys) {
    if ((support.get(key) ?? 0) === 0) problems.push(`right option ${key} states none of the key facts`);
  }
  const right = Math.min(...question.correctKeys.map((k) => support.get(k) ?? 0));
  for (const option of question.options) {
    if (question.correctKeys.includes(option.key)) continue;
    const s = support.get(option.key) ?? 0;
    if (s > 0 && s >= right) {
      problems.push(
        `wrong option ${option.key} matches the key facts as well as the answer (${pct(s)} vs ${pct(right)} of a fact's terms)`,
      );
    }
  }
  return problems;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
