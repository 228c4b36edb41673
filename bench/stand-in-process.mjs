// Slack stand-in for benchmarks, in its own process (as Slack is, for the bot): answers
// auth.test and any Web API method with ok:true, accepts response_url posts, and records when
// each `/response/<id>` arrived. GET /__times returns {id: absolute ms}. Prints its port first.
import { createServer } from 'node:http';

const times = {};
let ts = 1_700_000_000;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = req.url ?? '';
    if (url === '/__times') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(times));
      return;
    }
    if (url.startsWith('/response/')) {
      times[url.slice('/response/'.length)] = performance.timeOrigin + performance.now();
      res.writeHead(200).end('ok');
      return;
    }
    const body = url.includes('auth.test')
      ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' }
      : { ok: true, ts: `${ts++}.000100`, channel: 'C1' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
