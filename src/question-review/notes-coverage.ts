/**
 * Which exam facts a team's notes hold: each bank question's key facts are searched in the
 * team's notes (SearchIndex over their passages), and a fact counts as held when one of the top
 * {@link COVERAGE_TOP_K} passages states it: every number of the fact and at least
 * {@link FACT_TERMS_SHARE} of its other content terms (stemmed, so "replicated" matches
 * "replication"), with the question's service named in the same passage or its headings.
 * A question is covered when all its key facts are held; the passage holding the first one is the
 * team's section the quiz then cites. Pure apart from the index it is given.
 */

import { formatHeadingPath } from '../knowledge/heading-path.ts';
import type { Passage } from '../knowledge/note-types.ts';
import { contentStems } from '../quiz/citation-check.ts';
import { type Domain, EXAM_DOMAINS } from '../quiz/exam-guide.ts';
import type { Question } from '../quiz/question.ts';
import { TOP_K } from '../retrieval/passage-counts.ts';
import type { SearchIndex } from '../retrieval/search-index.ts';
import { yieldToEventLoop } from '../yield-to-event-loop.ts';

/** Passages searched per key fact: the bot's k (`TOP_K`, retrieval/passage-counts.ts). */
export const COVERAGE_TOP_K = TOP_K;
/** Share (0..1) of a fact's non-number content terms a passage must use to hold it. */
export const FACT_TERMS_SHARE = 0.75;

/** A question's coverage in the team's notes; `source` is the team section holding its first fact. */
export interface QuestionCoverage {
  id: string;
  covered: boolean;
  source?: { file: string; heading: string };
}

/** One domain's line (`saa coverage --json` prints these). */
export interface DomainCoverage {
  domain: Domain;
  name: string;
  questions: number;
  covered: number;
  /**
   * Services the notes never name and none of whose questions they cover, most questions first,
   * e.g. ["AWS Transit Gateway"]: what the notes lack.
   */
  missing: string[];
}

/** Coverage of a whole bank. */
export interface NotesCoverage {
  questions: QuestionCoverage[];
  byDomain: DomainCoverage[];
}

const isNumber = (t: string) => /^\d/.test(t);

/** True when `passage` states `fact` (see the module rules); `service` terms must appear in it or its headings. */
export function passageHoldsFact(
  passage: Passage,
  fact: string,
  serviceTerms: ReadonlySet<string>[],
): boolean {
  const terms = [...contentStems(fact)];
  if (terms.length === 0) return false;
  const text = contentStems(`${passage.headingPath.join(' ')} ${passage.topic.join(' ')} ${passage.text}`);
  const numbers = terms.filter(isNumber);
  const words = terms.filter((t) => !isNumber(t));
  if (!numbers.every((n) => text.has(n))) return false;
  const share = words.length === 0 ? 1 : words.filter((w) => text.has(w)).length / words.length;
  if (share < FACT_TERMS_SHARE) return false;
  return serviceTerms.length === 0 || serviceTerms.some((s) => [...s].every((t) => text.has(t)));
}

/**
 * The ways a service may be named, each as content terms without the vendor prefix:
 * "Amazon SQS" → [{sqs}]; "Amazon DynamoDB Accelerator (DAX)" → [{dynamodb, acceler}, {dax}].
 */
function serviceNames(service: string): Set<string>[] {
  const [, full = service, short] = /^(.*?)\s*(?:\(([^)]+)\))?$/.exec(service) ?? [];
  return [full, short]
    .filter((n): n is string => Boolean(n))
    .map((n) => contentStems(n.replace(/^(Amazon|AWS)\s+/i, '')))
    .filter((terms) => terms.size > 0);
}

/** Where the team's notes state each of `question`'s key facts, or undefined when one is missing. */
export function coverQuestion(question: Question, index: SearchIndex): QuestionCoverage {
  if (question.keyFacts.length === 0) return { id: question.id, covered: false };
  const services = question.services.flatMap(serviceNames);
  let source: QuestionCoverage['source'];
  for (const fact of question.keyFacts) {
    const query = `${question.services.join(' ')} ${fact}`;
    const hit = index.search(query, COVERAGE_TOP_K).find((h) => passageHoldsFact(h.passage, fact, services));
    if (!hit) return { id: question.id, covered: false };
    source ??= { file: hit.passage.file, heading: formatHeadingPath(hit.passage.headingPath) };
  }
  return { id: question.id, covered: true, source };
}

/** Coverage of every question of `bank` in the notes behind `index` (whose passages are `passages`), and per exam domain. */
export function notesCoverage(
  bank: readonly Question[],
  index: SearchIndex,
  passages: readonly Passage[],
): NotesCoverage {
  return summarize(
    bank,
    bank.map((q) => coverQuestion(q, index)),
    passages,
  );
}

/** Questions searched between two yields to the event loop in {@link notesCoverageInSlices}. */
export const COVERAGE_SLICE = 10;

/**
 * {@link notesCoverage} in slices of {@link COVERAGE_SLICE} questions with a yield to the event
 * loop between them (a few seconds of searching for a 500-question bank must not delay acks).
 */
export async function notesCoverageInSlices(
  bank: readonly Question[],
  index: SearchIndex,
  passages: readonly Passage[],
): Promise<NotesCoverage> {
  const questions: QuestionCoverage[] = [];
  for (let i = 0; i < bank.length; i += COVERAGE_SLICE) {
    for (const q of bank.slice(i, i + COVERAGE_SLICE)) questions.push(coverQuestion(q, index));
    await yieldToEventLoop();
  }
  return summarize(bank, questions, passages);
}

function summarize(
  bank: readonly Question[],
  questions: QuestionCoverage[],
  passages: readonly Passage[],
): NotesCoverage {
  const named = new Set<string>();
  for (const p of passages)
    for (const t of contentStems(`${p.headingPath.join(' ')} ${p.text}`)) named.add(t);
  const mentioned = (service: string) =>
    serviceNames(service).some((terms) => [...terms].every((t) => named.has(t)));
  const covered = new Map(questions.map((c) => [c.id, c.covered]));
  const byDomain = EXAM_DOMAINS.map((d) => {
    const mine = bank.filter((q) => q.domain === d.domain);
    const perService = new Map<string, { total: number; covered: number }>();
    for (const q of mine) {
      for (const s of q.services) {
        const row = perService.get(s) ?? { total: 0, covered: 0 };
        row.total++;
        if (covered.get(q.id)) row.covered++;
        perService.set(s, row);
      }
    }
    const missing = [...perService]
      .filter(([s, r]) => r.covered === 0 && !mentioned(s))
      .sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))
      .map(([s]) => s);
    return {
      domain: d.domain,
      name: d.name,
      questions: mine.length,
      covered: mine.filter((q) => covered.get(q.id)).length,
      missing,
    };
  });
  return { questions, byDomain };
}

/**
 * `bank` with each question citing the team's section that holds its key facts (`citedIn:
 * 'team'`), or its bundled section labelled as such (`citedIn: 'bundled'`).
 */
export function withTeamCitations(bank: readonly Question[], coverage: NotesCoverage): Question[] {
  const byId = new Map(coverage.questions.map((c) => [c.id, c]));
  return bank.map((q) => {
    const team = byId.get(q.id);
    return team?.covered && team.source
      ? { ...q, source: team.source, citedIn: 'team' as const }
      : { ...q, citedIn: 'bundled' as const };
  });
}
