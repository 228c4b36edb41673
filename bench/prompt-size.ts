/**
 * Prompt size per model-phrased answer, so a team can estimate what OPENAI answers cost: builds
 * the exact prompt the bot sends (system rules, question, top passages) for every evaluation
 * question (bench/eval-corpora.ts) over a notes folder (default ../shared/notes) and counts its tokens
 * with gpt-tokenizer (o200k_base, the gpt-4o / gpt-4o-mini encoding, chat framing included).
 * Questions the notes do not cover are answered without a call and are counted apart.
 * Other models' tokenizers (Llama, Qwen, Mistral) count differently: treat the numbers as an estimate.
 *
 * Usage: npx tsx bench/prompt-size.ts [--notes DIR] [--price USD_PER_1M_INPUT_TOKENS] [--verbose]
 */

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { countTokens, encodeChat } from 'gpt-tokenizer/model/gpt-4o';
import { buildPrompt, MAX_ANSWER_WORDS, SYSTEM_PROMPT, topPassages } from '../src/answer/llm-prompt.ts';
import { loadNotes } from '../src/knowledge/load-notes.ts';
import { buildIndex } from '../src/retrieval/build-index.ts';
import { SearchIndex } from '../src/retrieval/search-index.ts';
import { allQuestions } from './eval-corpora.ts';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    notes: { type: 'string' },
    price: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const notesDir = resolve(values.notes ?? resolve(here, '../../shared/notes'));
const questions = allQuestions();

const corpus = await loadNotes(notesDir);
const index = new SearchIndex(buildIndex(corpus.passages), corpus.passages);
const tokens = (messages: ReturnType<typeof buildPrompt>) => encodeChat(messages, 'gpt-4o-mini').length;

const sizes: number[] = [];
const passagesSent: number[] = [];
let skipped = 0;
for (const q of questions) {
  const passages = topPassages(q, index);
  if (passages.length === 0) {
    skipped += 1;
    continue;
  }
  const n = tokens(buildPrompt(q, passages));
  sizes.push(n);
  passagesSent.push(passages.length);
  if (values.verbose) console.log(`${String(n).padStart(5)}  ${q}`);
}

const sorted = [...sizes].sort((a, b) => a - b);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const mean = sizes.reduce((a, b) => a + b, 0) / Math.max(sizes.length, 1);
const systemTokens = encodeChat([{ role: 'system', content: SYSTEM_PROMPT }], 'gpt-4o-mini').length;
// The answer paraphrases the notes: estimate its tokens from the notes' own tokens per word.
const noteText = corpus.passages.map((p) => p.text).join('\n');
const perWord = countTokens(noteText) / Math.max(noteText.split(/\s+/).filter(Boolean).length, 1);
const outputTokens = Math.round(MAX_ANSWER_WORDS * perWord);

console.log(`notes: ${notesDir} (${corpus.files.length} files, ${corpus.passages.length} passages)`);
console.log(
  `questions: ${questions.length} (${sizes.length} sent to the model, ${skipped} not covered: answered without a call)`,
);
console.log('| prompt tokens per answer | mean | p50 | p90 | max | passages sent (mean) | system rules |');
console.log('|---|---|---|---|---|---|---|');
console.log(
  `| o200k_base (gpt-4o-mini) | ${Math.round(mean)} | ${at(0.5)} | ${at(0.9)} | ${sorted.at(-1) ?? 0} | ` +
    `${(passagesSent.reduce((a, b) => a + b, 0) / Math.max(passagesSent.length, 1)).toFixed(1)} | ${systemTokens} |`,
);
console.log(
  `output: about ${outputTokens} tokens per answer (${MAX_ANSWER_WORDS} words asked for, ${perWord.toFixed(2)} tokens a word in these notes)`,
);
if (values.price) {
  const price = Number(values.price);
  console.log(
    `input cost at $${price} per 1M tokens: $${((mean * price) / 1000).toFixed(4)} per 1,000 answers`,
  );
}
