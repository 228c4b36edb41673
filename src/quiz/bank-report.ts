/**
 * A question bank checked as a whole against its notes: every question's citation (key facts in
 * the cited section, no wrong option as well supported: citation-check.ts), near-duplicates
 * (near-duplicates.ts), exam tags, the exam's question shapes, and the domain mix against the
 * SAA-C03 weights (exam-guide.ts). Pure; never throws. Used by `saa questions check` and the
 * bundled bank's tests.
 */

import { formatHeadingPath, HEADING_SEPARATOR, sectionLabel } from '../knowledge/heading-path.ts';
import type { Passage } from '../knowledge/note-types.ts';
import { citationProblems } from './citation-check.ts';
import { type Domain, EXAM_DOMAINS } from './exam-guide.ts';
import { nearDuplicates } from './near-duplicates.ts';
import type { Question } from './question.ts';

/** Largest gap (percentage points) between a domain's share of the bank and its exam weight. */
export const DOMAIN_MIX_TOLERANCE_POINTS = 3;

/** One domain's line of the report. */
export interface DomainMix {
  domain: Domain;
  name: string;
  /** Exam weight, 0..1. */
  weight: number;
  questions: number;
  /** Share of the tagged questions, 0..1. */
  share: number;
}

/** What `saa questions check` prints. */
export interface BankReport {
  questions: number;
  multipleResponse: number;
  byDomain: DomainMix[];
  /** One message per problem, each starting with the question id (or "bank:"). */
  problems: string[];
}

/** The text of a cited section: every passage under `heading` in `file` (subsections included). */
export function sectionText(passages: readonly Passage[], source: Question['source']): string {
  return passages
    .filter((p) => {
      if (p.file !== source.file) return false;
      const path = formatHeadingPath(p.headingPath);
      return path === source.heading || path.startsWith(`${source.heading}${HEADING_SEPARATOR}`);
    })
    .map((p) => p.items.map((i) => i.text).join('\n'))
    .join('\n');
}

/**
 * Checks `questions` against the notes' `passages`.
 * `requireTags`: every question must carry a domain, task, services and key facts (the bundled
 * bank); otherwise untagged questions are only left out of the mix and the citation check.
 */
export function bankReport(
  questions: readonly Question[],
  passages: readonly Passage[],
  options: { requireTags?: boolean } = {},
): BankReport {
  const problems: string[] = [];
  for (const q of questions) {
    const shape =
      q.correctKeys.length === 1
        ? q.options.length === 4
          ? undefined
          : `a multiple-choice question has 4 options (found ${q.options.length})`
        : undefined;
    if (shape) problems.push(`${q.id}: ${shape}`);
    if (options.requireTags) {
      const missing = [
        q.domain ? '' : 'domain',
        q.task ? '' : 'task',
        q.services.length ? '' : 'services',
        q.keyFacts.length ? '' : 'key_facts',
      ].filter(Boolean);
      if (missing.length) problems.push(`${q.id}: no ${missing.join(', ')}`);
    }
    if (q.keyFacts.length === 0) continue;
    const section = sectionText(passages, q.source);
    for (const p of citationProblems(q, section))
      problems.push(`${q.id}: ${p} (${sectionLabel(q.source.file, q.source.heading)})`);
  }
  for (const d of nearDuplicates(questions)) {
    const why = d.sharedFact ? `, both on "${d.sharedFact}"` : '';
    problems.push(
      `${d.a}: near-duplicate of ${d.b} (${Math.round(d.similarity * 100)} % the same words${why})`,
    );
  }
  const tagged = questions.filter((q) => q.domain);
  const byDomain = EXAM_DOMAINS.map((d) => {
    const n = tagged.filter((q) => q.domain === d.domain).length;
    return {
      domain: d.domain,
      name: d.name,
      weight: d.weight,
      questions: n,
      share: tagged.length ? n / tagged.length : 0,
    };
  });
  if (options.requireTags) {
    for (const d of byDomain) {
      const gap = (d.share - d.weight) * 100;
      if (Math.abs(gap) > DOMAIN_MIX_TOLERANCE_POINTS) {
        problems.push(
          `bank: ${d.domain} is ${(d.share * 100).toFixed(1)} % of the questions; the exam weight is ${d.weight * 100} % (± ${DOMAIN_MIX_TOLERANCE_POINTS} points)`,
        );
      }
    }
  }
  return {
    questions: questions.length,
    multipleResponse: questions.filter((q) => q.correctKeys.length > 1).length,
    byDomain,
    problems,
  };
}
