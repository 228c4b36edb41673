/**
 * Builds the bot's services from configuration, for the composition root (main.ts) and the CLI:
 * knowledge (notes + index), the answerer, storage (lazy), the question bank and the quiz context.
 */

import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InstallationStore } from '@slack/oauth';
import type { Answerer } from './answer/answerer.ts';
import { createAnswerer } from './answer/create-answerer.ts';
import { TeamAnswerers } from './answer/team-answerers.ts';
import type { Config } from './config.ts';
import { AnswerCountUpdater } from './daily-quiz/answer-count-updater.ts';
import type { QuizContext, QuizMessenger } from './daily-quiz/quiz-context.ts';
import type { LifecycleContext } from './data-lifecycle/lifecycle-context.ts';
import { loadNotes } from './knowledge/load-notes.ts';
import type { BotMetrics } from './observability/metrics.ts';
import {
  type NotesCoverage,
  notesCoverageInSlices,
  withTeamCitations,
} from './question-review/notes-coverage.ts';
import { loadQuestionBank } from './quiz/load-question-bank.ts';
import type { Question } from './quiz/question.ts';
import { embeddingsConfigured, openAiEmbeddingModel } from './retrieval/embedding-model.ts';
import { type Knowledge, openKnowledge } from './retrieval/open-knowledge.ts';
import { ProfileDirectory, type ProfileFetcher } from './scores/profile-directory.ts';
import type { ScoreContext } from './scores/score-context.ts';
import { slackQuizMessenger } from './slack/slack-quiz-messenger.ts';
import { slackReminderMessenger } from './slack/slack-reminder-messenger.ts';
import type { TeamClients } from './slack/team-clients.ts';
import { countingDatabase } from './storage/counting-database.ts';
import { SqlDataLifecycleRepository } from './storage/data-lifecycle-repository.ts';
import type { Database } from './storage/db.ts';
import { SqlExamDateRepository } from './storage/exam-date-repository.ts';
import { SqlFeedbackRepository } from './storage/feedback-repository.ts';
import { SqlInstallationStore } from './storage/installation-repository.ts';
import { openDatabase } from './storage/open-database.ts';
import { SqlQuestionReviewRepository } from './storage/question-review-repository.ts';
import { SqlQuizPostRepository } from './storage/quiz-post-repository.ts';
import { SqlReminderRepository } from './storage/reminder-repository.ts';
import { SqlResponseRepository } from './storage/response-repository.ts';
import { SqlScheduleRepository } from './storage/schedule-repository.ts';
import { SqlScoreRepository } from './storage/score-repository.ts';
import { Storage } from './storage/storage.ts';
import { SqlStudyCardRepository } from './storage/study-card-repository.ts';
import { SqlUserRepository } from './storage/user-repository.ts';
import { SqlWorkspaceSettingsRepository } from './storage/workspace-settings-repository.ts';
import { STALE_CLAIM_MS } from './timeouts.ts';

/** Our own notes, which the shipped question bank cites. */
export const BUNDLED_NOTES_DIR = fileURLToPath(new URL('../knowledge/notes', import.meta.url));

/** Everything the adapters use. */
export interface Services {
  knowledge: Knowledge;
  answerer: Answerer;
  storage: Storage;
  bank: Question[];
  /** Question-bank problems (file, id, what is wrong); those entries were skipped. */
  bankProblems: string[];
  /** The quiz context for a messenger (Slack's, or a stand-in). */
  quizContext(messenger: QuizMessenger): QuizContext;
  /** Deleting a person's data and erasing uninstalled workspaces (issue 14, item 2). */
  lifecycle: LifecycleContext;
  /**
   * The app's installations (OAuth install; slack_installations): @slack/oauth's
   * InstallationStore, each call after the database is migrated.
   */
  installations: InstallationStore;
  /** Score reads; `fetcher` looks people up in Slack (null: show ids). */
  scoreContext(fetcher: ProfileFetcher | null): ScoreContext;
  /** Each workspace's answerer: over its own notes folder (`saa workspace --notes`), else `answerer`. */
  answerers: TeamAnswerers;
  close(): Promise<void>;
}

/** Options for {@link openServices}. */
export interface OpenOptions {
  /**
   * Whether to start the search for which quiz questions a team's own notes cover (in the
   * background; the quiz cites the team's notes once it is done). Default true: the bot and
   * commands that post a question; `saa leaderboard` skips it, as it never reads the bank.
   */
  notesCoverage?: boolean;
}

/** Opens notes, index and question bank, and prepares (without opening) the database. */
export async function openServices(
  config: Config,
  log: Pick<Console, 'info' | 'warn' | 'error'> = console,
  metrics?: BotMetrics,
  options: OpenOptions = {},
): Promise<Services> {
  // NOTES_DIR's notes, or a workspace's own folder: one index cache, the same embeddings.
  const notesIn = (dir: string) =>
    openKnowledge(dir, join(config.DATA_DIR, 'index-cache'), {
      embeddings: embeddingsConfigured(config) ? openAiEmbeddingModel(config) : undefined,
      log,
    });
  const knowledge = await notesIn(config.NOTES_DIR);
  const sections = [...knowledge.corpus.sections];
  if (resolve(config.NOTES_DIR) !== resolve(BUNDLED_NOTES_DIR)) {
    // The shipped bank cites our notes; a team's own folder may not contain those sections.
    sections.push(...(await loadNotes(BUNDLED_NOTES_DIR).catch(() => ({ sections: [] }))).sections);
  }
  const { questions: bank, problems: bankProblems } = await loadQuestionBank(config.QUESTIONS_DIR, sections);
  // With a team's own notes, each question cites the team's section holding its key facts, once
  // the coverage search is done (in the background, in slices); until then, our bundled section.
  let current: readonly Question[] = bank;
  let coverage: NotesCoverage | null = null;
  const searchCoverage = options.notesCoverage ?? true;
  if (searchCoverage && resolve(config.NOTES_DIR) !== resolve(BUNDLED_NOTES_DIR) && bank.length > 0) {
    void notesCoverageInSlices(bank, knowledge.index, knowledge.corpus.passages)
      .then((c) => {
        coverage = c;
        current = withTeamCitations(bank, c);
        const held = c.questions.filter((q) => q.covered).length;
        log.info(
          `Your notes hold the key facts of ${held} of ${bank.length} quiz questions; those cite your notes.`,
        );
      })
      .catch((err) => log.error('notes coverage failed; the quiz cites the bundled notes', err));
  }
  const storage = new Storage(async () => {
    const db = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      logger: log,
      queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS,
    });
    return metrics ? countingDatabase(db, (kind) => metrics.databaseError(kind)) : db;
  }, log);
  const repositories = {
    schedules: new SqlScheduleRepository(storage.db),
    posts: new SqlQuizPostRepository(storage.db),
    responses: new SqlResponseRepository(storage.db),
    reviews: new SqlQuestionReviewRepository(storage.db),
    feedback: new SqlFeedbackRepository(storage.db),
    cards: new SqlStudyCardRepository(storage.db),
    reminders: new SqlReminderRepository(storage.db),
    workspaceSettings: new SqlWorkspaceSettingsRepository(storage.db),
  };
  const scores = new SqlScoreRepository(storage.db);
  const users = new SqlUserRepository(storage.db);
  const reviewLimits = { newPerDay: config.REVIEW_NEW_PER_DAY, reviewsPerDay: config.REVIEW_MAX_PER_DAY };
  const readiness = {
    cards: repositories.cards,
    exams: new SqlExamDateRepository(storage.db),
    limits: reviewLimits,
  };
  const answerer = createAnswerer(config, () => knowledge.index, { dense: () => knowledge.dense });
  const answerers = new TeamAnswerers({
    fallback: answerer,
    notesDirOf: async (teamId) => {
      await storage.ready();
      return (await repositories.workspaceSettings.get(teamId))?.notesDir ?? null;
    },
    open: async (dir) => {
      const own = await notesIn(dir);
      log.info(
        `Loaded ${own.corpus.files.length} note files (${own.corpus.passages.length} passages) from ${dir}`,
      );
      return createAnswerer(config, () => own.index, { dense: () => own.dense });
    },
    log,
  });
  return {
    knowledge,
    answerer,
    answerers,
    storage,
    bank,
    bankProblems,
    quizContext(messenger) {
      const ctx: QuizContext = {
        bank: () => current,
        ...repositories,
        messenger,
        clock: () => new Date(),
        instanceId: `${hostname()}:${process.pid}`,
        staleClaimMs: STALE_CLAIM_MS,
        revealAfterMs: config.QUIZ_REVEAL_AFTER,
        defaults: { cron: config.QUIZ_SCHEDULE, timeZone: config.QUIZ_TIMEZONE },
        reviewLimits,
        ready: () => storage.ready(),
        log,
      };
      const counter = new AnswerCountUpdater(() => ctx);
      ctx.onAnswered = (post) => counter.bump(post);
      if (metrics) {
        ctx.onPostOutcome = (status) => metrics.quizPost(status);
        ctx.onClick = (kind, status) => metrics.click(kind, status);
      }
      return ctx;
    },
    lifecycle: {
      repo: new SqlDataLifecycleRepository(storage.db),
      clock: () => new Date(),
      ready: () => storage.ready(),
      graceMs: config.DATA_RETENTION_DAYS * 86_400_000,
      log,
    },
    scoreContext(fetcher) {
      return {
        scores,
        schedules: repositories.schedules,
        profiles: new ProfileDirectory(users, fetcher, config.QUIZ_TIMEZONE, () => new Date(), log),
        bank: () => current,
        coverage: () => coverage,
        readiness,
        clock: () => new Date(),
        defaultTimeZone: config.QUIZ_TIMEZONE,
        ready: () => storage.ready(),
      };
    },
    installations: new SqlInstallationStore({
      query: async (sql, params) => {
        await storage.ready();
        return storage.db.query(sql, params);
      },
    } as Pick<Database, 'query'>),
    close: () => storage.close(),
  };
}

/**
 * Looks a person up with Slack's users.info, with the client of their workspace (display name,
 * else real name, else handle; profile time zone).
 */
export function slackProfileFetcher(clients: TeamClients): ProfileFetcher {
  return async (teamId, userId) => {
    const res = await (await clients.client(teamId)).users.info({ user: userId });
    const u = res.user;
    if (!u) return null;
    const displayName = u.profile?.display_name || u.real_name || u.name || userId;
    return { displayName, timeZone: u.tz || 'UTC' };
  };
}

/**
 * The quiz context over Slack's Web API, with each workspace's clients (slack/team-clients.ts:
 * the one SLACK_BOT_TOKEN, or each installation's token): the daily question and review
 * reminders are posted in one attempt, everything else with retries.
 */
export function slackQuizContext(services: Services, clients: TeamClients): QuizContext {
  const ctx = services.quizContext(slackQuizMessenger(clients));
  ctx.reminderMessenger = slackReminderMessenger(clients);
  return ctx;
}
