/**
 * The Slack path end to end: signed HTTP requests into the real Bolt receiver, answered through a
 * local Slack API stand-in and response_url on 127.0.0.1.
 */

import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { SHARE_ACTION } from '../../src/slack/views/answer-blocks.ts';
import { testIndexCache } from '../helpers/index-cache.ts';
import { buttonClickForm, postSigned, slashCommandForm } from '../helpers/signed-request.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';

const SECRET = 'test-signing-secret';
let standIn: SlackStandIn;
let slack: SlackAdapter;
let events: string;
let base: string;
let n = 0;

const blockText = (body: Record<string, unknown>) => JSON.stringify(body.blocks ?? []);

/** Sends `/saa text`; resolves with the reply, from the ack body or else from response_url. */
async function command(text: string) {
  const id = `cmd-${++n}`;
  const res = await postSigned(events, slashCommandForm(text, standIn.responseUrl(id)), { secret: SECRET });
  expect(res.status).toBe(200);
  const body = await res.text();
  if (body) return JSON.parse(body) as Record<string, unknown>;
  return (await standIn.waitFor((c) => c.method === `response_url:${id}`)).body;
}

beforeAll(async () => {
  standIn = await startSlackStandIn();
  const knowledge = await openKnowledge(
    resolve(import.meta.dirname, '../../knowledge/notes'),
    testIndexCache(),
  );
  slack = createSlackApp(
    { botToken: 'xoxb-test', signingSecret: SECRET, slackApiUrl: standIn.apiUrl, port: 0, logLevel: 'error' },
    { answerer: new ExtractiveAnswerer(() => knowledge.index) },
  );
  const port = await slack.start();
  base = `http://127.0.0.1:${port}`;
  events = `${base}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await standIn?.close();
});

describe('/saa over HTTP', () => {
  it('answers a question in the ack itself, ephemerally, with sources and a share button', async () => {
    const res = await postSigned(
      events,
      slashCommandForm('dax vs elasticache', standIn.responseUrl('in-ack')),
      { secret: SECRET },
    );
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(JSON.parse(await res.text()).response_type).toBe('ephemeral');
    expect(standIn.calls.some((c) => c.method === 'response_url:in-ack')).toBe(false);
  });

  it('answers a question ephemerally with sources and a share button', async () => {
    const body = await command('dax vs elasticache');
    expect(body.response_type).toBe('ephemeral');
    const blocks = blockText(body);
    expect(blocks).toMatch(/DAX/);
    expect(blocks).toMatch(/ElastiCache/);
    expect(blocks).toMatch(/dynamodb-advanced\.md/);
    expect(blocks).toContain(SHARE_ACTION);
  });

  it('shows usage for a bare /saa and for /saa help', async () => {
    for (const text of ['', 'help']) {
      const body = await command(text);
      expect(String(body.text)).toContain('/saa <question>');
    }
  });

  it('answers text full of lunr syntax and emoji without an error', async () => {
    const body = await command('lambda: timeout~ ^ + - * 🚀 "quoted"');
    expect(String(body.text)).toMatch(/15 minutes|900/);
  });

  it('says plainly when the notes do not cover a question', async () => {
    const body = await command('how do I set up a hyperledger fabric network on amazon managed blockchain');
    expect(String(body.text)).toMatch(/couldn't find/i);
    expect(blockText(body)).not.toContain(SHARE_ACTION);
  });

  it('shares an answer with the channel when the button is clicked', async () => {
    const body = await command('lambda max memory');
    const blocks = body.blocks as Array<{
      type: string;
      elements?: Array<{ action_id?: string; value?: string }>;
    }>;
    const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === SHARE_ACTION);
    expect(button?.value).toBeTruthy();
    const res = await postSigned(
      events,
      buttonClickForm({
        actionId: SHARE_ACTION,
        value: button?.value ?? '',
        responseUrl: standIn.responseUrl('share-1'),
      }),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    const shared = (await standIn.waitFor((c) => c.method === 'response_url:share-1')).body;
    expect(shared.response_type).toBe('in_channel');
    expect(shared.text).toBe(body.text);
    expect(blockText(shared)).toContain('user-U1');
    expect(blockText(shared)).not.toContain('<@');
  });
});

describe('request verification', () => {
  const form = () => slashCommandForm('dax', standIn.responseUrl('never'));
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['unsigned', { secret: null }],
    ['forged (wrong secret)', { secret: 'not-the-secret' }],
    ['stale (6 minutes old)', { secret: SECRET, timestamp: now() - 6 * 60 }],
    ['from the future (10 minutes ahead)', { secret: SECRET, timestamp: now() + 10 * 60 }],
  ])('rejects a %s request with 401', async (_name, opts) => {
    const res = await postSigned(events, form(), opts as { secret: string | null; timestamp?: number });
    expect(res.status).toBe(401);
  });

  it('serves GET /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
  });
});
