/**
 * A local stand-in for the Slack Web API and for response_url, on 127.0.0.1. Records every call;
 * answers like Slack does (`{ ok: true, … }`). Point Bolt at it with `slackApiUrl: standIn.apiUrl`.
 * Keeps each channel's top-level messages, so `conversations.history` returns what was posted
 * (newest first, `oldest`/`limit`/`cursor` as Slack reads them, message `metadata` only with
 * `include_all_metadata`). Streamed messages (chat.startStream/appendStream/stopStream) get a ts
 * at the start; assistant.threads.setStatus and setSuggestedPrompts answer ok. Faults: a method can hang (never answer) or answer with an HTTP error,
 * in either case after taking effect (`accept`: Slack did post) or not.
 */

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SlackOptions } from '../../src/slack/create-slack-app.ts';

/** One recorded call: Web API method (e.g. `chat.postMessage`) or `response_url:<id>`. */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  /** The token the call carried (`Authorization: Bearer …`, else a `token` field), if any. */
  token?: string;
  /** When the call arrived, in ms of the stand-in's clock (`performance.now()` unless given one). */
  at: number;
}

/** Options of a stand-in: `now` reads its clock (ms), e.g. a test's virtual time. */
export interface StandInOptions {
  now?: () => number;
}

/**
 * A fault for one call: `hang` never answers (the connection stays open until the stand-in
 * closes); `status` answers with that HTTP status (e.g. 503). `accept`: the call takes effect
 * first (a message is posted), as when Slack did the work and the answer was lost.
 */
export type Fault = { kind: 'hang'; accept?: boolean } | { kind: 'status'; status: number; accept?: boolean };

/** A message as conversations.history returns it. */
interface StoredMessage {
  ts: string;
  text: string;
  metadata?: unknown;
}

/** Handle to a running stand-in. */
export interface SlackStandIn {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  /** Resolves with the first call matching `pred`, waiting up to `timeoutMs`. */
  waitFor(pred: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Overrides the reply for a Web API method; `call` is the recorded call (its token, say). */
  reply(
    method: string,
    fn: (body: Record<string, unknown>, call: RecordedCall) => Record<string, unknown>,
  ): void;
  /** Makes calls of `method` for which `pick` returns a fault fail that way; resolves a remover. */
  fault(method: string, pick: (body: Record<string, unknown>) => Fault | null): () => void;
  /** Top-level messages in `channel`, oldest first. */
  messages(channel: string): StoredMessage[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/** Starts a stand-in on an ephemeral port. */
export async function startSlackStandIn(options: StandInOptions = {}): Promise<SlackStandIn> {
  const now = options.now ?? (() => performance.now());
  const calls: RecordedCall[] = [];
  const waiters: Array<{ pred: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }> = [];
  const overrides = new Map<
    string,
    (body: Record<string, unknown>, call: RecordedCall) => Record<string, unknown>
  >();
  const faults = new Map<string, Set<(body: Record<string, unknown>) => Fault | null>>();
  const channels = new Map<string, StoredMessage[]>();
  let ts = 1_700_000_000;
  const post = (b: Record<string, unknown>) => {
    const message = { ts: `${ts++}.000100`, text: String(b.text ?? ''), metadata: b.metadata };
    if (!b.thread_ts) {
      const list = channels.get(String(b.channel)) ?? [];
      list.push(message);
      channels.set(String(b.channel), list);
    }
    return { ok: true, channel: b.channel, ts: message.ts };
  };
  const history = (b: Record<string, unknown>) => {
    const oldest = Number(b.oldest ?? 0);
    const all = [...(channels.get(String(b.channel)) ?? [])]
      .reverse()
      .filter((m) => Number(m.ts) > oldest)
      .map((m) => ({
        type: 'message',
        ts: m.ts,
        text: m.text,
        ...(String(b.include_all_metadata) === 'true' && m.metadata ? { metadata: m.metadata } : {}),
      }));
    const start = Number(b.cursor ?? 0);
    const limit = Number(b.limit ?? 100);
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return {
      ok: true,
      messages: page,
      has_more: more,
      response_metadata: { next_cursor: more ? String(start + limit) : '' },
    };
  };
  const defaults: Record<string, (b: Record<string, unknown>) => Record<string, unknown>> = {
    'auth.test': () => ({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'saa' }),
    'chat.postMessage': post,
    'conversations.history': history,
    'conversations.open': (b) => ({ ok: true, channel: { id: `D${String(b.users)}` } }),
    'chat.update': (b) => ({ ok: true, channel: b.channel, ts: b.ts }),
    // Streams (chat.startStream / appendStream / stopStream): a message ts at the start.
    'chat.startStream': (b) => ({ ok: true, channel: b.channel, ts: `${ts++}.000300` }),
    'chat.appendStream': (b) => ({ ok: true, channel: b.channel, ts: b.ts }),
    'chat.stopStream': (b) => ({ ok: true, channel: b.channel, ts: b.ts, message: {} }),
    'chat.postEphemeral': () => ({ ok: true, message_ts: `${ts++}.000200` }),
    'views.publish': () => ({ ok: true }),
    'views.open': () => ({ ok: true, view: { id: 'V1' } }),
    'users.info': (b) => ({
      ok: true,
      user: {
        id: b.user,
        name: `name-${b.user}`,
        real_name: `Real ${b.user}`,
        tz: 'UTC',
        profile: { display_name: `Display ${b.user}` },
      },
    }),
  };
  const record = (call: RecordedCall) => {
    calls.push(call);
    for (const w of [...waiters]) {
      if (w.pred(call)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  };
  const server: Server = createServer(async (req, res) => {
    const at = now();
    const body = await readBody(req);
    const url = req.url ?? '';
    if (url.startsWith('/response/')) {
      record({ method: `response_url:${url.slice('/response/'.length)}`, body, at });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = url.replace(/^\/api\//, '').split('?')[0] ?? '';
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof body.token === 'string' ? body.token : undefined);
    const call: RecordedCall = { method, body, at, ...(token ? { token } : {}) };
    record(call);
    const reply = overrides.get(method);
    const fn = reply
      ? (b: Record<string, unknown>) => reply(b, call)
      : (defaults[method] ?? (() => ({ ok: true })));
    const fault = [...(faults.get(method) ?? [])].map((pick) => pick(body)).find((f) => f !== null);
    if (fault) {
      if (fault.accept) fn(body);
      if (fault.kind === 'status') res.writeHead(fault.status, { 'content-type': 'text/plain' }).end('fault');
      return; // hang: no answer until the stand-in closes
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fn(body)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    waitFor(pred, timeoutMs = 5000) {
      const found = calls.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(
              new Error(
                `no matching Slack call within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`,
              ),
            );
          }
        }, timeoutMs);
      });
    },
    reply: (method, fn) => overrides.set(method, fn),
    fault(method, pick) {
      const set = faults.get(method) ?? new Set();
      set.add(pick);
      faults.set(method, set);
      return () => set.delete(pick);
    },
    messages: (channel) => [...(channels.get(channel) ?? [])],
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections(); // hung calls included
      }),
  };
}

/** Options for createSlackApp that point the Web API at `standIn` (HTTP mode, ephemeral port, quiet logs). */
export function slackAppOptions(standIn: SlackStandIn, signingSecret: string): SlackOptions {
  return { botToken: 'xoxb-test', signingSecret, slackApiUrl: standIn.apiUrl, port: 0, logLevel: 'error' };
}
