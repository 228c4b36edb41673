/**
 * Quiz questions drafted from a team's notes without a model (issue 11): the notes' own facts
 * become multiple-choice questions, each citing the section it came from. Pure; never throws.
 *
 * Two shapes:
 * - **Value**: a line with a number and a unit ("Max size of an EBS volume is 16 TiB") becomes a
 *   fill-the-blank question; the wrong options are values of the same kind (size, duration,
 *   IOPS, throughput, percent) that the notes give elsewhere, closest in size first, and never a
 *   value the cited section itself states.
 * - **Service**: a line that opens with a service's name and says what it does ("Athena is a
 *   serverless …") becomes "Which AWS service …?"; the wrong options are other services the
 *   notes name, nearest in the service catalogue (same category) first.
 *
 * Every candidate goes through draft-checks.ts; those that fail are returned with the reason.
 * Candidates are taken round-robin over files, at most {@link MAX_PER_SECTION} per section, so a
 * draft set spans the notes rather than one long file.
 */

import { DISPLAY_SEPARATOR, formatHeadingPath } from '../knowledge/heading-path.ts';
import type { Passage, Section } from '../knowledge/note-types.ts';
import { sectionText } from '../quiz/bank-report.ts';
import type { OptionKey, Question } from '../quiz/question.ts';
import { seededHash } from '../quiz/seeded-hash.ts';
import { slug } from '../quiz/slug.ts';
import { contentWords } from '../retrieval/analyze-text.ts';
import { AWS_SERVICES, type AwsService } from '../retrieval/aws-services.ts';
import { tokenize } from '../retrieval/tokenize.ts';
import { citableHeadings } from './citable-heading.ts';
import { DraftBatch, type DraftCheckContext, type DroppedDraft } from './draft-checks.ts';
import {
  headingService,
  leadingService,
  type ServiceLead,
  servicesIn,
  servicesInOrder,
} from './services-in-text.ts';
import { type UnitValue, unitValues } from './unit-values.ts';

/** Drafts kept from one section at most. */
export const MAX_PER_SECTION = 2;
/** A line used as a fact is this long at least and at most (chars): shorter says too little, longer is a paragraph. */
export const FACT_CHARS = { min: 30, max: 240 } as const;
/** Wrong options per drafted question (multiple choice, 1 of 4). */
const DISTRACTORS = 3;
/** The blank in a fill-the-blank stem. */
const BLANK = '_____';

/** What a drafting run returns: kept questions (ids `team-…`) and dropped candidates with reasons. */
export interface DraftResult {
  drafts: Question[];
  dropped: DroppedDraft[];
}

/** One fact line of the notes, with where it sits. */
interface FactLine {
  passage: Passage;
  text: string;
  heading: string;
}

/** The lines of `passages` that can carry a fact: each item's sentences, trimmed. */
function factLines(passages: readonly Passage[], sections: readonly Section[]): FactLine[] {
  const citable = citableHeadings(sections);
  const out: FactLine[] = [];
  for (const passage of passages) {
    const heading = citable(passage);
    if (heading === '') continue;
    for (const item of passage.items) {
      for (const sentence of item.text.split(/(?<=[.;!?])\s+(?=[A-Z(])/u)) {
        const text = sentence.trim();
        if (text.length >= FACT_CHARS.min && text.length <= FACT_CHARS.max)
          out.push({ passage, text, heading });
      }
    }
  }
  return out;
}

/** Values within this ratio of each other (10 %) read as the same answer: one of them is left out. */
const SAME_VALUE_RATIO = 1.1;
const close = (a: number, b: number) => Math.max(a, b) / Math.min(a, b) < SAME_VALUE_RATIO;

/** A stable short hash of text, for ids. */
export function shortHash(text: string): string {
  return seededHash('draft', text).toString(36).slice(0, 6);
}

/** The slug of `text` (quiz/slug.ts) cut to 40 chars for an id, or "note" when nothing is left. */
export function idPart(text: string): string {
  return slug(text).slice(0, 40).replace(/-+$/, '') || 'note';
}

/** The last two headings of a path, for a stem's context ("EBS › Volume types"). */
function context(line: FactLine): string {
  return formatHeadingPath(line.passage.headingPath.slice(-2), DISPLAY_SEPARATOR) || line.passage.file;
}

/** Option label of a service: its AWS name, with its short alias when it has one ("… (SQS)"). */
function serviceLabel(service: AwsService): string {
  const alias = service.aliases.find(
    (a) => /^(?:(?:Amazon|AWS) )?[A-Z][A-Z0-9]{1,9}$/.test(a) && !service.name.includes(a),
  );
  return alias ? `${service.name} (${alias})` : service.name;
}

/** Puts the right option at a position fixed by the draft id (its `correctKey`), the distractors around it. */
function arrange(
  id: string,
  right: string,
  wrong: readonly string[],
): { options: Record<string, string>; correctKey: OptionKey; order: string[] } {
  const keys: OptionKey[] = ['A', 'B', 'C', 'D'];
  const at = seededHash('answer-position', id) % keys.length;
  const order = [...wrong];
  order.splice(at, 0, right);
  const options: Record<string, string> = {};
  order.forEach((text, i) => {
    options[keys[i] as OptionKey] = text;
  });
  return { options, correctKey: keys[at] as OptionKey, order };
}

/** The first service a line, its headings or its file are about: decides domain and topic. */
export function subjectService(line: Pick<FactLine, 'text' | 'passage'>): AwsService | undefined {
  const nearestFirst = [
    line.text,
    ...[...line.passage.headingPath].reverse(),
    ...[...line.passage.topic].reverse(),
  ];
  for (const text of nearestFirst) {
    const named = servicesInOrder(text)[0];
    if (named) return named;
  }
  return undefined;
}

/** Content words a fill-the-blank line keeps besides its value, at least: fewer says too little to ask. */
const MIN_CLOZE_WORDS = 4;

interface Candidate {
  raw: Record<string, unknown>;
  topic: string;
  section: { file: string; heading: string };
  /** Extra support besides the section's text: the heading that names the answer. */
  heading?: string;
}

/** Value candidates: one per line that has a value with enough same-kind values elsewhere. */
function valueCandidates(lines: readonly FactLine[], passages: readonly Passage[]): Candidate[] {
  const pool = new Map<string, UnitValue & { heading: string; file: string }>();
  for (const line of lines)
    for (const v of unitValues(line.text)) {
      const key = `${v.kind}:${v.base}`;
      if (!pool.has(key)) pool.set(key, { ...v, heading: line.heading, file: line.passage.file });
    }
  const out: Candidate[] = [];
  const sectionValues = new Map<string, Set<string>>();
  for (const line of lines) {
    const sectionKey = `${line.passage.file}\u0000${line.heading}`;
    let inSection = sectionValues.get(sectionKey);
    if (!inSection) {
      inSection = new Set(
        unitValues(sectionText(passages, { file: line.passage.file, heading: line.heading })).map(
          (v) => `${v.kind}:${v.base}`,
        ),
      );
      sectionValues.set(sectionKey, inSection);
    }
    const service = subjectService(line);
    if (!service) continue;
    const valuesInLine = unitValues(line.text);
    for (const value of valuesInLine) {
      if (/\d\s*$/.test(line.text.slice(0, value.index))) continue;
      // "900 seconds (15 minutes)": the other value would give the blank away.
      if (valuesInLine.some((v) => v !== value && v.kind === value.kind && close(v.base, value.base)))
        continue;
      const around = `${line.text.slice(0, value.index)} ${line.text.slice(value.index + value.text.length)}`;
      if (contentWords(tokenize(around)).length < MIN_CLOZE_WORDS) continue;
      const others: Array<UnitValue & { heading: string; file: string }> = [];
      for (const v of [...pool.values()]
        .filter((v) => v.kind === value.kind && v.base > 0 && !inSection.has(`${v.kind}:${v.base}`))
        .sort((a, b) => Math.abs(Math.log(a.base / value.base)) - Math.abs(Math.log(b.base / value.base)))) {
        if ([value, ...others].every((o) => !close(o.base, v.base))) others.push(v);
        if (others.length === DISTRACTORS) break;
      }
      if (others.length < DISTRACTORS || value.base <= 0) continue;
      const id = `team-${idPart(line.passage.headingPath.at(-1) ?? service.name)}-${shortHash(`${line.passage.file}|${line.text}|${value.text}`)}`;
      const cloze = `${line.text.slice(0, value.index)}${BLANK}${line.text.slice(value.index + value.text.length)}`;
      const { options, correctKey, order } = arrange(
        id,
        value.text,
        others.map((o) => o.text),
      );
      out.push({
        topic: service.name,
        section: { file: line.passage.file, heading: line.heading },
        raw: {
          id,
          domain: service.domains[0],
          services: [service.name],
          difficulty: 'medium',
          question: `Your notes on ${context(line)} say: “${cloze}” Which value fills the blank?`,
          options,
          answer: correctKey,
          explanation: `Your notes (${line.passage.file}, ${line.heading}) give it as: “${line.text}”`,
          why_wrong: Object.fromEntries(
            order
              .map((text, i) => [['A', 'B', 'C', 'D'][i], text] as const)
              .filter(([key]) => key !== correctKey)
              .map(([key, text]) => {
                const from = others.find((o) => o.text === text);
                return [key, `${text} is what your notes give in ${from?.file}, ${from?.heading}, not here.`];
              }),
          ),
          key_facts: [line.text],
          source: { file: line.passage.file, heading: line.heading },
        },
      });
    }
  }
  return out;
}

const SERVICE_NAMES = AWS_SERVICES.flatMap((s) => [
  s.name,
  s.name.replace(/^(Amazon|AWS)\s+/, ''),
  ...s.aliases,
]);
/** A feature of another service ("Amazon EC2 instance store", "CloudWatch alarms"): no "Which service" option. */
function isFeature(service: AwsService): boolean {
  let feature = FEATURES.get(service);
  if (feature === undefined) {
    const bare = service.name.replace(/^(Amazon|AWS)\s+/, '');
    feature = SERVICE_NAMES.some((n) => n !== bare && n !== service.name && bare.startsWith(`${n} `));
    FEATURES.set(service, feature);
  }
  return feature;
}
/** {@link isFeature} per catalogue entry, worked out once (at most one per catalogue service). */
const FEATURES = new Map<AwsService, boolean>();

/** Shortest description a "Which AWS service" stem is built on (chars): "is integrated with API Gateway" says too little. */
const MIN_DESCRIPTION_CHARS = 35;

/**
 * A description as a stem quotes it: cut at a list marker run into the line (" * "), trailing
 * punctuation and quotes off, and a quote mark dropped when the line has an unpaired one.
 */
function tidyDescription(text: string): string {
  let out = text.split(/\s[*•]\s/u)[0] ?? text;
  out = out.replace(/[.;:,\s]+$/u, '').replace(/^["“”']+|["“”']+$/gu, '');
  if ((out.match(/"/g) ?? []).length % 2 === 1) out = out.replace(/"/g, '');
  return out.trim();
}

/** Service candidates: one per line that opens with a service and says what it is. */
function serviceCandidates(lines: readonly FactLine[]): Candidate[] {
  const inNotes = new Map<AwsService, string | undefined>();
  const seenSections = new Set<string>();
  // A line that opens with a service's name; or the first line of a section headed by one.
  const leads = lines.map((line): (ServiceLead & { fromHeading?: boolean }) | null => {
    const section = `${line.passage.file}\u0000${line.heading}`;
    const first = !seenSections.has(section);
    seenSections.add(section);
    const lead = leadingService(line.text);
    if (lead) return lead;
    const service = first ? headingService(line.passage.headingPath.at(-1) ?? '') : undefined;
    return service && line.heading === formatHeadingPath(line.passage.headingPath)
      ? { service, named: '', connector: '', rest: line.text, fromHeading: true }
      : null;
  });
  for (const [i, line] of lines.entries()) {
    for (const s of servicesIn(line.text)) if (!inNotes.has(s)) inNotes.set(s, undefined);
    const lead = leads[i];
    if (lead && !lead.fromHeading && inNotes.get(lead.service) === undefined)
      inNotes.set(lead.service, line.text);
  }
  const catalogue = new Map(AWS_SERVICES.map((s, i) => [s, i]));
  const out: Candidate[] = [];
  for (const [i, line] of lines.entries()) {
    const lead = leads[i];
    if (!lead || lead.rest.length < MIN_DESCRIPTION_CHARS || !/^[a-z(]/iu.test(lead.rest)) continue;
    const named = servicesIn(lead.rest);
    if (named.includes(lead.service)) continue;
    const at = catalogue.get(lead.service) ?? 0;
    const others = [...inNotes.keys()]
      .filter((s) => s !== lead.service && !named.includes(s) && !isFeature(s))
      .sort((a, b) => Math.abs((catalogue.get(a) ?? 0) - at) - Math.abs((catalogue.get(b) ?? 0) - at))
      .slice(0, DISTRACTORS);
    if (others.length < DISTRACTORS) continue;
    const rest = tidyDescription(lead.rest);
    if (rest.length < MIN_DESCRIPTION_CHARS) continue;
    const stem = lead.fromHeading
      ? `Which AWS service do your notes describe as “${rest}”?`
      : lead.connector === ''
        ? `Which AWS service do your notes on ${context(line)} describe as “${rest}”?`
        : `Which AWS service ${lead.connector === 'are' ? 'is' : lead.connector} ${rest}?`;
    const id = `team-${idPart(lead.service.aliases[0] ?? lead.service.name)}-${shortHash(`${line.passage.file}|${line.text}`)}`;
    const { options, correctKey, order } = arrange(id, serviceLabel(lead.service), others.map(serviceLabel));
    out.push({
      ...(lead.fromHeading ? { heading: line.passage.headingPath.at(-1) } : {}),
      topic: lead.service.name,
      section: { file: line.passage.file, heading: line.heading },
      raw: {
        id,
        domain: lead.service.domains[0],
        services: [lead.service.name],
        difficulty: 'easy',
        question: stem,
        options,
        answer: correctKey,
        explanation: `Your notes (${line.passage.file}, ${line.heading}): “${line.text}”`,
        why_wrong: Object.fromEntries(
          order
            .map((text, i) => [['A', 'B', 'C', 'D'][i], text] as const)
            .filter(([key]) => key !== correctKey)
            .map(([key, text]) => {
              const service = others.find((s) => serviceLabel(s) === text);
              const own = service ? inNotes.get(service) : undefined;
              return [
                key,
                own
                  ? `Your notes describe ${service?.name} otherwise: “${own}”`
                  : `${service?.name} is another service your notes mention; the line is about ${lead.service.name}.`,
              ];
            }),
        ),
        key_facts: lead.fromHeading ? [line.passage.headingPath.at(-1) ?? '', line.text] : [line.text],
        source: { file: line.passage.file, heading: line.heading },
      },
    });
  }
  return out;
}

/** `id`, or `id-2`, `id-3`… when it is taken (one line can yield two questions). */
function unusedId(id: string, taken: ReadonlyMap<string, string>): string {
  let n = 1;
  let next = id;
  while (taken.has(next)) next = `${id}-${++n}`;
  return next;
}

/** Candidates interleaved: files in turn, service and value shapes alternating within a file. */
export function interleave<T extends { section: { file: string } }>(candidates: readonly T[]): T[] {
  const byFile = new Map<string, T[]>();
  for (const c of candidates) byFile.set(c.section.file, [...(byFile.get(c.section.file) ?? []), c]);
  const queues = [...byFile.values()];
  const out: T[] = [];
  for (let round = 0; out.length < candidates.length; round++)
    for (const q of queues) {
      const next = q[round];
      if (next) out.push(next);
    }
  return out;
}

/**
 * Drafts up to `count` questions from `passages` (a team's notes). `ctx.existing` holds the
 * questions drafts must not repeat (the bank, stored team questions); `ctx.takenIds` their ids.
 */
export function draftFromNotes(
  notes: { passages: readonly Passage[]; sections: readonly Section[] },
  count: number,
  ctx: DraftCheckContext,
): DraftResult {
  const { passages } = notes;
  const lines = factLines(passages, notes.sections);
  const services = serviceCandidates(lines);
  const values = valueCandidates(lines, passages);
  const mixed: Candidate[] = [];
  for (let i = 0; i < Math.max(services.length, values.length); i++) {
    const s = services[i];
    const v = values[i];
    if (s) mixed.push(s);
    if (v) mixed.push(v);
  }
  const batch = new DraftBatch(ctx);
  const perSection = new Map<string, number>();
  const tried = new Set<Candidate>();
  const ordered = interleave(mixed);
  // First pass: at most MAX_PER_SECTION per section; a second takes the rest when small notes need it.
  for (const cap of [MAX_PER_SECTION, Number.POSITIVE_INFINITY]) {
    for (const candidate of ordered) {
      if (batch.drafts.length >= count) break;
      const key = `${candidate.section.file}\u0000${candidate.section.heading}`;
      if (tried.has(candidate) || (perSection.get(key) ?? 0) >= cap) continue;
      tried.add(candidate);
      const raw = { ...candidate.raw, id: unusedId(String(candidate.raw.id), batch.taken) };
      const support = [candidate.heading ?? '', sectionText(passages, candidate.section)].join('\n');
      if (batch.admit(raw, candidate.topic, support)) perSection.set(key, (perSection.get(key) ?? 0) + 1);
    }
  }
  return { drafts: batch.drafts, dropped: batch.dropped };
}
