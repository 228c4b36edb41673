/**
 * Operations over HTTP (issue 14, item 4), through the real Bolt receiver: `GET /metrics` in
 * Prometheus format counts answers by surface, mode and coverage, abstentions, acks and Node's
 * event-loop lag; `GET /readyz` says whether the database and index are ready, apart from
 * `/healthz`; JSON log lines written while a request is handled carry its request id, which the
 * response also names.
 */

import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { JsonLogger } from '../../src/observability/json-logger.ts';
import { BotMetrics } from '../../src/observability/metrics.ts';
import { checkReadiness } from '../../src/observability/readiness.ts';
import { openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { testIndexCache } from '../helpers/index-cache.ts';
import { eventCallback, postSigned, postSignedEvent, slashCommandForm } from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions, startSlackStandIn } from '../helpers/slack-stand-in.ts';

const SECRET = 'operations-secret';

describe('metrics, readiness and request ids', () => {
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let base: string;
  let databaseUp = true;
  const lines: Array<Record<string, unknown>> = [];
  const metrics = new BotMetrics();

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    const knowledge = await openKnowledge(
      resolve(import.meta.dirname, '../../knowledge/notes'),
      testIndexCache(),
    );
    slack = createSlackApp(
      {
        ...slackAppOptions(standIn, SECRET),
        logLevel: 'info',
        logger: new JsonLogger('info', (line) => lines.push(JSON.parse(line) as Record<string, unknown>)),
        metrics,
        readiness: () =>
          checkReadiness({
            database: async () => {
              if (!databaseUp) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
            },
            indexPassages: () => knowledge.index.passages.length,
          }),
      },
      { answerer: new ExtractiveAnswerer(() => knowledge.index), metrics },
    );
    base = `http://127.0.0.1:${await slack.start()}`;
  });
  afterAll(async () => {
    await slack?.stop();
    await standIn?.close();
  });

  async function saa(text: string) {
    const res = await postSigned(`${base}/slack/events`, slashCommandForm(text, standIn.responseUrl(text)), {
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    await res.text();
    return res;
  }

  it('counts answers, abstentions and acks, with Node’s event-loop lag, at GET /metrics', async () => {
    await saa('dax vs elasticache');
    await saa('how do I set up a hyperledger fabric network on amazon managed blockchain');
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/saa_answers_total\{surface="slash",mode="extractive",found="true"\} 1/);
    expect(text).toMatch(/saa_answers_total\{surface="slash",mode="extractive",found="false"\} 1/);
    expect(text).toMatch(/saa_abstentions_total\{surface="slash"\} 1/);
    expect(text).toMatch(/saa_slack_ack_seconds_count [2-9]/);
    expect(text).toMatch(/saa_answer_seconds_bucket\{le="3",mode="extractive"\} 2/);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('is ready when the database answers and the index is loaded, and says what is missing when not', async () => {
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { database: 'ok', index: 'ok' } });
    databaseUp = false;
    try {
      const down = await fetch(`${base}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({
        ok: false,
        checks: { database: 'unavailable: connect ECONNREFUSED 127.0.0.1:5432', index: 'ok' },
      });
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      databaseUp = true;
    }
  });

  it('puts the request id on every JSON log line written while the request is handled', async () => {
    const event = {
      type: 'message',
      channel: 'D9',
      channel_type: 'im',
      user: 'U1',
      text: 'what is pitr',
      ts: '1850000000.000100',
      team: 'T1',
    };
    await postSignedEvent(`${base}/slack/events`, eventCallback(event, 'T1', 'EvOps1'), SECRET);
    await standIn.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === '1850000000.000100');
    // Slack signs a retry anew: a later second makes a new signature, so the listener sees it.
    await new Promise((r) => setTimeout(r, 1100));
    const retry = await postSignedEvent(
      `${base}/slack/events`,
      eventCallback(event, 'T1', 'EvOps1'),
      SECRET,
      {
        'x-request-id': 'req-retry-1',
        'x-slack-retry-num': '1',
      },
    );
    expect(retry.headers.get('x-request-id')).toBe('req-retry-1');
    for (let i = 0; i < 50 && !lines.some((l) => l.request_id === 'req-retry-1'); i++)
      await new Promise((r) => setTimeout(r, 20));
    const line = lines.find((l) => l.request_id === 'req-retry-1');
    expect(line).toMatchObject({
      level: 'warn',
      msg: 'message delivered again; answered once',
      channel: 'D9',
    });
    expect(typeof line?.time).toBe('string');
  });
});
