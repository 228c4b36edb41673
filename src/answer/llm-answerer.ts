/**
 * Model-phrased answers on top of the extractive ones. For a question: compose the extractive
 * answer (always; it is the fallback and picks the passages), send the question and the top
 * passages to the chat model, keep the reply when it cites at least one passage it was given.
 * On a timeout (`timeoutMs`, OPENAI_TIMEOUT_MS), an error, a malformed response or a reply with
 * no valid citation, the extractive answer is returned instead and the reason is logged.
 * Questions the notes do not cover are answered extractively without a call (nothing to phrase).
 * Model answers are cached per (question, notes version); concurrent identical questions share
 * one call. Never throws on user text or model failures.
 */

import { LRUCache } from 'lru-cache';
import type { SearchIndex } from '../retrieval/search-index.ts';
import { type AnswerCache, LruAnswerCache, normalizeQuestion } from './answer-cache.ts';
import type { Answer } from './answer-types.ts';
import type { Answerer, DenseSource } from './answerer.ts';
import { CitationStream } from './citation-stream.ts';
import { composeAnswer } from './compose-answer.ts';
import { ChatError, type ChatModel } from './llm-chat.ts';
import { buildPrompt, type ChatMessage, type PromptPassage, selectPassages } from './llm-prompt.ts';
import { readReply } from './llm-reply.ts';
import { notesVersion } from './notes-version.ts';

/** An answerer that may call a model: adapters use this to say "an answer is coming". */
export interface ModelAnswerer extends Answerer {
  /** Resolves true when answering `question` now would wait for the model (not cached, notes cover it). */
  willCallModel(question: string): Promise<boolean>;
  /**
   * Answers `question` with the model's reply streamed to `onText` as it is written (citation
   * markers checked and renumbered before they are shown: citation-stream.ts). `history` is the
   * conversation so far (earlier questions and answers of a thread), sent before the question.
   * Resolves with the final answer and what happened to the stream: `none` (nothing was
   * streamed: the answer is extractive or cached, send it whole), `kept` (the streamed text is
   * the answer), `replace` (the streamed reply turned out unusable, e.g. it cited no passage:
   * replace it with the answer, which is extractive). Never throws on model failures.
   */
  answerStream(
    question: string,
    options: { history?: ChatMessage[]; onText: (text: string) => Promise<void> },
  ): Promise<StreamedAnswer>;
}

/** The outcome of {@link ModelAnswerer.answerStream}. */
export interface StreamedAnswer {
  answer: Answer;
  streamed: 'none' | 'kept' | 'replace';
}

/** A stream may run this many times OPENAI_TIMEOUT_MS in all (the first text must come within one). */
export const STREAM_TOTAL_FACTOR = 4;

/** True when `answerer` can call a model (so {@link ModelAnswerer.willCallModel} exists). */
export function isModelAnswerer(answerer: Answerer): answerer is ModelAnswerer {
  return typeof (answerer as Partial<ModelAnswerer>).willCallModel === 'function';
}

/** Settings for {@link LlmAnswerer}. `log` gets one line per fallback (default: console). */
export interface LlmAnswererOptions {
  /** How many passages the model is given (default MAX_PROMPT_PASSAGES). */
  passages?: number;
  /** Dense retrieval for the passages (see `dense-retriever.ts`). */
  dense?: DenseSource;
  chat: ChatModel;
  /** Longest wait for the model (ms) before the extractive answer is used. */
  timeoutMs: number;
  cache?: AnswerCache;
  log?: Pick<Console, 'info' | 'warn'>;
}

/** What answering a question takes: the extractive answer, and the passages when the model is asked. */
interface Plan {
  key: string;
  version: string;
  extractive: Answer;
  passages: PromptPassage[];
}

/** Plans computed by {@link LlmAnswerer.willCallModel} are reused by the answer that follows. */
const PLAN_TTL_MS = 60_000;

/** The model-phrased answerer, with the extractive answer as its fallback. */
export class LlmAnswerer implements ModelAnswerer {
  readonly #cache: AnswerCache;
  readonly #log: Pick<Console, 'info' | 'warn'>;
  readonly #plans = new LRUCache<string, Promise<Plan>>({ max: 100, ttl: PLAN_TTL_MS });
  readonly immediate = false;
  readonly #inFlight = new Map<string, Promise<Answer>>();

  constructor(
    private readonly index: () => SearchIndex,
    private readonly options: LlmAnswererOptions,
  ) {
    this.#cache = options.cache ?? new LruAnswerCache();
    this.#log = options.log ?? console;
  }

  #plan(question: string): Promise<Plan> {
    const index = this.index();
    const version = notesVersion(index);
    const key = `${version}\0${normalizeQuestion(question)}`;
    const memo = this.#plans.get(key);
    if (memo) return memo;
    const plan = (async () => {
      const dense = this.#cache.has(question, version) ? null : await this.options.dense?.()?.rank(question);
      const extractive = composeAnswer(question, index, { dense });
      const passages = extractive.found
        ? selectPassages(question, index, extractive, this.options.passages, dense)
        : [];
      return { key, version, extractive, passages };
    })();
    this.#plans.set(key, plan);
    return plan;
  }

  async willCallModel(question: string): Promise<boolean> {
    const plan = await this.#plan(question);
    return plan.passages.length > 0 && !this.#cache.has(question, plan.version);
  }

  async answer(question: string): Promise<Answer> {
    const plan = await this.#plan(question);
    this.#plans.delete(plan.key);
    const extractive = { ...plan.extractive, question };
    if (plan.passages.length === 0) return extractive;
    const cached = this.#cache.get(question, plan.version);
    if (cached) return { ...cached, question };
    let pending = this.#inFlight.get(plan.key);
    if (!pending) {
      pending = this.#askModel(question, plan).finally(() => this.#inFlight.delete(plan.key));
      this.#inFlight.set(plan.key, pending);
    }
    const answer = await pending;
    return { ...answer, question };
  }

  async answerStream(
    question: string,
    options: { history?: ChatMessage[]; onText: (text: string) => Promise<void> },
  ): Promise<StreamedAnswer> {
    const { chat, timeoutMs } = this.options;
    const plan = await this.#plan(question);
    this.#plans.delete(plan.key);
    const extractive = { ...plan.extractive, question };
    const history = options.history ?? [];
    if (plan.passages.length === 0) return { answer: extractive, streamed: 'none' };
    const cached = history.length ? undefined : this.#cache.get(question, plan.version);
    if (cached) return { answer: { ...cached, question }, streamed: 'none' };
    if (!chat.stream) {
      const answer = history.length
        ? await this.#askModel(question, plan, history)
        : await this.answer(question);
      return { answer, streamed: 'none' };
    }
    const [system, ...rest] = buildPrompt(question, plan.passages);
    const messages = [system as ChatMessage, ...history, ...rest];
    const citations = new CitationStream(plan.passages);
    const controller = new AbortController();
    let firstText = false;
    const first = setTimeout(() => firstText || controller.abort(), timeoutMs);
    const total = setTimeout(() => controller.abort(), timeoutMs * STREAM_TOTAL_FACTOR);
    const warn = (reason: string) =>
      this.#log.warn(
        `answer: streamed model reply ${reason} (model ${chat.model}, question "${question.slice(0, 80)}")`,
      );
    try {
      for await (const piece of chat.stream(messages, { timeoutMs, signal: controller.signal })) {
        const text = citations.push(piece);
        if (!text) continue;
        firstText = true;
        await options.onText(text);
      }
      const rest = citations.end();
      if (rest) {
        firstText = true;
        await options.onText(rest);
      }
    } catch (err) {
      const reason = controller.signal.aborted
        ? `no ${firstText ? 'end' : 'text'} within ${firstText ? timeoutMs * STREAM_TOTAL_FACTOR : timeoutMs} ms (OPENAI_TIMEOUT_MS)`
        : err instanceof ChatError
          ? err.reason
          : `unexpected error: ${(err as Error).message}`;
      if (!firstText) {
        warn(`failed before any text, sent the extractive answer instead: ${reason}`);
        return { answer: extractive, streamed: 'none' };
      }
      warn(`cut off: ${reason}`);
      if (citations.sources.length === 0) return { answer: extractive, streamed: 'replace' };
      return {
        answer: {
          question,
          text: `${citations.text.trim()} …`,
          sources: citations.sources,
          mode: 'llm',
          found: true,
        },
        streamed: 'kept',
      };
    } finally {
      clearTimeout(first);
      clearTimeout(total);
    }
    if (citations.dropped.length)
      warn(
        `had citations of passages it was not given (${citations.dropped.map((d) => `[${d}]`).join(', ')}), not shown`,
      );
    if (citations.sources.length === 0) {
      warn('cited no passage it was given: replaced with the extractive answer');
      return { answer: extractive, streamed: firstText ? 'replace' : 'none' };
    }
    const answer: Answer = {
      question,
      text: citations.text.trim(),
      sources: citations.sources,
      mode: 'llm',
      found: true,
    };
    if (!history.length) this.#cache.set(question, plan.version, answer);
    return { answer, streamed: 'kept' };
  }

  async #askModel(question: string, plan: Plan, history: ChatMessage[] = []): Promise<Answer> {
    const { chat, timeoutMs } = this.options;
    const fallback = (reason: string) => {
      this.#log.warn(
        `answer: model reply not used, sent the extractive answer instead: ${reason} ` +
          `(model ${chat.model}, question "${question.slice(0, 80)}")`,
      );
      return plan.extractive;
    };
    let raw: string;
    try {
      raw = await withDeadline(timeoutMs, (signal) =>
        chat.complete(withHistory(buildPrompt(question, plan.passages), history), { timeoutMs, signal }),
      );
    } catch (err) {
      return fallback(err instanceof ChatError ? err.reason : `unexpected error: ${(err as Error).message}`);
    }
    const reply = readReply(raw, plan.passages);
    if (!reply.ok) return fallback(reply.reason);
    if (reply.dropped.length) {
      this.#log.warn(
        `answer: removed citations of passages the model was not given (${reply.dropped.map((d) => `[${d}]`).join(', ')}) ` +
          `(model ${chat.model}, question "${question.slice(0, 80)}")`,
      );
    }
    const answer: Answer = { question, text: reply.text, sources: reply.sources, mode: 'llm', found: true };
    if (!history.length) this.#cache.set(question, plan.version, answer);
    return answer;
  }
}

/** The prompt with the conversation so far between the rules and the question. */
function withHistory(prompt: ChatMessage[], history: readonly ChatMessage[]): ChatMessage[] {
  const [system, ...rest] = prompt;
  return history.length ? [system as ChatMessage, ...history, ...rest] : prompt;
}

/**
 * Runs `call` with an abort signal and rejects with a ChatError after `ms`, aborting the call:
 * the client's own timeout covers the wait for response headers, this covers the whole reply.
 */
async function withDeadline<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ChatError(`no reply within ${ms} ms (OPENAI_TIMEOUT_MS)`));
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
