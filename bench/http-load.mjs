// Load generator for the HTTP benchmarks, run as a child process (its own CPU): autocannon sends
// `amount` signed requests over `connections` concurrent connections, each with its own
// response_url: `/saa` slash commands, or with `click` set, daily-quiz button clicks
// (block_actions) by `click.people` people, every tenth one marked as a Slack retry; or with
// `prepared` set, the bodies in that JSON file (`[{body, retry}]`, sent in order, `retry`: marked
// as Slack's first retry), each signed when it is sent.
// Prints one JSON line: autocannon's latency stats (ms), the run's duration (s) and each request's send time.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const { url, secret, amount, connections, responseBase, questions, click, prepared } = JSON.parse(
  process.argv[2],
);
const bodies = prepared ? JSON.parse(readFileSync(prepared, 'utf8')) : null;
const sentAt = [];
let i = 0;

function commandBody(n) {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: 'C1',
    user_id: `U${n % 1000}`,
    user_name: 'bench',
    command: '/saa',
    text: questions[n % questions.length],
    api_app_id: 'A1',
    response_url: `${responseBase}/b${n}`,
    trigger_id: '1.2.3',
  }).toString();
}

function clickBody(n) {
  const user = `U${n % click.people}`;
  const choice = 'ABCD'[(n * 7) % 4];
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'bench' },
    user: { id: user, username: user, name: user, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: click.messageTs, channel_id: 'C1', is_ephemeral: false },
    trigger_id: '1.2.3',
    channel: { id: 'C1', name: 'bench' },
    message: { ts: click.messageTs, type: 'message', text: '', blocks: [] },
    response_url: `${responseBase}/b${n}`,
    actions: [
      {
        type: 'button',
        action_id: `quiz_answer:${choice}`,
        block_id: 'b',
        value: JSON.stringify({ q: click.quizId, c: choice }),
        text: { type: 'plain_text', text: choice },
        action_ts: '1.2',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

const result = await autocannon({
  url,
  amount,
  connections,
  requests: [
    {
      method: 'POST',
      setupRequest(req) {
        const n = i++;
        const body = bodies ? bodies[n].body : click ? clickBody(n) : commandBody(n);
        const retried = bodies ? bodies[n].retry : click && n % 10 === 9;
        const retry = retried ? { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } : {};
        const ts = Math.floor(Date.now() / 1000);
        sentAt[n] = performance.timeOrigin + performance.now();
        return {
          ...req,
          body,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-slack-request-timestamp': String(ts),
            'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
            ...retry,
          },
        };
      },
    },
  ],
});
process.stdout.write(
  `${JSON.stringify({ latency: result.latency, rps: result.requests.average, duration: result.duration, non2xx: result.non2xx, errors: result.errors, sentAt })}\n`,
);
