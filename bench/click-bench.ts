/**
 * Click storm against Postgres: N signed block_actions requests (each of `people` people clicks
 * twice, every tenth request marked as a Slack retry), C at a time, from autocannon in a child
 * process into the real Bolt HTTP receiver, with the real quiz use case and repositories.
 * Reports ack latency, clicks per second, and checks that exactly one answer per person counted.
 */

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebClient } from '@slack/web-api';
import { ExtractiveAnswerer } from '../src/answer/answerer.ts';
import { AnswerCountUpdater } from '../src/daily-quiz/answer-count-updater.ts';
import type { QuizContext } from '../src/daily-quiz/quiz-context.ts';
import { loadNotes } from '../src/knowledge/load-notes.ts';
import { loadQuestionBank } from '../src/quiz/load-question-bank.ts';
import { buildIndex } from '../src/retrieval/build-index.ts';
import { SearchIndex } from '../src/retrieval/search-index.ts';
import { createSlackApp } from '../src/slack/create-slack-app.ts';
import { slackQuizMessenger } from '../src/slack/slack-quiz-messenger.ts';
import { singleWorkspaceClients } from '../src/slack/team-clients.ts';
import { SqlQuizPostRepository } from '../src/storage/quiz-post-repository.ts';
import { SqlResponseRepository } from '../src/storage/response-repository.ts';
import { SqlScheduleRepository } from '../src/storage/schedule-repository.ts';
import { benchDatabase } from './bench-database.ts';
import { runLoad } from './http-bench.ts';

/** Click-storm result; times in ms. */
export interface ClickResult {
  requests: number;
  people: number;
  concurrency: number;
  ackP50: number;
  ackP99: number;
  perSecond: number;
  non200: number;
  counted: number;
  exact: boolean;
}

/** Runs the storm and tears everything down. */
export async function benchClicks(
  notesDir: string,
  questionsDir: string,
  opts: { requests: number; people: number; concurrency: number },
): Promise<ClickResult> {
  const bench = await benchDatabase();
  const standIn = spawn(
    process.execPath,
    [fileURLToPath(new URL('./stand-in-process.mjs', import.meta.url))],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const standInPort = await new Promise<number>((resolve) =>
    standIn.stdout.once('data', (d) => resolve(Number(String(d).trim()))),
  );
  const standInUrl = `http://127.0.0.1:${standInPort}`;
  try {
    const corpus = await loadNotes(notesDir);
    const { questions } = await loadQuestionBank(questionsDir, corpus.sections);
    const index = new SearchIndex(buildIndex(corpus.passages), corpus.passages);
    const posts = new SqlQuizPostRepository(bench.db);
    const responses = new SqlResponseRepository(bench.db);
    const ctx: QuizContext = {
      bank: () => questions,
      schedules: new SqlScheduleRepository(bench.db),
      posts,
      responses,
      messenger: slackQuizMessenger(
        singleWorkspaceClients(new WebClient('xoxb-bench', { slackApiUrl: `${standInUrl}/api/` })),
      ),
      clock: () => new Date(),
      instanceId: 'bench',
      staleClaimMs: 300_000,
      revealAfterMs: 8 * 3_600_000,
      defaults: { cron: '0 9 * * 1-5', timeZone: 'UTC' },
      ready: async () => undefined,
      log: console,
    };
    const counter = new AnswerCountUpdater(() => ctx);
    ctx.onAnswered = (post) => counter.bump(post);
    const question = questions[0];
    if (!question) throw new Error('empty question bank');
    const claim = await posts.claim({
      teamId: 'T1',
      channelId: 'C1',
      localDate: '2026-11-22',
      questionId: question.id,
      claimedBy: 'bench',
      now: new Date(),
      staleAfterMs: 300_000,
    });
    await posts.markPosted(claim.post.id, '1700000000.000100', new Date());
    const slack = createSlackApp(
      {
        botToken: 'xoxb-bench',
        signingSecret: 'bench-secret',
        slackApiUrl: `${standInUrl}/api/`,
        port: 0,
        logLevel: 'error',
      },
      {
        answerer: new ExtractiveAnswerer(() => index),
        quiz: () => ctx,
      },
    );
    const port = await slack.start();
    const load = await runLoad({
      url: `http://127.0.0.1:${port}/slack/events`,
      secret: 'bench-secret',
      amount: opts.requests,
      connections: opts.concurrency,
      responseBase: `${standInUrl}/response`,
      questions: [],
      click: { people: opts.people, quizId: claim.post.id, messageTs: '1700000000.000100' },
    });
    // Let the ephemeral replies and the last answer-count refresh drain before stopping.
    for (let waited = 0; waited < 30_000; waited += 200) {
      const times = (await (await fetch(`${standInUrl}/__times`)).json()) as Record<string, number>;
      if (Object.keys(times).length >= opts.requests) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 3500));
    await slack.stop();
    const stats = await responses.quizStats(claim.post.id);
    return {
      requests: opts.requests,
      people: opts.people,
      concurrency: opts.concurrency,
      ackP50: load.latency.p50,
      ackP99: load.latency.p99,
      perSecond: load.rps,
      non200: load.non2xx + load.errors,
      counted: stats.answered,
      exact: stats.answered === opts.people,
    };
  } finally {
    standIn.kill();
    await bench.drop();
  }
}
