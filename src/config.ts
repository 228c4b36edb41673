/**
 * The only reader of process.env (and `.env`). Validates once at start with a zod schema and
 * reports every bad variable on one line each, naming it and saying what is expected.
 */

import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { cronProblem } from './quiz/daily-schedule.ts';
import { DEFAULT_REVIEW_LIMITS } from './spaced-repetition/review-limits.ts';
import {
  DATABASE_QUERY_TIMEOUT_MS,
  MAX_DATABASE_QUERY_TIMEOUT_MS,
  MAX_SLACK_API_TIMEOUT_MS,
  SLACK_API_TIMEOUT_MS,
} from './timeouts.ts';

/** Parses "8h", "90m", "45s", "1500ms" or a bare number of milliseconds into ms. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (!m) return null;
  const unit = (m[2] ?? 'ms').toLowerCase();
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit] ?? 1;
  return Math.round(Number(m[1]) * factor);
}

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const url = (what: string) =>
  optionalString.refine((v) => v === undefined || URL.canParse(v), { message: `must be a URL (${what})` });

/** Five-field cron (minute hour day-of-month month day-of-week), as node-cron reads it. */
const CRON = /^\s*(\S+\s+){4}\S+\s*$/;

const schema = z.object({
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'must be a bot token starting with xoxb-',
  }),
  SLACK_SIGNING_SECRET: optionalString,
  // OAuth install (several workspaces): all three or none (checked in loadConfig).
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: 'must be at least 16 characters (it signs the OAuth state; any long random string)',
  }),
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'must be an app-level token starting with xapp- (Socket Mode)',
  }),
  SLACK_API_URL: url('e.g. https://slack.com/api/'),
  PORT: z.coerce.number({ message: 'must be a port number 0–65535' }).int().min(0).max(65535).default(3000),
  NOTES_DIR: z.string().default('knowledge/notes'),
  QUESTIONS_DIR: z.string().default('knowledge/questions'),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'must be a postgres:// URL',
  }),
  QUIZ_SCHEDULE: z
    .string()
    .default('0 9 * * 1-5')
    .refine((v) => CRON.test(v) && cronProblem(v) === null, {
      // "99 99 * * *" has five fields but no valid minute or hour: the cron parser says so.
      message: 'must be a five-field cron expression with valid values, e.g. "0 9 * * 1-5"',
    }),
  QUIZ_TIMEZONE: z
    .string()
    .default('UTC')
    .refine(isTimeZone, { message: 'must be an IANA time zone, e.g. Europe/Paris' }),
  QUIZ_REVEAL_AFTER: z
    .string()
    .default('8h')
    .transform((v, ctx) => {
      const ms = parseDuration(v);
      if (ms === null || ms <= 0) {
        ctx.addIssue({ code: 'custom', message: 'must be a duration such as 8h, 90m or 3600s' });
        return z.NEVER;
      }
      return ms;
    }),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: url('an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1'),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: optionalString,
  OPENAI_TIMEOUT_MS: z.coerce
    .number({ message: 'must be milliseconds, 100–120000' })
    .int()
    .min(100)
    .max(120_000)
    .default(8000),
  REVIEW_NEW_PER_DAY: z.coerce
    .number({ message: 'must be a whole number of cards, 0–1000' })
    .int()
    .min(0)
    .max(1000)
    .default(DEFAULT_REVIEW_LIMITS.newPerDay),
  REVIEW_MAX_PER_DAY: z.coerce
    .number({ message: 'must be a whole number of cards, 1–10000' })
    .int()
    .min(1)
    .max(10_000)
    .default(DEFAULT_REVIEW_LIMITS.reviewsPerDay),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  LOG_FORMAT: z.enum(['text', 'json']).default('text'),
  DATA_RETENTION_DAYS: z.coerce
    .number({ message: 'must be a whole number of days, 1–3650' })
    .int()
    .min(1)
    .max(3650)
    .default(30),
  DATABASE_QUERY_TIMEOUT_MS: z.coerce
    .number({ message: 'must be milliseconds, 100–30000' })
    .int()
    .min(100)
    .max(MAX_DATABASE_QUERY_TIMEOUT_MS)
    .default(DATABASE_QUERY_TIMEOUT_MS),
  SLACK_API_TIMEOUT_MS: z.coerce
    .number({ message: 'must be milliseconds, 500–30000' })
    .int()
    .min(500)
    .max(MAX_SLACK_API_TIMEOUT_MS)
    .default(SLACK_API_TIMEOUT_MS),
});

/** The validated configuration. Durations in ms. */
export type Config = z.infer<typeof schema>;

/** Variables whose values are secrets: an error shows only a prefix and the length. */
const SECRET_VARIABLES = new Set([
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'OPENAI_API_KEY',
]);

/**
 * How a bad value is quoted in an error (issue 9, item 4: logs and terminals keep what they
 * print). Secrets: at most 5 leading characters (the token type, e.g. `xoxp-`, never more than a
 * quarter of the value) and the length. Anything else: as given, with the password of a
 * `scheme://user:password@host` URL replaced by `***`.
 */
export function describeValue(name: string, value: string): string {
  if (SECRET_VARIABLES.has(name)) {
    const prefix = value.slice(0, Math.min(5, Math.floor(value.length / 4)));
    return `"${prefix}…", ${value.length} characters`;
  }
  return `"${value.replace(/(\/\/[^\s/@:]*):[^\s@/]*@/g, '$1:***@')}"`;
}

/** A configuration problem: `message` lists one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Who reads the configuration. `bot`: the Slack app, which in HTTP mode must verify requests, so
 * it needs SLACK_SIGNING_SECRET. `cli`: `saa` commands, which only call Slack's Web API and
 * never receive a request (issue 9, item 12).
 */
export type ConfigPurpose = 'bot' | 'cli';

/**
 * Reads the configuration from `env` (default: process.env after loading `.env` if present).
 * @throws ConfigError naming every bad variable, e.g. `PORT: expected a number (got "abc")`;
 *   secret values are quoted by {@link describeValue}, never in full.
 */
export function loadConfig(
  env?: Record<string, string | undefined>,
  options: { purpose?: ConfigPurpose } = {},
): Config {
  if (!env) loadDotenv({ quiet: true });
  const source = env ?? process.env;
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '?');
        const got = source[name];
        return `${name}: ${i.message}${got === undefined ? '' : ` (got ${describeValue(name, got)})`}`;
      }),
    );
  }
  const c = parsed.data;
  const problems: string[] = [];
  const purpose = options.purpose ?? 'bot';
  if (purpose === 'bot' && c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  problems.push(...oauthProblems(c, purpose));
  if (problems.length) throw new ConfigError(problems);
  return c;
}

/** The three variables of an OAuth install, in the order they are reported. */
const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/**
 * OAuth install (https://docs.slack.dev/authentication/installing-with-oauth): all three of
 * SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET or none; the install pages are
 * served over HTTP, so the bot needs SLACK_SIGNING_SECRET and no SLACK_APP_TOKEN; and tokens
 * then come from each workspace's installation, so SLACK_BOT_TOKEN must not be set too.
 */
function oauthProblems(c: Config, purpose: ConfigPurpose): string[] {
  const set = OAUTH_VARIABLES.filter((name) => c[name] !== undefined);
  if (set.length === 0) return [];
  if (set.length < OAUTH_VARIABLES.length) {
    const missing = OAUTH_VARIABLES.filter((name) => c[name] === undefined);
    return [
      `${missing.join(', ')}: required with ${set.join(', ')} (OAuth install needs all three of ${OAUTH_VARIABLES.join(', ')}, or none for one workspace with SLACK_BOT_TOKEN)`,
    ];
  }
  const problems: string[] = [];
  if (c.SLACK_BOT_TOKEN) {
    problems.push(
      'SLACK_BOT_TOKEN: set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth install, each workspace its own token), not both',
    );
  }
  if (purpose === 'bot' && c.SLACK_APP_TOKEN) {
    problems.push('SLACK_APP_TOKEN: OAuth install runs in HTTP mode (/slack/install); unset SLACK_APP_TOKEN');
  }
  if (purpose === 'bot' && !c.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: required with OAuth install (HTTP mode)');
  }
  return problems;
}

/** True when the configuration asks for OAuth install (several workspaces, each with its own token). */
export function oauthConfigured(
  c: Pick<Config, 'SLACK_CLIENT_ID' | 'SLACK_CLIENT_SECRET' | 'SLACK_STATE_SECRET'>,
): boolean {
  return Boolean(c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET && c.SLACK_STATE_SECRET);
}
