/**
 * A round-robin HTTP load balancer on 127.0.0.1 for tests and benches (issue 14, item 3): each
 * incoming request goes to the next backend in turn, with its method, path, headers and body
 * unchanged (so Slack's `X-Slack-Signature` still verifies), and the backend's status, headers
 * and body come back unchanged. A backend that cannot be reached answers 502, as a load balancer
 * would; nothing is retried on another backend (a retry is Slack's job, with a new signature).
 * Limits: HTTP/1.1 only, no health checks, bodies are streamed through as they come.
 */

import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. `forwarded[i]`: requests sent to `backends[i]`; `failed`: answered 502. */
export interface RoundRobinProxy {
  url: string;
  forwarded: number[];
  failed: number;
  close(): Promise<void>;
}

/** Starts a proxy in front of `backends` (base URLs such as `http://127.0.0.1:3001`) on an ephemeral port. */
export async function startRoundRobinProxy(backends: string[]): Promise<RoundRobinProxy> {
  if (backends.length === 0) throw new Error('round-robin proxy: no backends');
  const targets = backends.map((b) => new URL(b));
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const forwarded = backends.map(() => 0);
  let next = 0;
  const state = { failed: 0 };
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const i = next;
    next = (next + 1) % targets.length;
    const target = targets[i] as URL;
    forwarded[i] = (forwarded[i] ?? 0) + 1;
    const upstream = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      state.failed += 1;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`round-robin proxy: backend ${target.host} failed (${err.message})`);
    });
    req.pipe(upstream);
  };
  const server = createServer(forward);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwarded,
    get failed() {
      return state.failed;
    },
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
