/**
 * A signed request replayed within the 5 minutes Bolt accepts it runs once (issue 9, item 8):
 * three replays of one Share click post one message in the channel; a redelivery of the click
 * with a fresh signature (as Socket Mode or a retry would send it) is recognised by its
 * `trigger_id`; a new click on the same button is a new share. Signed HTTP into the real Bolt
 * receiver, response_url on the local Slack stand-in.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { buttonClickForm, postSigned, slashCommandForm } from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { useNotesKnowledge } from '../helpers/suite-setup.ts';

const SECRET = 'replayed-requests-secret';
const SHARE = JSON.stringify({ q: 'what is dax', t: '*DAX* is a cache for DynamoDB.', s: [] });

describe('replayed Slack requests', () => {
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let events: string;
  const notes = useNotesKnowledge();

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    const knowledge = notes.knowledge;
    slack = createSlackApp(slackAppOptions(standIn, SECRET), {
      answerer: new ExtractiveAnswerer(() => knowledge.index),
    });
    events = `http://127.0.0.1:${await slack.start()}/slack/events`;
  });
  afterAll(async () => {
    await slack?.stop();
    await standIn?.close();
  });

  const posts = (id: string) => standIn.calls.filter((c) => c.method === `response_url:${id}`);
  /** Lets replies that are on their way arrive before counting them. */
  const settle = () => new Promise((r) => setTimeout(r, 200));

  it('one Share click sent four times (the click and three replays) posts once', async () => {
    const id = 'share-replayed';
    const form = buttonClickForm({
      actionId: 'share_answer',
      value: SHARE,
      responseUrl: standIn.responseUrl(id),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 4; i++) {
      const res = await postSigned(events, form, { secret: SECRET, timestamp });
      expect(res.status).toBe(200);
    }
    await standIn.waitFor((c) => c.method === `response_url:${id}`);
    await settle();
    expect(posts(id)).toHaveLength(1);
    expect(posts(id)[0]?.body.response_type).toBe('in_channel');
  });

  it('concurrent replays post once too', async () => {
    const id = 'share-concurrent';
    const form = buttonClickForm({
      actionId: 'share_answer',
      value: SHARE,
      responseUrl: standIn.responseUrl(id),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const statuses = await Promise.all(
      Array.from({ length: 3 }, () =>
        postSigned(events, form, { secret: SECRET, timestamp }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual([200, 200, 200]);
    await standIn.waitFor((c) => c.method === `response_url:${id}`);
    await settle();
    expect(posts(id)).toHaveLength(1);
  });

  it('the same click redelivered with a fresh signature posts once; a new click posts again', async () => {
    const id = 'share-redelivered';
    const form = buttonClickForm({
      actionId: 'share_answer',
      value: SHARE,
      responseUrl: standIn.responseUrl(id),
      triggerId: '1111.2222.redelivered',
    });
    const now = Math.floor(Date.now() / 1000);
    expect((await postSigned(events, form, { secret: SECRET, timestamp: now - 2 })).status).toBe(200);
    expect((await postSigned(events, form, { secret: SECRET, timestamp: now })).status).toBe(200);
    await standIn.waitFor((c) => c.method === `response_url:${id}`);
    await settle();
    expect(posts(id)).toHaveLength(1);

    const again = buttonClickForm({
      actionId: 'share_answer',
      value: SHARE,
      responseUrl: standIn.responseUrl(id),
    });
    expect((await postSigned(events, again, { secret: SECRET })).status).toBe(200);
    await settle();
    expect(posts(id)).toHaveLength(2);
  });

  it('a replayed `/saa` command is answered once', async () => {
    const form = slashCommandForm('help', standIn.responseUrl('cmd-replayed'));
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await postSigned(events, form, { secret: SECRET, timestamp });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('AWS SAA study bot');
    const replay = await postSigned(events, form, { secret: SECRET, timestamp });
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe('');
  });

  it('a request with a bad signature is still refused (401), replayed or not', async () => {
    const form = slashCommandForm('help', standIn.responseUrl('cmd-forged'));
    const timestamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 2; i++) {
      const res = await postSigned(events, form, { secret: 'not-the-secret', timestamp });
      expect(res.status).toBe(401);
    }
  });
});
