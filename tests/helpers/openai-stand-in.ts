/**
 * A local OpenAI-compatible server on 127.0.0.1, for tests that go through the official openai
 * client (`baseURL: standIn.baseUrl`). Each request to `POST /v1/chat/completions` is answered by
 * the scripted behaviour: a reply (optionally late), an HTTP error status, a body that is not
 * valid JSON, or no answer at all (the client must give up). `POST /v1/embeddings` is answered by
 * its own script: vectors from a function of each input text (optionally late), a status, or
 * nothing. Records every request.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the stand-in answers one request. */
export type Behaviour =
  | {
      kind: 'reply';
      content: string;
      delayMs?: number;
      /** A streamed request (`stream: true`) gets these pieces as SSE chunks (default: the content in one). */
      chunks?: string[];
      /** Pause between streamed chunks (ms). */
      chunkDelayMs?: number;
      /** Streamed: end the connection after this many chunks, without [DONE] (a cut stream). */
      cutAfter?: number;
    }
  | { kind: 'status'; status: number; body?: unknown }
  | { kind: 'malformed'; body?: string }
  | { kind: 'hang' };

/** One recorded request: its JSON body and headers; `ended` says how it finished. */
export interface ChatRequest {
  body: {
    model?: string;
    messages?: Array<{ role: string; content: string }>;
    [key: string]: unknown;
  };
  headers: IncomingMessage['headers'];
  ended: Promise<'answered' | 'aborted'>;
}

/** How the stand-in answers one embeddings request. */
export type EmbeddingBehaviour =
  | { kind: 'embed'; vector: (text: string) => number[]; delayMs?: number }
  | { kind: 'status'; status: number }
  | { kind: 'hang' };

/** Handle to a running stand-in. */
export interface OpenAiStandIn {
  /** Base URL for the openai client and OPENAI_BASE_URL, e.g. `http://127.0.0.1:PORT/v1`. */
  baseUrl: string;
  requests: ChatRequest[];
  /** Embeddings requests, in order (`body.input` is the list of texts). */
  embeddingRequests: ChatRequest[];
  /** Sets how the following requests are answered (default: a reply citing [1]). */
  script(fn: (request: ChatRequest) => Behaviour): void;
  /** Sets how the following embeddings requests are answered (default: HTTP 404). */
  scriptEmbeddings(fn: (request: ChatRequest) => EmbeddingBehaviour): void;
  close(): Promise<void>;
}

/** A chat-completions response body with `content` as the assistant's message. */
export function completion(content: string, model = 'stand-in'): Record<string, unknown> {
  return {
    id: 'chatcmpl-standin',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

async function readJson(req: IncomingMessage): Promise<ChatRequest['body']> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest['body'];
  } catch {
    return {};
  }
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);
}

/** Writes a streamed chat completion (server-sent events, as the chat-completions API streams). */
async function streamReply(
  res: ServerResponse,
  b: Extract<Behaviour, { kind: 'reply' }>,
  model: string,
): Promise<void> {
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  if (b.delayMs) await pause(b.delayMs);
  if (res.destroyed) return;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-standin', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  res.write(chunk({ role: 'assistant', content: '' }, null));
  const pieces = b.chunks ?? [b.content];
  for (const [i, piece] of pieces.entries()) {
    if (b.cutAfter !== undefined && i >= b.cutAfter) {
      res.destroy();
      return;
    }
    if (i > 0 && b.chunkDelayMs) await pause(b.chunkDelayMs);
    if (res.destroyed) return;
    res.write(chunk({ content: piece }, null));
  }
  res.write(chunk({}, 'stop'));
  res.end('data: [DONE]\n\n');
}

/** Starts a stand-in on an ephemeral port. */
export async function startOpenAiStandIn(): Promise<OpenAiStandIn> {
  const requests: ChatRequest[] = [];
  const embeddingRequests: ChatRequest[] = [];
  let behaviour: (r: ChatRequest) => Behaviour = () => ({ kind: 'reply', content: 'From the notes [1].' });
  let embeddings: (r: ChatRequest) => EmbeddingBehaviour = () => ({ kind: 'status', status: 404 });
  const server = createServer(async (req, res) => {
    const body = await readJson(req);
    if (req.method === 'POST' && req.url?.endsWith('/embeddings')) {
      const request: ChatRequest = { body, headers: req.headers, ended: Promise.resolve('answered') };
      embeddingRequests.push(request);
      const b = embeddings(request);
      if (b.kind === 'hang') return;
      if (b.kind === 'status') {
        send(res, b.status, JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
        return;
      }
      const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input ?? '')];
      const write = () => {
        if (res.destroyed) return;
        const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: b.vector(text) }));
        send(
          res,
          200,
          JSON.stringify({
            object: 'list',
            data,
            model: body.model,
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        );
      };
      if (b.delayMs) setTimeout(write, b.delayMs);
      else write();
      return;
    }
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      send(res, 404, JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    let finish: (how: 'answered' | 'aborted') => void = () => undefined;
    const ended = new Promise<'answered' | 'aborted'>((r) => {
      finish = r;
    });
    res.on('close', () => finish(res.writableFinished ? 'answered' : 'aborted'));
    const request: ChatRequest = { body, headers: req.headers, ended };
    requests.push(request);
    const b = behaviour(request);
    switch (b.kind) {
      case 'reply': {
        if (body.stream === true) {
          void streamReply(res, b, String(body.model ?? 'stand-in'));
          return;
        }
        const write = () => {
          if (!res.destroyed) send(res, 200, JSON.stringify(completion(b.content, body.model)));
        };
        if (b.delayMs) setTimeout(write, b.delayMs);
        else write();
        return;
      }
      case 'status':
        send(
          res,
          b.status,
          JSON.stringify(b.body ?? { error: { message: 'scripted failure', type: 'server_error' } }),
        );
        return;
      case 'malformed':
        send(res, 200, b.body ?? '{"id": "chatcmpl-broken", "choices": [{"message": {"content": "cut off');
        return;
      case 'hang':
        return;
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    embeddingRequests,
    script(fn) {
      behaviour = fn;
    },
    scriptEmbeddings(fn) {
      embeddings = fn;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
