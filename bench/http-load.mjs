// Load generator for bench/http-bench.ts, run as a child process (its own CPU): autocannon sends
// `amount` signed /saa requests over `connections` concurrent connections, each with its own
// response_url. Prints one JSON line: autocannon's latency stats (ms) and each request's send time.
import { createHmac } from 'node:crypto';
import autocannon from 'autocannon';

const { url, secret, amount, connections, responseBase, questions } = JSON.parse(process.argv[2]);
const sentAt = [];
let i = 0;
const result = await autocannon({
  url,
  amount,
  connections,
  requests: [
    {
      method: 'POST',
      setupRequest(req) {
        const n = i++;
        const body = new URLSearchParams({
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
        const ts = Math.floor(Date.now() / 1000);
        sentAt[n] = performance.timeOrigin + performance.now();
        return {
          ...req,
          body,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-slack-request-timestamp': String(ts),
            'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
          },
        };
      },
    },
  ],
});
process.stdout.write(
  `${JSON.stringify({ latency: result.latency, rps: result.requests.average, non2xx: result.non2xx, errors: result.errors, sentAt })}\n`,
);
