/**
 * The bot's Prometheus metrics (issue 14, item 4), through prom-client, served at `GET /metrics`:
 * answers by surface, mode and whether the notes covered them; abstentions; ack latency (the
 * HTTP response to Slack, which must come within 3 s: https://api.slack.com/interactivity/handling#acknowledgment_response)
 * and answer latency histograms (seconds); daily-quiz posts by outcome; quiz clicks by kind and
 * outcome; database and Slack errors; and Node's default metrics, event-loop lag included
 * (`nodejs_eventloop_lag_seconds`). One registry per instance, so tests and several apps in one
 * process do not share counts.
 */

import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Where an answer was asked. */
export type AnswerSurface = 'slash' | 'dm' | 'mention';

/** Latency buckets (seconds): Slack's 3 s ack deadline and a model's seconds both fall inside. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30];

/** The metrics of one bot process. */
export class BotMetrics {
  readonly registry = new Registry();
  readonly #answers = new Counter({
    name: 'saa_answers_total',
    help: 'Answers sent, by surface, mode (extractive or llm) and whether the notes covered the question.',
    labelNames: ['surface', 'mode', 'found'] as const,
    registers: [this.registry],
  });
  readonly #abstentions = new Counter({
    name: 'saa_abstentions_total',
    help: 'Answers that said the notes do not cover the question.',
    labelNames: ['surface'] as const,
    registers: [this.registry],
  });
  readonly #answerSeconds = new Histogram({
    name: 'saa_answer_seconds',
    help: 'Time to compose an answer (seconds), by mode.',
    labelNames: ['mode'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  readonly #ackSeconds = new Histogram({
    name: 'saa_slack_ack_seconds',
    help: 'Time from a Slack request arriving to its HTTP response, the ack (seconds).',
    buckets: BUCKETS,
    registers: [this.registry],
  });
  readonly #posts = new Counter({
    name: 'saa_quiz_posts_total',
    help: 'Daily-quiz post attempts by outcome (posted, already, claimed, failed…).',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly #clicks = new Counter({
    name: 'saa_quiz_clicks_total',
    help: 'Quiz answer clicks by kind (daily, practice, review) and outcome.',
    labelNames: ['kind', 'status'] as const,
    registers: [this.registry],
  });
  readonly #databaseErrors = new Counter({
    name: 'saa_database_errors_total',
    help: 'Database calls that failed, by kind (unavailable: could not reach it; other).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly #slackErrors = new Counter({
    name: 'saa_slack_errors_total',
    help: 'Slack failures: unhandled listener errors and failed Web API calls.',
    labelNames: ['where'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** One answer sent; `seconds` from the question to the answer. */
  answer(surface: AnswerSurface, a: { mode: 'extractive' | 'llm'; found: boolean }, seconds: number): void {
    this.#answers.inc({ surface, mode: a.mode, found: String(a.found) });
    if (!a.found) this.#abstentions.inc({ surface });
    this.#answerSeconds.observe({ mode: a.mode }, seconds);
  }

  /** One Slack request answered over HTTP after `seconds`. */
  ack(seconds: number): void {
    this.#ackSeconds.observe(seconds);
  }

  /** One daily-quiz post attempt and its outcome. */
  quizPost(status: string): void {
    this.#posts.inc({ status });
  }

  /** One quiz click and its outcome. */
  click(kind: 'daily' | 'practice' | 'review', status: string): void {
    this.#clicks.inc({ kind, status });
  }

  /** One failed database call. */
  databaseError(kind: 'unavailable' | 'other'): void {
    this.#databaseErrors.inc({ kind });
  }

  /** One Slack failure. */
  slackError(where: 'listener' | 'web_api'): void {
    this.#slackErrors.inc({ where });
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** The content type of {@link BotMetrics.text}. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
