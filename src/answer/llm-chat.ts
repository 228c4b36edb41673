/**
 * The chat-model port and its implementation over the official openai client (v6), for any
 * OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM, llama.cpp, a gateway).
 * In: messages, a deadline and an abort signal. Out: the reply text, or a {@link ChatError} whose
 * `reason` says what went wrong in one line (timeout, HTTP status, malformed response).
 * Each request sets its own timeout and `maxRetries: 0`: the client's defaults (600 s, 2 retries)
 * would hold a Slack answer for minutes (openai-node README, "Timeouts" and "Retries").
 */

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Config } from '../config.ts';
import type { ChatMessage } from './llm-prompt.ts';

/** A chat model that answers one prompt. */
export interface ChatModel {
  /** Model name, for logs. */
  readonly model: string;
  /**
   * Sends `messages`; resolves with the reply text.
   * @throws ChatError on timeout (`timeoutMs`), abort (`signal`), HTTP error or a malformed response.
   */
  complete(messages: ChatMessage[], options: { timeoutMs: number; signal?: AbortSignal }): Promise<string>;
}

/** A failed model call; `reason` is one line for the log. */
export class ChatError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'ChatError';
  }
}

/** Key sent to servers that need none (Ollama, vLLM, llama.cpp): the client refuses to run without one. */
export const LOCAL_API_KEY = 'local-no-key';
/** OpenAI's endpoint, used when OPENAI_BASE_URL is unset. */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** True when `config` asks for model-phrased answers: an API key, or a base URL (local servers). */
export function modelConfigured(config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>): boolean {
  return Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL);
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

/** A {@link ChatModel} over the openai client, configured from OPENAI_* settings. */
export function openAiChatModel(
  config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_TIMEOUT_MS'>,
): ChatModel {
  // Every setting is passed explicitly so the client reads nothing from process.env (config.ts does).
  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY ?? LOCAL_API_KEY,
    baseURL: config.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL,
    organization: null,
    project: null,
    timeout: config.OPENAI_TIMEOUT_MS,
    maxRetries: 0,
  });
  return {
    model: config.OPENAI_MODEL,
    async complete(messages, { timeoutMs, signal }) {
      let completion: unknown;
      try {
        completion = await client.chat.completions.create(
          { model: config.OPENAI_MODEL, messages },
          { timeout: timeoutMs, maxRetries: 0, signal },
        );
      } catch (err) {
        throw new ChatError(describeFailure(err), { cause: err });
      }
      const content = (completion as OpenAI.ChatCompletion | undefined)?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') {
        throw new ChatError('malformed response: no choices[0].message.content');
      }
      return content;
    },
  };
}
