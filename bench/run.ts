/**
 * `npm run bench`: prints benchmark tables (Markdown). Sections: `retrieval` (../shared/notes,
 * the evaluation corpora and synthetic 10k / 100k passage corpora), `knowledge-memory` (resident
 * memory with each notes folder loaded), `stall` (12 concurrent 40 KB questions on ~1 MB of
 * notes beside a normal /saa), `http` (the /saa round trip under 100 concurrent signed
 * requests), `clicks` (a daily-quiz click storm on Postgres), `scores` (the leaderboard query
 * over 1M answers on Postgres), `cards` (next due card and readiness stats over 5M study cards on
 * Postgres), `memory` (the bot's resident memory, idle, with PGlite and with Postgres),
 * `conversation` (time to first streamed text and the extractive reply of a DM), `reminders`
 * (one review-reminder sweep for 10,000 people in 40 workspaces against the Slack stand-in),
 * `scale` (3 bot processes on one Postgres behind a round-robin proxy: 10 racing daily posts and
 * 2,000 clicks).
 * Pass section names to run only some: `npm run bench -- memory`.
 */

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNotes } from '../src/knowledge/load-notes.ts';
import { benchDatabase } from './bench-database.ts';
import { benchCards } from './cards-bench.ts';
import { benchClicks } from './click-bench.ts';
import { benchConversation } from './conversation-bench.ts';
import { allQuestions, discoverCorpora, SHARED_DIR } from './eval-corpora.ts';
import { benchBaseline, benchHttp } from './http-bench.ts';
import { benchKnowledgeMemory } from './knowledge-memory.ts';
import { benchMemory, IDLE_MS, SETTLE_MS } from './memory-bench.ts';
import { benchReminders } from './reminders-bench.ts';
import { benchRetrieval, type RetrievalRow } from './retrieval-bench.ts';
import { benchScale } from './scale-bench.ts';
import { benchScores } from './scores-bench.ts';
import { benchStall } from './stall-bench.ts';
import { syntheticPassages } from './synthetic-corpus.ts';

const here = dirname(fileURLToPath(import.meta.url));
const only = new Set(process.argv.slice(2));
const wants = (section: string) => only.size === 0 || only.has(section);
const f = (n: number, digits = 1) => n.toFixed(digits);

const questions = allQuestions();
const shared = await loadNotes(resolve(here, '../../shared/notes')).catch(() => null);
const ours = await loadNotes(resolve(here, '../knowledge/notes'));
const sample = [...(shared?.passages ?? []), ...ours.passages];

if (wants('retrieval')) {
  const rows: RetrievalRow[] = [];
  if (shared) rows.push(await benchRetrieval('../shared/notes', shared.passages, questions));
  for (const c of discoverCorpora().filter((x) => x.name !== 'shared-notes')) {
    rows.push(await benchRetrieval(c.name, (await loadNotes(c.notesDir)).passages, questions));
  }
  rows.push(await benchRetrieval('knowledge/notes', ours.passages, questions));
  rows.push(await benchRetrieval('synthetic 10k', syntheticPassages(sample, 10_000), questions));
  rows.push(await benchRetrieval('synthetic 100k', syntheticPassages(sample, 100_000), questions, 1));
  console.log('\n### Retrieval (queries: the eval questions; times in ms)\n');
  console.log(
    '| corpus | passages | build (worker) | max main-thread stall during build | load serialized | index JSON MB | heap MB | search p50 | search p99 | answer p50 | answer p99 |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.corpus} | ${r.passages} | ${f(r.buildMs, 0)} | ${f(r.maxStallMs)} | ${f(r.loadMs, 0)} | ${f(r.indexMB)} | ${f(r.heapMB)} | ${f(r.searchP50, 2)} | ${f(r.searchP99, 2)} | ${f(r.answerP50, 2)} | ${f(r.answerP99, 2)} |`,
    );
  }
}

if (wants('knowledge-memory')) {
  console.log('\n### Resident memory with the notes loaded (a fresh process: notes, index, four answers)\n');
  console.log('| notes | passages | RSS MB |');
  console.log('|---|---:|---:|');
  const folders: Array<[string, string]> = [
    ...discoverCorpora().map((c): [string, string] => [c.name, c.notesDir]),
    ['all of ../shared/eval', resolve(SHARED_DIR, 'eval')],
    ['knowledge/notes', resolve(here, '../knowledge/notes')],
  ];
  for (const [name, dir] of folders) {
    const m = await benchKnowledgeMemory(dir);
    console.log(`| ${name} | ${m.passages} | ${f(m.rssMB, 0)} |`);
  }
}

if (wants('stall')) {
  const sources = discoverCorpora().map((c) => c.notesDir);
  const r = await benchStall(sources.length ? sources : [resolve(here, '../knowledge/notes')]);
  console.log(
    `\n### One person stalling every ack? ${r.questions} concurrent ${r.questionBytes / 1000} KB questions on ${f(r.notesBytes / 1e6, 2)} MB of notes (signed /saa into the real Bolt receiver)\n`,
  );
  console.log(
    '| heavy ack p50 ms | heavy ack max ms | normal /saa ack ms (sent meanwhile) | GET /healthz ms (meanwhile) |',
  );
  console.log('|---:|---:|---:|---:|');
  console.log(`| ${f(r.heavyAckP50)} | ${f(r.heavyAckMax)} | ${f(r.normalAck)} | ${f(r.healthz)} |`);
}

if (wants('conversation')) {
  const sample = questions.filter((_, i) => i % 8 === 0).slice(0, 30);
  const r = await benchConversation(`${SHARED_DIR}/notes`, sample);
  console.log(
    `\n### Messages tab: a DM event into the real Bolt receiver, ${r.runs} distinct questions on ../shared/notes, one at a time\n`,
  );
  console.log('| first streamed text p50 ms | p99 ms (target ≤ 300) | extractive reply p50 ms | p99 ms |');
  console.log('|---:|---:|---:|---:|');
  console.log(
    `| ${f(r.firstTokenP50)} | ${f(r.firstTokenP99)} | ${f(r.extractiveP50)} | ${f(r.extractiveP99)} |`,
  );
}

if (wants('http')) {
  const r = await benchHttp(resolve(here, '../knowledge/notes'), questions, {
    requests: 1000,
    concurrency: 100,
  });
  console.log('\n### /saa slash command over HTTP (signed requests into the real Bolt receiver)\n');
  console.log(
    '| server | requests | concurrency | round trip p50 ms | round trip p99 ms | requests/s | non-200 |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const b = await benchBaseline({ requests: 1000, concurrency: 100 });
  for (const [name, x] of [
    ['saa-study-bot (Bolt, answer in the ack)', r],
    ['bare node:http, HMAC check only (machine ceiling)', b],
  ] as const) {
    console.log(
      `| ${name} | ${x.requests} | ${x.concurrency} | ${f(x.ackP50)} | ${f(x.ackP99)} | ${f(x.perSecond, 0)} | ${x.failures} |`,
    );
  }
}

if (wants('clicks')) {
  const r = await benchClicks(resolve(here, '../knowledge/notes'), resolve(here, '../knowledge/questions'), {
    requests: 2000,
    people: 1000,
    concurrency: 100,
  });
  console.log('\n### Daily-quiz click storm (signed block_actions into the real Bolt receiver, Postgres)\n');
  console.log(
    '| clicks | people | concurrency | ack p50 ms | ack p99 ms | clicks/s | non-200 | answers counted | exactly one per person |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  console.log(
    `| ${r.requests} | ${r.people} | ${r.concurrency} | ${f(r.ackP50)} | ${f(r.ackP99)} | ${f(r.perSecond, 0)} | ${r.non200} | ${r.counted} | ${r.exact ? 'yes' : 'NO'} |`,
  );
}

if (wants('scores')) {
  const r = await benchScores();
  console.log(
    `\n### Leaderboard query on Postgres (${r.answers.toLocaleString('en')} daily answers in the workspace, plus as many in a second one; top 10 + the asker)\n`,
  );
  console.log('| period | people ranked | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|');
  for (const row of r.rows) console.log(`| ${row.period} | ${row.people} | ${f(row.p50)} | ${f(row.p99)} |`);
  console.log(`\nEXPLAIN ANALYZE (week):\n\n\`\`\`\n${r.explain}\n\`\`\``);
}

if (wants('cards')) {
  const r = await benchCards();
  console.log(
    `\n### Study cards on Postgres (${r.cards.toLocaleString('en')} cards: 10,000 people × 500; table and indexes ${f(r.tableMB, 0)} MB; seeded in ${f(r.seedMs / 1000)} s; 1,000 people, one at a time)\n`,
  );
  console.log('| operation | p50 ms | p99 ms | max ms |');
  console.log('|---|---:|---:|---:|');
  for (const row of r.rows)
    console.log(`| ${row.operation} | ${f(row.p50, 2)} | ${f(row.p99, 2)} | ${f(row.max, 2)} |`);
  console.log(`\nEXPLAIN ANALYZE (next due card):\n\n\`\`\`\n${r.explainDue}\n\`\`\``);
  console.log(`\nEXPLAIN ANALYZE (a person's cards):\n\n\`\`\`\n${r.explainReadiness}\n\`\`\``);
}

if (wants('reminders')) {
  const r = await benchReminders();
  console.log(
    `\n### Review-reminder sweep on Postgres against the Slack stand-in (${r.people.toLocaleString('en')} people in ${r.workspaces} workspaces, all due the same minute; ${r.firstTimers} per workspace reminded for the first time)\n`,
  );
  console.log(
    '| sweep wall s | DMs sent | slowest workspace s (first to last DM) | max DMs / workspace / 60 s | max DMs / workspace / 1 s | max conversations.open / workspace / 60 s |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${f(r.sweepMs / 1000)} | ${r.sent} | ${f(r.slowestWorkspaceMs / 1000)} | ${r.maxPerWorkspaceMinute} | ${r.maxPerWorkspaceSecond} | ${r.maxOpensPerWorkspaceMinute} |`,
  );
}

if (wants('memory')) {
  const postgres = await benchDatabase().catch(() => null);
  const rows = await benchMemory(postgres?.url);
  await postgres?.drop();
  console.log(
    `\n### Bot process memory (RSS, MB; HTTP mode, knowledge/notes; ${SETTLE_MS / 1000} s after start, and idle after ${IDLE_MS / 1000} s)\n`,
  );
  console.log('| database | start s | RSS after start | RSS idle | peak RSS |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.engine} | ${f(r.startMs / 1000)} | ${f(r.settledRssMB, 0)} | ${f(r.idleRssMB, 0)} | ${r.peakRssMB === null ? '–' : f(r.peakRssMB, 0)} |`,
    );
  }
}

if (wants('scale')) {
  // Two runs: at 100 clicks in flight this 2-core machine is overloaded (see the README).
  const runs = [
    await benchScale({ processes: 3, workspaces: 10, clicks: 2000, concurrency: 100 }),
    await benchScale({ processes: 3, workspaces: 10, clicks: 2000, concurrency: 25 }),
  ];
  const first = runs[0];
  console.log(
    `\n### Several processes: ${first?.processes} bot processes on one Postgres behind a round-robin proxy (${first?.workspaces} workspaces installed through the OAuth store, each with its own bot token, their daily quizzes due the same minute; 2,000 signed clicks from autocannon, ${first?.retries} Slack retries and ${first?.doubleClicks} double clicks among them)\n`,
  );
  console.log(
    '| clicks in flight | clicks/s | ack p50 ms | ack p99 ms | non-200 | posts per channel-day | posted with own token | posting processes | answers counted / distinct sent | told "not recorded" | lost silently | score totals | card reviews | error log lines |',
  );
  console.log('|---:|---:|---:|---:|---:|---|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const r of runs) {
    const posts = [...new Set(r.postsPerChannel)].join(', ');
    console.log(
      `| ${r.concurrency} | ${f(r.clicksPerSecond, 0)} | ${f(r.ackP50)} | ${f(r.ackP99)} | ${r.non200} | ${posts} (${r.postsStoredMatching}/${r.workspaces} stored) | ${r.postsWithTeamToken}/${r.workspaces} | ${r.posters} | ${r.counted} / ${r.distinctSent} | ${r.toldNotRecorded} | ${r.lostSilently} | ${r.totalsAnswered} | ${r.cardReviews} | ${r.errorLines.length} |`,
    );
  }
  for (const line of runs.flatMap((r) => r.errorLines).slice(0, 5)) console.log(`    ${line.slice(0, 400)}`);
}
