/**
 * A workspace with its own notes folder (issue 14, item 1; `saa workspace --notes`), end to end:
 * signed `/saa` requests into the real Bolt receiver from two workspaces of one deployment; each
 * is answered from its own notes, the one without a folder from NOTES_DIR. The first question of
 * the workspace whose folder is not open yet is acked at once and answered through response_url.
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { TeamAnswerers } from '../../src/answer/team-answerers.ts';
import { MemoryWorkspaceSettings } from '../../src/daily-quiz/memory-workspace-settings.ts';
import { openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { postSigned, slashCommandForm } from '../helpers/signed-request.ts';
import { useNotesKnowledge, useSlackStandIn } from '../helpers/suite-setup.ts';

const SECRET = 'workspace-notes-secret';
const stand = useSlackStandIn();
const bundled = useNotesKnowledge();
let slack: SlackAdapter;
let events = '';
let work = '';
let n = 0;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'saa-workspace-notes-'));
  const teamNotes = join(work, 'team-a-notes');
  await mkdir(teamNotes);
  await writeFile(
    join(teamNotes, 'our-lambda.md'),
    '# Our Lambda rules\n- our platform team caps every Lambda function at 90 seconds of run time\n',
  );
  const settings = new MemoryWorkspaceSettings();
  await settings.save({
    teamId: 'TA',
    quizSchedule: null,
    quizTimeZone: null,
    notesDir: teamNotes,
    updatedAt: new Date(),
  });
  const fallback = new ExtractiveAnswerer(() => bundled.knowledge.index);
  const answerers = new TeamAnswerers({
    fallback,
    notesDirOf: async (teamId) => (await settings.get(teamId))?.notesDir ?? null,
    open: async (dir) => {
      const own = await openKnowledge(dir, join(work, 'index-cache'));
      return new ExtractiveAnswerer(() => own.index);
    },
    log: console,
  });
  slack = createSlackApp(
    {
      botToken: 'xoxb-test',
      signingSecret: SECRET,
      slackApiUrl: stand.standIn.apiUrl,
      port: 0,
      logLevel: 'error',
    },
    { answerer: fallback, answerers },
  );
  events = `http://127.0.0.1:${await slack.start()}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await rm(work, { recursive: true, force: true });
});

/** `/saa text` from `team`: the reply, from the ack body or else from response_url, and where it came. */
async function ask(text: string, team: string) {
  const id = `ws-${++n}`;
  const res = await postSigned(events, slashCommandForm(text, stand.standIn.responseUrl(id), { team }), {
    secret: SECRET,
  });
  expect(res.status).toBe(200);
  const body = await res.text();
  if (body) return { via: 'ack', text: body };
  const call = await stand.standIn.waitFor((c) => c.method === `response_url:${id}`);
  return { via: 'response_url', text: JSON.stringify(call.body) };
}

describe('a workspace with its own notes folder', () => {
  it('is answered from its notes; another workspace from NOTES_DIR', async () => {
    const first = await ask('how long can a lambda function run', 'TA');
    // Its folder was not open yet: acked at once, answered when opened.
    expect(first.via).toBe('response_url');
    expect(first.text).toContain('90 seconds');
    expect(first.text).toContain('our-lambda.md');
    const again = await ask('how long can a lambda function run', 'TA');
    expect(again.via).toBe('ack');
    expect(again.text).toContain('90 seconds');
    const other = await ask('how long can a lambda function run', 'TB');
    expect(other.text).not.toContain('90 seconds');
    expect(other.text).toMatch(/15 minutes/);
  });
});
