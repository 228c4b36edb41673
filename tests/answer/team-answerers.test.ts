import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answerer, ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { SETTINGS_TTL_MS, TeamAnswerers } from '../../src/answer/team-answerers.ts';
import { loadNotes } from '../../src/knowledge/load-notes.ts';
import { buildIndex } from '../../src/retrieval/build-index.ts';
import { SearchIndex } from '../../src/retrieval/search-index.ts';

let root = '';
let shared = '';
let teamA = '';

async function folder(name: string, file: string, text: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir);
  await writeFile(join(dir, file), text);
  return dir;
}

async function open(dir: string): Promise<Answerer> {
  const corpus = await loadNotes(dir);
  if (corpus.passages.length === 0) throw new Error(`no notes in ${dir}`);
  const index = new SearchIndex(buildIndex(corpus.passages), corpus.passages);
  return new ExtractiveAnswerer(() => index);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saa-team-answerers-'));
  shared = await folder('shared', 'lambda.md', '# Lambda\n- Lambda runs for at most 15 minutes\n');
  teamA = await folder('team-a', 'lambda-team.md', '# Lambda\n- our team caps Lambda runs at 5 minutes\n');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function harness(dirs: Record<string, string | null | Error>) {
  const logged: string[] = [];
  const opened: string[] = [];
  const reads: string[] = [];
  let now = 1_000_000;
  const answerers = new TeamAnswerers({
    fallback: new ExtractiveAnswerer(() => fallbackIndex),
    notesDirOf: async (teamId) => {
      reads.push(teamId);
      const d = dirs[teamId];
      if (d instanceof Error) throw d;
      return d ?? null;
    },
    open: async (dir) => {
      opened.push(dir);
      return open(dir);
    },
    log: { warn: (m: string) => logged.push(`warn ${m}`), error: (m: string) => logged.push(`error ${m}`) },
    now: () => now,
  });
  return { answerers, logged, opened, reads, tick: (ms: number) => (now += ms) };
}

let fallbackIndex: SearchIndex;
beforeAll(async () => {
  const corpus = await loadNotes(shared);
  fallbackIndex = new SearchIndex(buildIndex(corpus.passages), corpus.passages);
});

const cited = async (a: Answerer) => (await a.answer('how long can lambda run')).sources.map((s) => s.file);

describe('TeamAnswerers', () => {
  it('answers each workspace from its own folder, and the others from NOTES_DIR', async () => {
    const { answerers, opened } = harness({ TA: teamA, TB: null, TA2: teamA });
    expect(await cited(await answerers.forTeam('TA'))).toEqual(['lambda-team.md']);
    expect(await cited(await answerers.forTeam('TB'))).toEqual(['lambda.md']);
    expect(await cited(await answerers.forTeam(undefined))).toEqual(['lambda.md']);
    // Two workspaces naming one folder share its index: opened once.
    expect(await cited(await answerers.forTeam('TA2'))).toEqual(['lambda-team.md']);
    expect(opened).toEqual([teamA]);
  });

  it('reads a workspace’s folder again after the TTL, so a change needs no restart', async () => {
    const dirs: Record<string, string | null> = { TA: null };
    const { answerers, tick } = harness(dirs);
    expect(await cited(await answerers.forTeam('TA'))).toEqual(['lambda.md']);
    dirs.TA = teamA;
    expect(await cited(await answerers.forTeam('TA'))).toEqual(['lambda.md']);
    tick(SETTINGS_TTL_MS);
    expect(await cited(await answerers.forTeam('TA'))).toEqual(['lambda-team.md']);
  });

  it('with the settings unreadable, keeps the folder it knew, saying so once', async () => {
    const dirs: Record<string, string | null | Error> = { TA: teamA };
    const { answerers, logged, tick } = harness(dirs);
    expect(await cited(await answerers.forTeam('TA'))).toEqual(['lambda-team.md']);
    dirs.TA = new Error('database unavailable');
    tick(SETTINGS_TTL_MS);
    expect(await cited(await answerers.forTeam('TA'))).toEqual(['lambda-team.md']);
    expect(await cited(await answerers.forTeam('TA'))).toEqual(['lambda-team.md']);
    expect(logged).toEqual([
      `warn workspace TA: its notes folder could not be read (database unavailable); answering from ${teamA}`,
    ]);
  });

  it('a folder that cannot be opened answers from NOTES_DIR, logged once, and is tried again', async () => {
    const missing = join(root, 'not-yet');
    const { answerers, logged, opened } = harness({ TA: missing });
    expect(await cited(await answerers.forTeam('TA'))).toEqual(['lambda.md']);
    expect(await cited(await answerers.forTeam('TA'))).toEqual(['lambda.md']);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      new RegExp(`^error notes folder ${missing} cannot be opened .*answering from NOTES_DIR$`),
    );
    await mkdir(missing);
    await writeFile(join(missing, 'later.md'), '# Lambda\n- Lambda later: 10 minutes per run\n');
    expect(await cited(await answerers.forTeam('TA'))).toEqual(['later.md']);
    expect(opened).toEqual([missing, missing, missing]);
  });
});

describe('TeamAnswerers.ready', () => {
  it('shares one settings read among a question and its ack', async () => {
    const { answerers, reads, opened } = harness({ TA: teamA });
    expect(answerers.ready('TA')).toBeUndefined();
    const [a, b] = await Promise.all([answerers.forTeam('TA'), answerers.forTeam('TA')]);
    expect(a).toBe(b);
    expect(reads).toEqual(['TA']);
    expect(opened).toEqual([teamA]);
  });

  it('has nothing at hand for a workspace first seen, and then its answerer, without waiting', async () => {
    const { answerers, tick } = harness({ TA: teamA, TB: null });
    expect(answerers.ready('TA')).toBeUndefined();
    expect(answerers.ready('TB')).toBeUndefined();
    await answerers.forTeam('TA');
    await answerers.forTeam('TB');
    expect(await cited(answerers.ready('TA') as Answerer)).toEqual(['lambda-team.md']);
    expect(answerers.ready('TB')).toBe(answerers.fallback);
    // Past the TTL the known answerer is still at hand while the folder is read again.
    tick(SETTINGS_TTL_MS);
    expect(await cited(answerers.ready('TA') as Answerer)).toEqual(['lambda-team.md']);
  });
});
