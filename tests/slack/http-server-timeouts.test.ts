/**
 * A request that stalls while sending its headers or its body is cut off within seconds, not
 * held for Node's default 300 s (issue 9, item 14): raw TCP clients against the real Bolt HTTP
 * receiver, started with short timeouts so the test stays fast; a prompt request still works,
 * and the defaults fit Slack (which sends a request at once and waits 3 s for the ack).
 */

import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import {
  HTTP_HEADERS_TIMEOUT_MS,
  HTTP_REQUEST_TIMEOUT_MS,
  HTTP_TIMEOUT_CHECK_INTERVAL_MS,
} from '../../src/timeouts.ts';
import { postSigned, slashCommandForm } from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions, startSlackStandIn } from '../helpers/slack-stand-in.ts';

const SECRET = 'server-timeouts-secret';
const SHORT = { headersTimeoutMs: 400, requestTimeoutMs: 400, checkIntervalMs: 100 };

/** Opens a socket, writes `chunks` and then nothing; resolves with what came back and when the server closed it. */
function stall(port: number, chunks: string[], giveUpMs: number) {
  return new Promise<{ closedAfterMs: number | null; reply: string }>((resolve) => {
    const started = Date.now();
    const socket: Socket = connect(port, '127.0.0.1', () => {
      for (const c of chunks) socket.write(c);
    });
    let reply = '';
    socket.on('data', (d) => {
      reply += d.toString();
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closedAfterMs: null, reply });
    }, giveUpMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ closedAfterMs: Date.now() - started, reply });
    });
    socket.on('error', () => undefined);
  });
}

describe('HTTP server timeouts', () => {
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let port: number;

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    slack = createSlackApp(
      { ...slackAppOptions(standIn, SECRET), server: SHORT },
      { answerer: new ExtractiveAnswerer(() => null as never) },
    );
    port = (await slack.start()) ?? 0;
  });
  afterAll(async () => {
    await slack?.stop();
    await standIn?.close();
  });

  it('a body that stops halfway is answered 408 and closed within the request timeout', async () => {
    const { closedAfterMs, reply } = await stall(
      port,
      [
        'POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n',
        `X-Slack-Request-Timestamp: ${Math.floor(Date.now() / 1000)}\r\nX-Slack-Signature: v0=00\r\n`,
        'Content-Length: 500\r\n\r\ncommand=%2Fsaa&text=',
      ],
      3000,
    );
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs).toBeLessThan(2000);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it('headers that never finish are cut off too', async () => {
    const { closedAfterMs } = await stall(port, ['POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slow: '], 3000);
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs).toBeLessThan(2000);
  });

  it('a prompt request is served as before', async () => {
    const res = await postSigned(
      `http://127.0.0.1:${port}/slack/events`,
      slashCommandForm('help', standIn.responseUrl('prompt')),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('AWS SAA study bot');
  });

  it('the defaults fit Slack: headers and body within a few seconds, checked every second', () => {
    expect(HTTP_HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
    expect(HTTP_REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
    expect(HTTP_REQUEST_TIMEOUT_MS).toBeGreaterThanOrEqual(3_000); // Slack's ack window
    expect(HTTP_TIMEOUT_CHECK_INTERVAL_MS).toBeLessThanOrEqual(1_000);
  });
});
