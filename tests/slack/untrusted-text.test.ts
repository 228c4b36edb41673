/**
 * Text we did not write never reaches a channel as Slack markup (issue 9, items 6, 7 and 10):
 * a bank topic in the daily post, the argument of `/saa daily on …` echoed back, and the text a
 * Share click carries. `<!channel>` in any of them would notify the whole channel. Everything goes
 * through the real Bolt receiver or the real messenger, to the local Slack stand-in.
 */

import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import type { QuizPost } from '../../src/daily-quiz/ports.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { slackQuizMessenger } from '../../src/slack/slack-quiz-messenger.ts';
import { singleWorkspaceClients } from '../../src/slack/team-clients.ts';
import { messageText } from '../helpers/quiz-harness.ts';
import { buttonClickForm, postSigned, slashCommandForm } from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { useNotesKnowledge } from '../helpers/suite-setup.ts';
import { makeQuestion } from '../quiz/quiz-fixtures.ts';

const SECRET = 'untrusted-text-secret';
/** Slack's special mentions and a user mention, as raw markup. */
const MARKUP = /<!channel>|<!here>|<!everyone>|<@U/;

describe('untrusted text in channel messages', () => {
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let events: string;
  let n = 0;
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

  it('a bank topic with <!channel> is shown escaped in the daily post and its reveal', async () => {
    const messenger = slackQuizMessenger(
      singleWorkspaceClients(new WebClient('xoxb-test', { slackApiUrl: standIn.apiUrl })),
    );
    const question = makeQuestion('topic-markup', { topic: 'Lambda <!channel> & <@U123>' });
    const post: QuizPost = {
      id: 7,
      teamId: 'T1',
      channelId: 'C-topic',
      localDate: '2026-06-01',
      questionId: question.id,
      claimedAt: new Date(),
      claimedBy: 'test',
      messageTs: null,
      postedAt: null,
      revealedAt: null,
    };
    const ts = await messenger.postQuestion(post, question);
    await messenger.updateQuestion({ ...post, messageTs: ts }, question, {
      stats: { answered: 1, correct: 1, byChoice: { B: 1 } },
      revealed: true,
    });
    const calls = standIn.calls.filter((c) => c.body.channel === 'C-topic');
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update']);
    for (const call of calls) {
      const text = messageText(call);
      expect(text).not.toMatch(MARKUP);
      expect(text).toContain('Lambda &lt;!channel&gt; &amp; &lt;@U123&gt;');
    }
  });

  it('`/saa daily on <!channel>` echoes the argument escaped', async () => {
    const res = await postSigned(
      events,
      slashCommandForm('daily on <!channel>', standIn.responseUrl(`cmd-${++n}`)),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { text: string; blocks: unknown[] };
    expect(JSON.stringify(body)).not.toMatch(MARKUP);
    expect(body.text).toContain('I couldn\'t read "&lt;!channel&gt;"');
  });

  it("a Share click's text is posted to the channel without live markup", async () => {
    const id = `share-${++n}`;
    const value = JSON.stringify({
      q: 'what is dax <!here>',
      t: '<!channel> *DAX* is a cache & more <https://evil.example|click>',
      s: [{ file: 'dynamodb.md', heading: 'DAX <@U1>', line: 3 }],
    });
    const res = await postSigned(
      events,
      buttonClickForm({ actionId: 'share_answer', value, responseUrl: standIn.responseUrl(id) }),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    const { body } = await standIn.waitFor((c) => c.method === `response_url:${id}`);
    expect(body.response_type).toBe('in_channel');
    const text = messageText({ method: 'share', body });
    expect(text).not.toMatch(MARKUP);
    expect(text).not.toContain('<https://evil.example');
    // The answer text is plain (Answer.text): escaped, so it reads the same and its markup is inert.
    expect(text).toContain('&lt;!channel&gt; *DAX* is a cache &amp; more');
  });
});
