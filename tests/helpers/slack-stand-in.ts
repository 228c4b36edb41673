/**
 * A local stand-in for the Slack Web API and for response_url, on 127.0.0.1. Records every call;
 * answers like Slack does (`{ ok: true, … }`). Point Bolt at it with `slackApiUrl: standIn.apiUrl`.
 */

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SlackOptions } from '../../src/slack/create-slack-app.ts';

/** One recorded call: Web API method (e.g. `chat.postMessage`) or `response_url:<id>`. */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
}

/** Handle to a running stand-in. */
export interface SlackStandIn {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  /** Resolves with the first call matching `pred`, waiting up to `timeoutMs`. */
  waitFor(pred: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Overrides the reply for a Web API method. */
  reply(method: string, fn: (body: Record<string, unknown>) => Record<string, unknown>): void;
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
export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: RecordedCall[] = [];
  const waiters: Array<{ pred: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }> = [];
  const overrides = new Map<string, (body: Record<string, unknown>) => Record<string, unknown>>();
  let ts = 1_700_000_000;
  const defaults: Record<string, (b: Record<string, unknown>) => Record<string, unknown>> = {
    'auth.test': () => ({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'saa' }),
    'chat.postMessage': (b) => ({ ok: true, channel: b.channel, ts: `${ts++}.000100` }),
    'chat.update': (b) => ({ ok: true, channel: b.channel, ts: b.ts }),
    'chat.postEphemeral': () => ({ ok: true, message_ts: `${ts++}.000200` }),
    'views.publish': () => ({ ok: true }),
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
    const body = await readBody(req);
    const url = req.url ?? '';
    if (url.startsWith('/response/')) {
      record({ method: `response_url:${url.slice('/response/'.length)}`, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = url.replace(/^\/api\//, '').split('?')[0] ?? '';
    record({ method, body });
    const fn = overrides.get(method) ?? defaults[method] ?? (() => ({ ok: true }));
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
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Options for createSlackApp that point the Web API at `standIn` (HTTP mode, ephemeral port, quiet logs). */
export function slackAppOptions(standIn: SlackStandIn, signingSecret: string): SlackOptions {
  return { botToken: 'xoxb-test', signingSecret, slackApiUrl: standIn.apiUrl, port: 0, logLevel: 'error' };
}
