/**
 * Resident memory of the answering side of the bot with a notes folder loaded: a child process
 * (its own heap, as the bot has) opens the notes and their index, answers questions, and reports
 * its RSS. Run as a script: `npx tsx bench/knowledge-memory.ts DIR` prints `{"rssMB", "passages"}`.
 */

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the child reports. */
export interface KnowledgeMemory {
  rssMB: number;
  passages: number;
}

/** Measures RSS (MB) after loading `notesDir` and answering `questions` in a fresh process. */
export async function benchKnowledgeMemory(notesDir: string): Promise<KnowledgeMemory> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), notesDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += String(d);
  });
  await new Promise((resolve) => child.once('exit', resolve));
  return JSON.parse(out) as KnowledgeMemory;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ExtractiveAnswerer } = await import('../src/answer/answerer.ts');
  const { openKnowledge } = await import('../src/retrieval/open-knowledge.ts');
  const cache = await mkdtemp(join(tmpdir(), 'saa-mem-'));
  const knowledge = await openKnowledge(process.argv[2] ?? '.', cache, { log: { info() {}, warn() {} } });
  const answerer = new ExtractiveAnswerer(() => knowledge.index);
  for (const q of ['lambda timeout', 'sqs vs sns', 'max size of an ebs volume', 'how do we block an ip']) {
    await answerer.answer(q);
  }
  await rm(cache, { recursive: true, force: true });
  globalThis.gc?.();
  process.stdout.write(
    JSON.stringify({
      rssMB: process.memoryUsage().rss / 1024 / 1024,
      passages: knowledge.corpus.passages.length,
    }),
  );
}
