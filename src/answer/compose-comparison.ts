/**
 * The answer to "A vs B (vs C)": the question's best lines as for any question (the sides and the
 * aspect "max iops on each", not an aside such as "which one do i pick", find the passages that
 * compare), with rules of its own, each measured on every evaluation corpus (bench/eval.ts):
 * - a line that sets the sides against each other scores higher: it names every side and has a
 *   contrast word ("unlike", "instead", "whereas"), or it is one of two neighbouring lines that say
 *   the same of different sides ("EBS … persistent" / "Instance store … not persistent", "HTTP
 *   API: …" / "REST API: …"); such a line's partner is quoted beside it; a line under a heading
 *   that compares the sides (an FAQ's "Q: … FSx for Windows vs. EFS?") scores a little less higher;
 * - two lines of sibling sections, one about each side, that say the same thing of it ("It's a
 *   pull base system." under "SQS", "Push-based" under "SNS") are quoted together and lead;
 * - a table row that names the sides is cut to their columns ("Max IOPS: io1 64,000; gp2 16,000");
 *   when the sides are rows of one table, each side's row is quoted (a small table);
 * - a side is named by what sets it apart, nearest the "vs" ("http" in "api gateway http api");
 * - every side gets at least one line: a side the chosen lines do not name gets its best line from
 *   a search for that side (in the context of the rest of the question), a line under another
 *   side's heading or parent bullet, or led by another side's name, not counting as its line; nor
 *   does a line outside what the question names before its sides ("storage gateway" in "storage
 *   gateway stored volumes vs cached volumes") when the side's search finds one inside it;
 * - a name both sides share (two aliases of one service) does not tell them apart.
 * Returns null when a side is not in the notes, so the caller can answer as for any question.
 */

import { formatHeadingPath } from '../knowledge/heading-path.ts';
import type { Passage, PassageItem } from '../knowledge/note-types.ts';
import { analyzeText } from '../retrieval/analyze-text.ts';
import { type Alternative, type Concept, conceptCredit } from '../retrieval/query-concepts.ts';
import type { Hit, QueryAnalysis, SearchIndex } from '../retrieval/search-index.ts';
import { isCovered } from './abstention.ts';
import { MAX_ANSWER_CHARS } from './answer-types.ts';
import { type Comparison, comparisonQuery } from './parse-comparison.ts';
import { rankUnits, SENTENCE_SPLIT_CHARS, type Unit } from './rank-units.ts';
import { chooseUnits, fits, isDuplicate, type Piece, piecesOf, saysMore } from './select-pieces.ts';

/** Weight of the rest of the question next to a side's own words, in a search for one side. */
const CONTEXT_WEIGHT = 0.5;
/** A unit led by, or under a heading about, another side only keeps this share of its score. */
const OFF_SIDE = 0.5;
/** Words that set two things against each other in one line ("X is stateful, unlike Y"). */
const CONTRAST =
  /\b(vs\.?|versus|v\/s|unlike|opposite|whereas|instead|rather than|compared|differs?|difference|but|while|however)\b/i;
/** Score added to a unit whose own text names every side and contrasts them. */
const CONTRAST_BONUS = 0.25;

function termSet(text: string): Set<string> {
  const a = analyzeText(text);
  return new Set([...a.terms, ...a.synonyms]);
}

const namesAny = (terms: ReadonlySet<string>, side: ReadonlySet<string>) =>
  [...terms].some((t) => side.has(t));

/** A side as what names it: its most specific concept, by its words or a synonym ("security groups", "SG"). */
interface Side {
  terms: Set<string>;
  key: Concept | undefined;
}

function sideOf(a: QueryAnalysis, i: number, all: readonly QueryAnalysis[]): Side {
  // A side is named by what sets it apart, nearest the "vs": in "api gateway http api vs rest api"
  // the first side is "http" (not "api gateway", its context; not "api", shared with the other).
  const elsewhere = new Set(all.filter((_, j) => j !== i).flatMap((o) => o.terms));
  const position = (c: Concept) => Math.min(...c.own.map((t) => a.terms.indexOf(t)).filter((n) => n >= 0));
  const nearest =
    i === 0
      ? a.concepts
          .filter((c) => c.own.length > 0 && !c.own.every((t) => elsewhere.has(t)))
          .sort((x, y) => position(y) - position(x))[0]
      : undefined;
  const key =
    nearest ?? [...a.concepts].filter((c) => c.own.length > 0).sort((x, y) => y.weight - x.weight)[0];
  return { terms: new Set([...a.terms, ...a.synonyms]), key };
}

/**
 * The sides with the names they all share dropped from their keys: "governance mode" and
 * "compliance mode" are both aliases of S3 Object Lock, and a shared name cannot tell which side
 * a line is about. Kept as they are when a side would be left only with a phrase of 3+ words
 * ("cloudfront signed url"): a line that says "signed URLs" would then name no side at all.
 * Measured together with {@link isOwnLine}'s parent rule, {@link inContext} and
 * {@link keptForSide}: saa-c02 hit 88.1 → 89.8 %, shared-notes unchanged; each alone gains less.
 */
function distinct(sides: readonly Side[]): Side[] {
  const nameOf = (alt: Alternative) => alt.tokens.join(' ');
  const shared = (alt: Alternative) =>
    sides.every((s) => s.key?.alternatives.some((o) => nameOf(o) === nameOf(alt)));
  const cut = sides.map((side) => side.key?.alternatives.filter((a) => !shared(a)) ?? []);
  // Only a full-credit name can name a side (see `names`); an expansion alternative cannot.
  if (cut.some((alts) => !alts.some((a) => a.credit >= 1 && a.tokens.length <= 2))) return [...sides];
  return sides.map((side, i) =>
    side.key ? { ...side, key: { ...side.key, alternatives: cut[i] ?? [] } } : side,
  );
}

/** True when `tokens` name the side: all its key concept's words, or one of its synonyms. */
function names(tokens: ReadonlySet<string>, side: Side): boolean {
  return side.key ? conceptCredit(side.key, tokens) >= 1 : namesAny(tokens, side.terms);
}

/** The terms of a unit with its parent bullets and heading: what it is about. */
function aboutTerms(u: Unit): Set<string> {
  return termSet(
    `${u.text} ${u.ancestors.map((a) => a.text).join(' ')} ${u.passage.headingPath.at(-1) ?? ''}`,
  );
}

/** True when a unit names every side and is written to contrast them (a table row, a contrast word, a "vs" heading). */
function contrasts(u: Unit, sides: readonly Side[]): boolean {
  const about = aboutTerms(u);
  if (!sides.every((side) => names(about, side))) return false;
  return (
    u.passage.kind === 'table' || CONTRAST.test(u.text) || CONTRAST.test(u.passage.headingPath.at(-1) ?? '')
  );
}

/**
 * Score added to a line under a heading that compares the sides ("Q: When should I use Amazon FSx
 * Windows File Servers vs. Amazon EFS?"), though the line names one side: it answers the
 * comparison. Measured on every eval corpus at 0.5–1 × {@link CONTRAST_BONUS}: 0.6–0.9 raise
 * saa-c02 (hit 87.3 → 88.1 %, recall@5 93.2 → 94.1 %) and leave shared-notes as it was; at 1 a
 * "NACL vs Security Groups" section crowds out the line that says security groups are stateful.
 */
const COMPARED_HEADING_BONUS = 0.75 * CONTRAST_BONUS;

/** True when a unit's own heading names every side and sets them against each other ("… vs …"). */
function comparedByHeading(u: Unit, sides: readonly Side[]): boolean {
  const heading = u.passage.headingPath.at(-1) ?? '';
  return CONTRAST.test(heading) && sides.every((side) => names(termSet(heading), side));
}

/** A table row cut to its label and the columns that name a side. */
function cutRow(unit: Unit, sides: readonly Side[]): Unit {
  const item = unit.passage.items[unit.item] as PassageItem;
  if (!item.cells) return unit;
  const keep = item.cells.filter(([label]) => sides.some((side) => names(termSet(label), side)));
  if (keep.length < 2 || keep.length === item.cells.length) return unit;
  const lead = item.text.split(':')[0] ?? '';
  return { ...unit, text: `${lead}: ${keep.map(([l, v]) => `${l} ${v}`.trim()).join('; ')}` };
}

/** True when `tokens` name one of `others` and not `own`. */
function namesOtherOnly(tokens: ReadonlySet<string>, own: Side, others: readonly Side[]): boolean {
  return others.some((o) => names(tokens, o)) && !names(tokens, own);
}

/** 0.5 for a unit that is another side's line (under its heading, or led by its name), else 1. */
function sideFactor(u: Unit, own: Side, others: readonly Side[]): number {
  const heading = termSet(u.passage.headingPath.at(-1) ?? '');
  const lead = termSet(leadOf(u.text));
  return namesOtherOnly(heading, own, others) || namesOtherOnly(lead, own, others) ? OFF_SIDE : 1;
}

/**
 * True when a unit is about `own` alone: it names the side (with its context), its text names no
 * other side, and its parent bullet is not another side's ("the primary data is stored in S3"
 * under "Cached Volumes" is no line about stored volumes; for a chunk of a long line, the bullet
 * above the line).
 */
function isOwnLine(u: Unit, own: Side, others: readonly Side[]): boolean {
  const text = termSet(u.text);
  // The parent bullet: a chunk of a long line has the line's first sentence above it, then the bullet.
  const line = u.passage.items[u.item]?.line;
  const parent = termSet(u.ancestors.findLast((a) => a.line !== line)?.text ?? '');
  return (
    names(aboutTerms(u), own) && !others.some((o) => names(text, o)) && !namesOtherOnly(parent, own, others)
  );
}

/** The best line for one side from a search for that side, in the context of the whole question. */
function bestForSide(
  index: SearchIndex,
  whole: QueryAnalysis,
  analysis: QueryAnalysis,
  own: Side,
  others: readonly Side[],
  k: number,
): Unit | undefined {
  // Context is the rest of the question but the other sides: "placement groups" in
  // "spread vs partition placement groups", "max iops" in "gp2 vs io1 - max iops".
  const otherTerms = new Set(others.flatMap((o) => o.key?.own ?? []));
  const context = whole.terms.filter((t) => !analysis.terms.includes(t) && !otherTerms.has(t));
  const concepts: Concept[] = [
    ...analysis.concepts,
    ...whole.concepts
      .filter((c) => c.own.length > 0 && c.own.every((t) => context.includes(t)))
      .map((c) => ({ ...c, weight: c.weight * CONTEXT_WEIGHT })),
  ];
  const q: QueryAnalysis = {
    ...analysis,
    expansions: [...new Set([...analysis.expansions, ...context])],
    expandedFrom: { ...analysis.expandedFrom, ...Object.fromEntries(context.map((t) => [t, []])) },
    concepts,
    intent: whole.intent,
  };
  const asked = new Set([...analysis.terms, ...context]);
  return rankUnits(index.searchAnalyzed(q, k), concepts, whole.intent)
    .map((u) => ({ ...u, score: u.score * sideFactor(u, own, others) }))
    .sort((a, b) => b.score - a.score)
    .find((u) => isOwnLine(u, own, others) && saysMore(u.text, asked));
}

/** Share of shared words at which two neighbouring lines about different sides are a parallel pair. */
const PARALLEL_OVERLAP = 0.5;

/** How many words two lines share when they are parallel (at least {@link PARALLEL_OVERLAP} of the shorter one's), else 0. */
function parallelShare(mine: ReadonlySet<string>, theirs: ReadonlySet<string>): number {
  const shared = [...mine].filter((w) => theirs.has(w)).length;
  return shared >= PARALLEL_OVERLAP * Math.min(mine.size, theirs.size) ? shared : 0;
}

/** What a line opens with, up to its first colon, semicolon, comma, full stop or bracket. */
const leadOf = (text: string) => text.split(/[:;,.(]/)[0] ?? '';

/** The side a line's own text names, when it names exactly one. */
function onlySide(text: string, sides: readonly Side[]): Side | undefined {
  const t = termSet(text);
  const named = sides.filter((side) => names(t, side));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * True when `u` and the line next to it in its passage say the same thing of different sides
 * ("EBS backed volumes are persistent" / "Instance Store backed volumes are not persistent"):
 * apart from the sides' words, at least {@link PARALLEL_OVERLAP} of the shorter line's words are
 * shared, or each line is led by its side's name. Returns the partner's item index, if any.
 */
function parallelPartner(u: Unit, sides: readonly Side[]): number | undefined {
  const side = onlySide(u.text, sides);
  if (!side) return undefined;
  const sideWords = new Set(sides.flatMap((s) => [...s.terms]));
  const rest = (text: string) => new Set([...termSet(text)].filter((t) => !sideWords.has(t)));
  const mine = rest(u.text);
  for (const j of [u.item - 1, u.item + 1]) {
    const next = u.passage.items[j];
    if (!next || next.depth !== u.passage.items[u.item]?.depth) continue;
    const other = onlySide(next.text, sides);
    if (!other || other === side) continue;
    // Neighbouring lines each led by a side's name ("HTTP API: …", "REST API: …") list the sides.
    if (onlySide(leadOf(u.text), sides) === side && onlySide(leadOf(next.text), sides) === other) return j;
    const theirs = rest(next.text);
    if (parallelShare(mine, theirs) > 0) return j;
  }
  return undefined;
}

/**
 * Score added to a line that has a partner in a sibling section (see {@link SiblingPairs}): the
 * pair says what sets the sides apart, so it comes before most lines (a unit scores at most 1.3
 * before bonuses, see `rank-units.ts`). Measured on every eval corpus at 0–3: 0 (the partner only
 * quoted beside a chosen line) changes nothing; 0.5 raises saa-c02 hit 90.7 → 91.5 %; 0.75–3
 * raise saa-c02 hit to 92.4 % and recall@5 94.9 → 96.6 %, and shared-notes hit 88.4 → 89.3 %
 * ("sqs vs sns": pull / push; "standard vs fifo": at-least-once / exactly-once); 1 sits inside
 * that plateau. Abstention does not move.
 */
const SIBLING_PAIR_BONUS = 1;

/** Passages grouped by file and parent heading: the sibling sections of a section. Built once per index. */
const sectionGroups = new WeakMap<SearchIndex, Map<string, Passage[]>>();

function parentKey(p: Passage): string {
  return `${p.file}\n${formatHeadingPath(p.headingPath.slice(0, -1))}`;
}

/** The passages of `p`'s file whose sections sit under the same parent heading as `p`'s (`p`'s own included). */
function siblingPassages(index: SearchIndex, p: Passage): readonly Passage[] {
  let groups = sectionGroups.get(index);
  if (!groups) {
    groups = new Map();
    for (const q of index.passages) {
      if (q.headingPath.length === 0) continue;
      const key = parentKey(q);
      const group = groups.get(key);
      if (group) group.push(q);
      else groups.set(key, [q]);
    }
    sectionGroups.set(index, groups);
  }
  return groups.get(parentKey(p)) ?? [];
}

/** A line led by a short label ("At-Least-Once Delivery: …"): such lines are compared by label. */
const LABELLED = /^([^:]{1,40}):/;
/**
 * Labels of note-taking, not of a property ("Note: …", "Example: …", "Exam tip: …"): two lines
 * led by "Note" say nothing alike, so such a label is dropped and the rest of the line compared.
 */
const GENERIC_LABEL =
  /^(notes?|nb|examples?|e\.?g\.?|tips?|exam( tips?)?|important|remember|info|see( also)?|docs?|links?|more|misc|other|summary|warning|caution|todo|refs?|references?|sources?)$/i;

/** One unsplit line of a section, with its place (`pos`) among the section's lines at its depth. */
interface SectionLine {
  passage: Passage;
  item: number;
  pos: number;
  side: Side;
}

/**
 * What pairing lines of sibling sections needs for one question, worked out once: each section's
 * side, each section's lines, each line's words.
 */
class SiblingPairs {
  readonly #sideWords: ReadonlySet<string>;
  readonly #sectionSide = new Map<number, Side | undefined>();
  readonly #lines = new Map<string, SectionLine[]>();
  readonly #words = new Map<string, Set<string>>();

  constructor(
    private readonly index: SearchIndex,
    private readonly sides: readonly Side[],
    private readonly whole: QueryAnalysis,
  ) {
    // The words of the sides' phrases ("fifo", "sqs", "queues") are left out: any line of either
    // section may say them; the property compared is in the rest ("once" in "At-Least-Once
    // Delivery" / "Exactly-Once Processing"). An aspect typed after the last side without a
    // comma ("gp2 vs io1 iops") is read as part of that side, so it is left out too.
    this.#sideWords = new Set(sides.flatMap((side) => [...side.terms]));
  }

  /** The side a passage's own heading names alone, if any. */
  #sideOf(p: Passage): Side | undefined {
    if (!this.#sectionSide.has(p.id))
      this.#sectionSide.set(p.id, onlySide(p.headingPath.at(-1) ?? '', this.sides));
    return this.#sectionSide.get(p.id);
  }

  /**
   * The lines at `depth` of every section under `p`'s parent heading that names a side, each
   * numbered within its section in note order (a section cut into several passages counts as one).
   * Lines longer than {@link SENTENCE_SPLIT_CHARS} are quoted by sentence and are left out.
   */
  #siblingLines(p: Passage, depth: number): SectionLine[] {
    const key = `${parentKey(p)}\n${depth}`;
    const cached = this.#lines.get(key);
    if (cached) return cached;
    const bySection = new Map<string, Array<Omit<SectionLine, 'pos'> & { line: number }>>();
    for (const q of siblingPassages(this.index, p)) {
      const side = this.#sideOf(q);
      if (!side) continue;
      const section = formatHeadingPath(q.headingPath);
      const list = bySection.get(section) ?? [];
      bySection.set(section, list);
      q.items.forEach((item, i) => {
        if (item.depth === depth) list.push({ passage: q, item: i, side, line: item.line });
      });
    }
    const out: SectionLine[] = [];
    for (const list of bySection.values()) {
      // Numbered before long lines and table rows leave, so places still line up across sections.
      list.sort((a, b) => a.line - b.line);
      list.forEach(({ passage, item, side }, pos) => {
        const { text, cells } = passage.items[item] as PassageItem;
        if (!cells && text.length <= SENTENCE_SPLIT_CHARS) out.push({ passage, item, side, pos });
      });
    }
    this.#lines.set(key, out);
    return out;
  }

  /** A line's words to compare, the words naming a side aside: its label's when `byLabel`. */
  #wordsOf(text: string, byLabel: boolean): Set<string> {
    const key = `${byLabel ? 'L' : 'T'}${text}`;
    let words = this.#words.get(key);
    if (!words) {
      const label = LABELLED.exec(text);
      const body = label && GENERIC_LABEL.test(label[1]?.trim() ?? '') ? text.slice(label[0].length) : text;
      const part = byLabel ? leadOf(body) : body;
      words = new Set(analyzeText(part).terms.filter((w) => !this.#sideWords.has(w)));
      this.#words.set(key, words);
    }
    return words;
  }

  /** True when `text` opens with a label of a property (not "Note:"). */
  #labelled(text: string): boolean {
    const label = LABELLED.exec(text)?.[1]?.trim();
    return label !== undefined && !GENERIC_LABEL.test(label);
  }

  /**
   * The line of `lines` that says most nearly what `text` says: two lines led by a property's
   * label are compared by their labels, others by all their words; it must share at least
   * {@link PARALLEL_OVERLAP} of the shorter one's words. Closest by the share of both lines' words
   * they share, then by place in their sections (`pos`).
   */
  #mostParallel(text: string, pos: number, lines: readonly SectionLine[]): SectionLine | undefined {
    let best: { line: SectionLine; fit: number; distance: number } | undefined;
    const labelled = this.#labelled(text);
    for (const line of lines) {
      const other = line.passage.items[line.item]?.text ?? '';
      const byLabel = labelled && this.#labelled(other);
      const mine = this.#wordsOf(text, byLabel);
      const theirs = this.#wordsOf(other, byLabel);
      const shared = parallelShare(mine, theirs);
      if (shared === 0) continue;
      const fit = shared / (mine.size + theirs.size - shared);
      const distance = Math.abs(line.pos - pos);
      if (!best || fit > best.fit || (fit === best.fit && distance < best.distance))
        best = { line, fit, distance };
    }
    return best?.line;
  }

  /**
   * The line in a sibling section about another side that says the same thing of it, as a unit
   * scored for the question: "It's a pull base system." under "SQS" and "Push-based" under "SNS",
   * "At-Least-Once Delivery: …" under "Standard Queues" and "Exactly-Once Processing: …" under
   * "FIFO Queues". `u` is a whole line (not one sentence of a long one) under a heading naming one
   * side, and its text names no other; the partner sits at the same bullet depth under a heading
   * naming another side only, and is a mutual best match: of the lines of every side but the
   * partner's, `u` is the one closest to it.
   */
  partnerOf(u: Unit): Unit | undefined {
    const item = u.passage.items[u.item];
    if (!item || u.text !== item.text || item.cells) return undefined;
    const side = this.#sideOf(u.passage);
    if (!side || this.sides.some((o) => o !== side && names(termSet(u.text), o))) return undefined;
    const lines = this.#siblingLines(u.passage, item.depth);
    const self = lines.find((l) => l.passage === u.passage && l.item === u.item);
    if (!self) return undefined;
    const partner = this.#mostParallel(
      u.text,
      self.pos,
      lines.filter((l) => l.side !== side),
    );
    if (!partner) return undefined;
    const text = partner.passage.items[partner.item]?.text ?? '';
    // Only a mutual best match: "First-In-First-Out Delivery" shares a word with "At-Least-Once
    // Delivery", but "Exactly-Once Processing" is the line that answers it.
    const back = this.#mostParallel(
      text,
      partner.pos,
      lines.filter((l) => l.side !== partner.side),
    );
    if (back !== self) return undefined;
    return rankUnits(
      [{ passage: partner.passage, score: 0, matched: [] }],
      this.whole.concepts,
      this.whole.intent,
    ).find((r) => r.item === partner.item && r.text === text);
  }
}

/** True when two passages are parts of one table (a long table is cut into several passages). */
function sameTable(a: Passage, b: Passage): boolean {
  return (
    a.kind === 'table' &&
    b.kind === 'table' &&
    a.file === b.file &&
    formatHeadingPath(a.headingPath) === formatHeadingPath(b.headingPath)
  );
}

/**
 * The rows of a table that pair with a chosen row: when the sides are rows of one table ("Storage
 * Class: Standard-IA" … "Storage Class: One Zone-IA"), each side's row is quoted beside the
 * others, so the answer reads as a small table. Units come from `ranked`, best first. A line's
 * neighbouring parallel line (`partnerOf`) and its sibling section's partner (`siblingOf`) are
 * quoted beside it too.
 */
function pairedRows(
  chosen: readonly Unit[],
  ranked: readonly Unit[],
  sides: readonly Side[],
  partnerOf: (u: Unit) => number | undefined,
  siblingOf: (u: Unit) => Unit | undefined,
): Unit[] {
  const out: Unit[] = [];
  for (const u of chosen) {
    const sibling = siblingOf(u);
    if (sibling) {
      const same = (r: Unit) =>
        r.passage === sibling.passage && r.item === sibling.item && r.text === sibling.text;
      if (!chosen.some(same) && !out.some(same)) out.push(ranked.find(same) ?? sibling);
    }
    const partner = partnerOf(u);
    if (partner !== undefined) {
      const unit = ranked.find((r) => r.passage === u.passage && r.item === partner);
      if (unit && !chosen.some((c) => c.passage === u.passage && c.item === partner) && !out.includes(unit))
        out.push(unit);
    }
    if (u.passage.kind !== 'table') continue;
    const rowSide = sides.find((side) => names(termSet(u.text), side));
    if (!rowSide) continue;
    for (const side of sides) {
      if (side === rowSide) continue;
      const row = ranked.find(
        (r) =>
          sameTable(r.passage, u.passage) &&
          r.text !== u.text &&
          names(termSet(r.text), side) &&
          !sides.some((o) => o !== side && names(termSet(r.text), o)),
      );
      if (row && !chosen.includes(row) && !out.includes(row)) out.push(row);
    }
  }
  return out;
}

/**
 * What the question names besides its sides, read from the words before the first side's name:
 * "storage gateway" in "storage gateway stored volumes vs cached volumes", "object lock" in
 * "object lock governance mode vs compliance mode". Empty when the first side opens the question.
 */
function comparisonContext(whole: QueryAnalysis, first: QueryAnalysis, side: Side | undefined): Concept[] {
  const at = (side?.key?.own ?? []).map((t) => first.terms.indexOf(t)).filter((n) => n >= 0);
  const before = new Set(first.terms.slice(0, at.length ? Math.min(...at) : 0));
  return whole.concepts.filter((c) => c.own.length > 0 && c.own.every((t) => before.has(t)));
}

/**
 * True when a unit is about the question's `context` (its text, parent bullets, heading path or
 * file topic name every concept of it): "Virtual devices for instance store volume are ephemeral"
 * names "store volume" but is no line about Storage Gateway's stored volumes.
 */
function inContext(u: Unit, context: readonly Concept[]): boolean {
  const where = termSet(
    [u.text, ...u.ancestors.map((a) => a.text), ...u.passage.headingPath, ...u.passage.topic].join(' '),
  );
  return context.every((c) => conceptCredit(c, where) >= 1);
}

/**
 * True when `u` is the first of `chosen` that is the own line of a side other than `making`: room
 * for a side's line is not taken from another side's first line, but a side quoted twice
 * ("Governance Mode - …" and "With governance mode, …") gives up its second.
 */
function keptForSide(u: Unit, chosen: readonly Unit[], sides: readonly Side[], making: Side): boolean {
  return sides.some((side) => {
    if (side === making) return false;
    const rest = sides.filter((o) => o !== side);
    return chosen.find((c) => isOwnLine(c, side, rest)) === u;
  });
}

/** Drops the weakest of `chosen` (not the best, nor those `keep` holds) until `next` fits. */
function makeRoom(chosen: Unit[], next: Unit, keep: (u: Unit) => boolean): void {
  while (!fits([...chosen, next], MAX_ANSWER_CHARS)) {
    const weakest = chosen.findLastIndex((u, j) => j > 0 && !keep(u));
    if (weakest < 0) return;
    chosen.splice(weakest, 1);
  }
}

/** `find` remembered per unit (its passage, item and text): asked again, it is not worked out again. */
function oncePerUnit<T>(find: (u: Unit) => T): (u: Unit) => T {
  const found = new Map<string, T>();
  return (u) => {
    const key = `${u.passage.id}:${u.item}:${u.text}`;
    if (!found.has(key)) found.set(key, find(u));
    return found.get(key) as T;
  };
}

/**
 * The pieces of the comparison answer for `comparison` (searched as {@link comparisonQuery}: its
 * sides and aspect, without an aside), drawing on `k` passages (`dense`: the question's dense
 * ranking, fused into that search), or null when a side is not in the notes. Pure given the index.
 */
export function composeComparison(
  comparison: Comparison,
  index: SearchIndex,
  k: number,
  dense?: readonly number[],
): Piece[] | null {
  const whole = { ...index.analyze(comparisonQuery(comparison)), dense };
  const analyses = comparison.sides.map((side) => index.analyze(side));
  if (analyses.some((a) => a.terms.length === 0 && a.synonyms.length === 0)) return null;
  const hits = index.searchAnalyzed(whole, k);
  if (!isCovered(index, whole, hits)) return null;
  const sides = distinct(analyses.map((a, i) => sideOf(a, i, analyses)));
  // Each unit's partners, found once: ranking, pairing and making room all ask.
  const partnerOf = oncePerUnit((u) => parallelPartner(u, sides));
  const pairs = new SiblingPairs(index, sides, whole);
  const siblingOf = oncePerUnit((u) => pairs.partnerOf(u));
  const seen = new Set(hits.map((h) => h.passage.id));
  // Each side's own search finds its section's lines that the whole question ranks too low to
  // reach ("It's a pull base system." under "SQS"); of those, only the lines of a sibling pair count.
  const sideHits: Hit[] = [];
  for (const h of analyses.flatMap((a) => index.searchAnalyzed(a, k))) {
    if (seen.has(h.passage.id)) continue;
    seen.add(h.passage.id);
    sideHits.push(h);
  }
  const ranked = rankUnits([...hits, ...sideHits], whole.concepts, whole.intent)
    .filter((u) => u.rank < hits.length || siblingOf(u))
    .map((u) => {
      if (partnerOf(u) !== undefined) return { ...u, score: u.score + CONTRAST_BONUS };
      if (siblingOf(u)) return { ...u, score: u.score + SIBLING_PAIR_BONUS };
      if (!contrasts(u, sides)) return u;
      const cut = cutRow(u, sides);
      const own = termSet(cut.text);
      if (sides.every((side) => names(own, side))) return { ...cut, score: cut.score + CONTRAST_BONUS };
      return comparedByHeading(u, sides) ? { ...cut, score: cut.score + COMPARED_HEADING_BONUS } : cut;
    })
    .sort((a, b) => b.score - a.score);
  const chosen = chooseUnits(ranked, whole.concepts, new Set(whole.terms), MAX_ANSWER_CHARS);
  for (const row of pairedRows(chosen, ranked, sides, partnerOf, siblingOf)) {
    // Room for the partner: the weakest lines that are not side lines give way.
    makeRoom(chosen, row, (u) => u.passage.kind === 'table' || partnerOf(u) !== undefined || !!siblingOf(u));
    if (fits([...chosen, row], MAX_ANSWER_CHARS)) chosen.push(row);
  }
  const context = comparisonContext(whole, analyses[0] as QueryAnalysis, sides[0]);
  for (const [i, own] of sides.entries()) {
    const others = sides.filter((_, j) => j !== i);
    // A line that names the other sides too does not say what this side is.
    const ownLines = chosen.filter((u) => isOwnLine(u, own, others));
    if (ownLines.some((u) => inContext(u, context))) continue;
    const pick = bestForSide(index, whole, analyses[i] as QueryAnalysis, own, others, k);
    // A side line from elsewhere stands until the side's own search finds one in context.
    if (ownLines.length > 0 && (!pick || !inContext(pick, context))) continue;
    if (!pick || chosen.some((c) => isDuplicate(c.text, pick.text) || isDuplicate(pick.text, c.text)))
      continue;
    // The side's lines from elsewhere give way to the one in context.
    for (const u of ownLines) chosen.splice(chosen.indexOf(u), 1);
    // Room for the side's line: the weakest chosen lines give way, but not another side's first line.
    makeRoom(chosen, pick, (u) => keptForSide(u, chosen, sides, own));
    if (fits([...chosen, pick], MAX_ANSWER_CHARS)) chosen.push(pick);
  }
  return chosen.length ? piecesOf(chosen, MAX_ANSWER_CHARS) : null;
}
