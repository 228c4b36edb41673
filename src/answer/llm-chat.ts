/**
 * The chat-model port and its implementation over the official openai client (v6), for any
 * OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM, llama.cpp, a gateway).
 * In: messages, a deadline and an abort signal. Out: the reply text, or a {@link ChatError} whose
 * `reason` says what went wrong in one line (timeout, HTTP status, malformed response).
 * Each request sets its own timeout and `maxRetries: 0`: the client's defaults (600 s, 2 retries)
 * would hold a Slack answer for minutes (openai-node README, "Timeouts" and "Retries").
 */

import type OpenAI from 'openai';
import type { Config } from '../config.ts';
import { describeFailure, openAiClient } from '../openai/openai-client.ts';
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
  /**
   * Sends `messages` and yields the reply as it is written (text deltas, in order). Absent on
   * models that cannot stream: callers use {@link ChatModel.complete}.
   * @throws ChatError (from the iterator) on timeout, abort, HTTP error or a malformed chunk.
   */
  stream?(
    messages: ChatMessage[],
    options: { timeoutMs: number; signal?: AbortSignal },
  ): AsyncIterable<string>;
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

/** True when `config` asks for model-phrased answers: an API key, or a base URL (local servers). */
export function modelConfigured(config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>): boolean {
  return Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL);
}

/** A {@link ChatModel} over the openai client, configured from OPENAI_* settings. */
export function openAiChatModel(
  config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_TIMEOUT_MS'>,
): ChatModel {
  const client = openAiClient(config, config.OPENAI_TIMEOUT_MS);
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
    async *stream(messages, { timeoutMs, signal }) {
      let chunks: AsyncIterable<OpenAI.ChatCompletionChunk>;
      try {
        chunks = await client.chat.completions.create(
          { model: config.OPENAI_MODEL, messages, stream: true },
          { timeout: timeoutMs, maxRetries: 0, signal },
        );
      } catch (err) {
        throw new ChatError(describeFailure(err), { cause: err });
      }
      try {
        for await (const chunk of chunks) {
          const delta = chunk.choices?.[0]?.delta?.content;
          if (typeof delta === 'string' && delta) yield delta;
        }
      } catch (err) {
        throw new ChatError(describeFailure(err), { cause: err });
      }
    },
  };
}
