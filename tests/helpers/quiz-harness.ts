/**
 * Builds a real QuizContext for tests: the SQL repositories over a test database (or, for rule
 * tests, the in-memory ones, which the port contract tests hold to the same behaviour), the Slack
 * messenger over a WebClient pointed at the Slack stand-in, a clock the test moves by hand, and a
 * logger that records instead of printing. Only time, the network peer (Slack) and, on memory,
 * the database are stand-ins.
 */

import { fileURLToPath } from 'node:url';
import { WebClient } from '@slack/web-api';
import { MemoryQuizPostRepository } from '../../src/daily-quiz/memory-quiz-posts.ts';
import { MemoryQuizRecords } from '../../src/daily-quiz/memory-quiz-records.ts';
import { MemoryResponseRepository } from '../../src/daily-quiz/memory-responses.ts';
import { MemoryScheduleRepository } from '../../src/daily-quiz/memory-schedules.ts';
import { MemoryWorkspaceSettings } from '../../src/daily-quiz/memory-workspace-settings.ts';
import type { QuizContext, QuizMessenger } from '../../src/daily-quiz/quiz-context.ts';
import { MemoryFeedbackRepository } from '../../src/feedback/memory-feedback.ts';
import type { FeedbackRepository } from '../../src/feedback/ports.ts';
import { loadNotes } from '../../src/knowledge/load-notes.ts';
import { MemoryQuestionReviewRepository } from '../../src/question-review/memory-question-review.ts';
import type { QuestionReviewRepository } from '../../src/question-review/ports.ts';
import { loadQuestionBank } from '../../src/quiz/load-question-bank.ts';
import type { Question } from '../../src/quiz/question.ts';
import { singleAttemptOptions, slackClientOptions } from '../../src/slack/slack-client-options.ts';
import { slackQuizMessenger } from '../../src/slack/slack-quiz-messenger.ts';
import { singleWorkspaceClients } from '../../src/slack/team-clients.ts';
import { MemoryReminderRepository } from '../../src/spaced-repetition/memory-reminders.ts';
import { MemoryStudyCardRepository } from '../../src/spaced-repetition/memory-study-cards.ts';
import type { StudyCardRepository } from '../../src/spaced-repetition/ports.ts';
import type { ReminderMessenger } from '../../src/spaced-repetition/reminder-ports.ts';
import type { ReviewLimits } from '../../src/spaced-repetition/review-limits.ts';
import type { Database } from '../../src/storage/db.ts';
import { SqlFeedbackRepository } from '../../src/storage/feedback-repository.ts';
import { SqlQuestionReviewRepository } from '../../src/storage/question-review-repository.ts';
import { SqlQuizPostRepository } from '../../src/storage/quiz-post-repository.ts';
import { SqlReminderRepository } from '../../src/storage/reminder-repository.ts';
import { SqlResponseRepository } from '../../src/storage/response-repository.ts';
import { SqlScheduleRepository } from '../../src/storage/schedule-repository.ts';
import { SqlStudyCardRepository } from '../../src/storage/study-card-repository.ts';
import { SqlWorkspaceSettingsRepository } from '../../src/storage/workspace-settings-repository.ts';
import type { RecordedCall, SlackStandIn } from './slack-stand-in.ts';
import { TestClock } from './test-clock.ts';

/** A logger that keeps every line (and never prints), for asserting "nothing went wrong". */
export function recordingLog() {
  const lines: Array<{ level: 'info' | 'warn' | 'error'; args: unknown[] }> = [];
  return {
    lines,
    errors: () => lines.filter((l) => l.level === 'error'),
    log: {
      info: (...args: unknown[]) => void lines.push({ level: 'info', args }),
      warn: (...args: unknown[]) => void lines.push({ level: 'warn', args }),
      error: (...args: unknown[]) => void lines.push({ level: 'error', args }),
    },
  };
}

/**
 * The real Slack messenger, talking to the stand-in, with the bot's client options (deadline,
 * retries; the question posted in one attempt). `timeoutMs` shortens the per-call deadline.
 */
export function standInMessenger(standIn: SlackStandIn, timeoutMs?: number): QuizMessenger {
  const settings = { apiUrl: standIn.apiUrl, timeoutMs };
  return slackQuizMessenger(
    singleWorkspaceClients(
      new WebClient('xoxb-test', slackClientOptions(settings)),
      new WebClient('xoxb-test', singleAttemptOptions(settings)),
    ),
  );
}

/** What a test may set; everything else has a sensible default. */
export interface QuizContextOptions {
  bank: readonly Question[];
  clock: TestClock;
  messenger: QuizMessenger;
  instanceId?: string;
  staleClaimMs?: number;
  revealAfterMs?: number;
  defaults?: { cron: string; timeZone: string };
  ready?: () => Promise<void>;
  log?: QuizContext['log'];
  storeRetryDelaysMs?: readonly number[];
  /** Question review; default: SQL on the same database. */
  reviews?: QuestionReviewRepository;
  /** Answer feedback; default: SQL on the same database. */
  feedback?: FeedbackRepository;
  /** Study cards; default: SQL on the same database. */
  cards?: StudyCardRepository;
  /** Daily limits of `/saa review`; default DEFAULT_REVIEW_LIMITS. */
  reviewLimits?: ReviewLimits;
  /** Sends review reminders; default none (settings are stored, nothing is sent). */
  reminderMessenger?: ReminderMessenger;
}

/** Default staleness of an unposted claim in tests (5 min, as bootstrap.ts). */
export const TEST_STALE_CLAIM_MS = 5 * 60_000;
/** Default reveal delay in tests (8 h, the QUIZ_REVEAL_AFTER default). */
export const TEST_REVEAL_AFTER_MS = 8 * 3_600_000;

/** The repositories a QuizContext holds, over one store. */
export type QuizRepositories = Pick<
  Required<QuizContext>,
  'schedules' | 'posts' | 'responses' | 'reviews' | 'feedback' | 'cards' | 'reminders' | 'workspaceSettings'
>;

/** The SQL repositories over `db`. */
export function sqlQuizRepositories(db: Database): QuizRepositories {
  return {
    schedules: new SqlScheduleRepository(db),
    posts: new SqlQuizPostRepository(db),
    responses: new SqlResponseRepository(db),
    reviews: new SqlQuestionReviewRepository(db),
    feedback: new SqlFeedbackRepository(db),
    cards: new SqlStudyCardRepository(db),
    reminders: new SqlReminderRepository(db),
    workspaceSettings: new SqlWorkspaceSettingsRepository(db),
  };
}

/**
 * Fresh in-memory repositories (the memory-*.ts beside each port), for rule tests. Contexts
 * built over the same set share their data, as processes share a database.
 */
export function memoryQuizRepositories(): QuizRepositories {
  const records = new MemoryQuizRecords();
  return {
    schedules: new MemoryScheduleRepository(),
    posts: new MemoryQuizPostRepository(records),
    responses: new MemoryResponseRepository(records),
    reviews: new MemoryQuestionReviewRepository(),
    feedback: new MemoryFeedbackRepository(),
    cards: new MemoryStudyCardRepository(),
    reminders: new MemoryReminderRepository(),
    workspaceSettings: new MemoryWorkspaceSettings(),
  };
}

/** A QuizContext over `db` (already migrated, unless `ready` says otherwise). */
export function quizContext(db: Database, o: QuizContextOptions): QuizContext {
  return quizContextOver(sqlQuizRepositories(db), o);
}

/** A QuizContext over `repositories` (e.g. {@link memoryQuizRepositories}). */
export function quizContextOver(repositories: QuizRepositories, o: QuizContextOptions): QuizContext {
  return {
    bank: () => o.bank,
    schedules: repositories.schedules,
    posts: repositories.posts,
    responses: repositories.responses,
    reviews: o.reviews ?? repositories.reviews,
    feedback: o.feedback ?? repositories.feedback,
    cards: o.cards ?? repositories.cards,
    reviewLimits: o.reviewLimits,
    reminders: repositories.reminders,
    workspaceSettings: repositories.workspaceSettings,
    reminderMessenger: o.reminderMessenger,
    messenger: o.messenger,
    clock: o.clock.now,
    instanceId: o.instanceId ?? 'test:1',
    staleClaimMs: o.staleClaimMs ?? TEST_STALE_CLAIM_MS,
    revealAfterMs: o.revealAfterMs ?? TEST_REVEAL_AFTER_MS,
    defaults: o.defaults ?? { cron: '0 9 * * 1-5', timeZone: 'UTC' },
    ready: o.ready ?? (() => Promise.resolve()),
    log: o.log ?? recordingLog().log,
    storeRetryDelaysMs: o.storeRetryDelaysMs,
  };
}

/** A messenger for contexts that never post (every call rejects, so a stray post shows). */
export function unusedMessenger(): QuizMessenger {
  const unused = () => Promise.reject(new Error('the messenger is not used here'));
  return { postQuestion: unused, findQuestion: unused, updateQuestion: unused, postReveal: unused };
}

/**
 * A QuizContext over fresh in-memory repositories that never posts, for listener and rule tests;
 * `o` overrides the defaults (clock at 2026-03-02 09:00 UTC).
 */
export function memoryQuizContext(
  bank: readonly Question[],
  o: Partial<QuizContextOptions> = {},
): QuizContext & QuizRepositories {
  const repositories = memoryQuizRepositories();
  const ctx = quizContextOver(repositories, {
    bank,
    clock: new TestClock('2026-03-02T09:00:00Z'),
    messenger: unusedMessenger(),
    ...o,
  });
  return { ...repositories, ...ctx } as QuizContext & QuizRepositories;
}

const KNOWLEDGE = fileURLToPath(new URL('../../knowledge/', import.meta.url));

/**
 * The shipped question bank's multiple-choice questions (one right option, answered with one
 * button), validated against the shipped notes. Multiple-response questions (checkboxes and a
 * Submit button) have their own tests: tests/slack/multiple-response-clicks.test.ts.
 */
export async function loadRealSingleChoiceBank(): Promise<Question[]> {
  return (await loadRealBank()).filter((q) => q.correctKeys.length === 1);
}

/**
 * The shipped question bank, validated against the shipped notes: a copy of the one this worker
 * loaded first (test files in one worker share modules, vitest.config.ts: parsing the bank's YAML
 * takes 0.2–0.5 s, a copy a few ms), so a test that changes its copy changes no other file's.
 */
export async function loadRealBank(): Promise<Question[]> {
  shippedBank ??= loadShippedBank().catch((error: unknown) => {
    shippedBank = undefined;
    throw error;
  });
  return structuredClone(await shippedBank);
}

/** The worker's load of the shipped bank (see {@link loadRealBank}). */
let shippedBank: Promise<Question[]> | undefined;

async function loadShippedBank(): Promise<Question[]> {
  const notes = await loadNotes(`${KNOWLEDGE}notes`);
  const { questions, problems } = await loadQuestionBank(`${KNOWLEDGE}questions`, notes.sections);
  if (problems.length > 0) throw new Error(`question bank problems: ${problems.join('; ')}`);
  return questions;
}

/** Top-level chat.postMessage calls (questions, not thread replies) in `channel`. */
export function questionPosts(standIn: SlackStandIn, channel: string): RecordedCall[] {
  return standIn.calls.filter(
    (c) => c.method === 'chat.postMessage' && c.body.channel === channel && !c.body.thread_ts,
  );
}

/** Thread replies (reveals) in `channel`. */
export function threadReplies(standIn: SlackStandIn, channel: string): RecordedCall[] {
  return standIn.calls.filter(
    (c) => c.method === 'chat.postMessage' && c.body.channel === channel && Boolean(c.body.thread_ts),
  );
}

/** chat.update calls on one message. */
export function updatesOf(standIn: SlackStandIn, channel: string, ts: string): RecordedCall[] {
  return standIn.calls.filter(
    (c) => c.method === 'chat.update' && c.body.channel === channel && c.body.ts === ts,
  );
}

/** Buttons (action_id, value) in a recorded message's blocks. */
export function buttonsOf(call: RecordedCall): Array<{ action_id: string; value: string; text: string }> {
  const blocks = (call.body.blocks ?? []) as Array<{
    type: string;
    elements?: Array<{ type: string; action_id?: string; value?: string; text?: { text?: string } }>;
  }>;
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'button')
    .map((e) => ({ action_id: e.action_id ?? '', value: e.value ?? '', text: e.text?.text ?? '' }));
}

/** All text of a recorded message (fallback text, then every text in its blocks), one per line. */
export function messageText(call: Pick<RecordedCall, 'method' | 'body'>): string {
  const out: string[] = [String(call.body.text ?? '')];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === 'object') {
      const { text } = node as { text?: unknown };
      if (typeof text === 'string') out.push(text);
      for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
    }
  };
  walk(call.body.blocks ?? []);
  return out.join('\n');
}
