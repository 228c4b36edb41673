/**
 * A TCP relay on 127.0.0.1 in front of a real server (Postgres) that can fail the way networks
 * do, for the fault-injection suite (issue 9):
 * - `pass`: relays both ways;
 * - `silent`: a dead host or a partition: connections stay open but nothing flows either way, and
 *   new connections are accepted and left waiting; on `pass` again everything resumes (TCP would
 *   retransmit), unless an end gave up and closed meanwhile;
 * - `refuse`: the port is closed (ECONNREFUSED) and every open connection is reset.
 */

import { connect, createServer, type Server, type Socket } from 'node:net';

/** How the proxy behaves now. */
export type ProxyMode = 'pass' | 'silent' | 'refuse';

/** A running proxy. `port` stays the same across modes. */
export interface FaultProxy {
  readonly port: number;
  /** `url` (postgres://…) with host and port replaced by the proxy's. */
  via(url: string): string;
  mode(): ProxyMode;
  set(mode: ProxyMode): Promise<void>;
  /** Client connections currently open through the proxy. */
  connections(): number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket | null;
  /** Bytes held while silent, per direction, delivered on `pass`. */
  toUpstream: Buffer[];
  toClient: Buffer[];
}

/** Starts a proxy to `host:port` in `pass` mode. */
export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let current: ProxyMode = 'pass';
  const pairs = new Set<Pair>();
  let server: Server | null = null;
  let port = 0;

  const flush = (pair: Pair) => {
    if (pair.upstream) for (const chunk of pair.toUpstream.splice(0)) pair.upstream.write(chunk);
    for (const chunk of pair.toClient.splice(0)) pair.client.write(chunk);
  };

  const link = (pair: Pair) => {
    const upstream = connect(target.port, target.host);
    pair.upstream = upstream;
    upstream.on('error', () => pair.client.destroy());
    upstream.on('close', () => pair.client.destroy());
    upstream.on('data', (chunk: Buffer) => {
      if (current === 'pass') pair.client.write(chunk);
      else pair.toClient.push(chunk);
    });
    flush(pair);
  };

  const accept = (client: Socket) => {
    const pair: Pair = { client, upstream: null, toUpstream: [], toClient: [] };
    pairs.add(pair);
    client.on('error', () => pair.upstream?.destroy());
    client.on('close', () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    client.on('data', (chunk: Buffer) => {
      if (current === 'pass' && pair.upstream) pair.upstream.write(chunk);
      else pair.toUpstream.push(chunk);
    });
    if (current === 'pass') link(pair);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(accept);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        server = s;
        port = (s.address() as { port: number }).port;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return port;
    },
    via(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    mode: () => current,
    async set(mode) {
      const previous = current;
      current = mode;
      if (mode === 'refuse') {
        for (const { client, upstream } of pairs) {
          client.resetAndDestroy();
          upstream?.destroy();
        }
        const closing = server;
        server = null;
        if (closing) await new Promise((r) => closing.close(r));
      }
      if (mode === 'pass') {
        if (previous === 'refuse') await listen();
        for (const pair of pairs) {
          if (pair.upstream) flush(pair);
          else link(pair);
        }
      }
    },
    connections: () => pairs.size,
    async close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream?.destroy();
      }
      const closing = server;
      server = null;
      if (closing) await new Promise((r) => closing.close(r));
    },
  };
}
