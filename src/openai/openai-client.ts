/**
 * The one place the official openai client (v6) is built, for chat and embeddings alike, from
 * OPENAI_* settings. Every setting is passed explicitly so the client reads nothing from
 * process.env (config.ts does), and retries are off: a bot answering in Slack gives up and falls
 * back rather than wait (openai-node README, "Timeouts" and "Retries").
 */

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Config } from '../config.ts';

/** Key sent to servers that need none (Ollama, vLLM, llama.cpp): the client refuses to run without one. */
export const LOCAL_API_KEY = 'local-no-key';
/** OpenAI's endpoint, used when OPENAI_BASE_URL is unset. */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** An openai client for `config` with `timeoutMs` per request and no retries. */
export function openAiClient(
  config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>,
  timeoutMs: number,
): OpenAI {
  return new OpenAI({
    apiKey: config.OPENAI_API_KEY ?? LOCAL_API_KEY,
    baseURL: config.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL,
    organization: null,
    project: null,
    timeout: timeoutMs,
    maxRetries: 0,
  });
}

/** One line saying why a call failed. */
export function describeFailure(err: unknown): string {
  if (err instanceof APIConnectionTimeoutError) return 'the request timed out';
  if (err instanceof APIUserAbortError) return 'the request was aborted';
  if (err instanceof APIConnectionError) {
    const cause = (err.cause as Error | undefined)?.message;
    return `could not connect${cause ? ` (${cause})` : ''}`;
  }
  if (err instanceof APIError) return `HTTP ${err.status ?? '?'}: ${err.message.slice(0, 200)}`;
  if (err instanceof SyntaxError) return `malformed JSON in the response (${err.message.slice(0, 120)})`;
  return (err as Error)?.message?.slice(0, 200) ?? String(err);
}
