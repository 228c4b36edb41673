/**
 * `/saa exam` and exam readiness in `/saa stats` and the App Home, end to end on every test
 * engine: signed HTTP requests into the real Bolt receiver, exam dates and study cards in the
 * real repositories (cards moved by real answers through recordCardAnswer), the person's time
 * zone from users.info on the Slack API stand-in, replies through response_url and views.publish.
 * Also the command's parsing, table-driven.
 */

import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { parseCommand } from '../../src/commands/parse-command.ts';
import { openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import type { ScoreContext } from '../../src/scores/score-context.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { recordCardAnswer } from '../../src/spaced-repetition/record-card-answer.ts';
import type { Database } from '../../src/storage/db.ts';
import { SqlExamDateRepository } from '../../src/storage/exam-date-repository.ts';
import { SqlStudyCardRepository } from '../../src/storage/study-card-repository.ts';
import { domainBank } from '../exam-readiness/readiness-fixtures.ts';
import { testDatabases } from '../helpers/databases.ts';
import { testIndexCache } from '../helpers/index-cache.ts';
import { postSigned, slackSignature, slashCommandForm } from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions } from '../helpers/slack-stand-in.ts';
import { useMigratedDatabase, useSlackStandIn } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { scoreContext, standInProfiles } from '../scores/score-harness.ts';

const SECRET = 'test-signing-secret';
// 20:00 UTC on 1 December is already 2 December in Tokyo, where U1 lives.
const NOW = '2026-12-01T20:00:00Z';
const BANK = domainBank(25);

describe('/saa exam parsing', () => {
  it.each([
    ['exam', { kind: 'exam-show' }],
    ['EXAM', { kind: 'exam-show' }],
    ['exam off', { kind: 'exam-off' }],
    ['exam clear', { kind: 'exam-off' }],
    ['exam 2026-12-20', { kind: 'exam-set', date: '2026-12-20' }],
    ['  exam   2028-02-29 ', { kind: 'exam-set', date: '2028-02-29' }],
  ])('%j → %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    ['exam 2026-02-30', '2026-02-30'],
    ['exam next friday', 'next friday'],
    ['exam 20/12/2026', '20/12/2026'],
    ['exam 2026-12-20 2026-12-21', '2026-12-20 2026-12-21'],
    ['exam <!channel>', '&lt;!channel&gt;'],
  ])('%j is refused with how to write a date', (text, echoed) => {
    const parsed = parseCommand(text);
    expect(parsed.kind).toBe('invalid');
    const message = parsed.kind === 'invalid' ? parsed.message : '';
    expect(message).toContain(`"${echoed}"`);
    expect(message).toContain('/saa exam YYYY-MM-DD');
    expect(message).not.toContain('<!');
  });
});

describe.each(testDatabases())('exam readiness over Slack HTTP on $name', (target) => {
  let db: Database;
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let events: string;
  let ctx: ScoreContext;
  let cards: SqlStudyCardRepository;
  const clock = new TestClock(NOW);
  let n = 0;

  async function command(text: string, user = 'U1') {
    const id = `${target.name}-${++n}`;
    const res = await postSigned(events, slashCommandForm(text, standIn.responseUrl(id), { user }), {
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    const acked = await res.text();
    if (acked) return JSON.parse(acked) as Record<string, unknown>;
    return (await standIn.waitFor((c) => c.method === `response_url:${id}`)).body;
  }

  async function openHome(user: string) {
    const raw = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event: { type: 'app_home_opened', user, channel: 'D1', tab: 'home' },
      event_id: `Ev${target.name}${++n}`,
      event_time: 1,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const before = standIn.calls.length;
    const res = await fetch(events, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SECRET, timestamp, raw),
      },
      body: raw,
    });
    expect(res.status).toBe(200);
    return standIn.waitFor(
      (c) => c.method === 'views.publish' && c.body.user_id === user && standIn.calls.indexOf(c) >= before,
    );
  }

  /** `count` answers by `user` to the first questions of `domain`, `right` of them right, at NOW − 1 day. */
  async function answer(user: string, domain: string, count: number, right: number) {
    const questions = BANK.filter((q) => q.domain === domain).slice(0, count);
    for (const [i, q] of questions.entries()) {
      await recordCardAnswer(cards, {
        teamId: 'T1',
        userId: user,
        questionId: q.id,
        correct: i < right,
        source: 'practice',
        at: new Date(Date.parse(NOW) - 86_400_000),
      });
    }
  }

  const database = useMigratedDatabase(target);
  const slackApi = useSlackStandIn();

  beforeAll(async () => {
    db = database.db;
    standIn = slackApi.standIn;
    const fetcher = standInProfiles(
      standIn,
      new Map([
        ['U1', { display_name: 'Ana', tz: 'Asia/Tokyo' }],
        ['U2', { display_name: 'Bo', tz: 'UTC' }],
        ['U3', { display_name: 'Cy', tz: 'UTC' }],
      ]),
    );
    cards = new SqlStudyCardRepository(db);
    ctx = {
      ...scoreContext(db, { now: clock.now, bank: BANK, fetcher }),
      readiness: {
        cards,
        exams: new SqlExamDateRepository(db),
        limits: { newPerDay: 10, reviewsPerDay: 100 },
      },
    };
    const knowledge = await openKnowledge(
      resolve(import.meta.dirname, '../fixtures/notes/markdown'),
      testIndexCache(),
    );
    slack = createSlackApp(slackAppOptions(standIn, SECRET), {
      answerer: new ExtractiveAnswerer(() => knowledge.index),
      scores: () => ctx,
    });
    const port = await slack.start();
    events = `http://127.0.0.1:${port}/slack/events`;
  });

  afterAll(async () => {
    await slack?.stop();
  });

  it('sets, shows and clears an exam date, in the person’s own time zone, only to them', async () => {
    expect(String((await command('exam')).text)).toMatch(/No exam date set.*\/saa exam YYYY-MM-DD/);
    const set = await command('exam 2026-12-20');
    expect(set.response_type).toBe('ephemeral');
    // Tokyo: today is 2 December, so 18 days (19 from UTC's 1 December).
    expect(String(set.text)).toContain('Exam date set: 2026-12-20 (in 18 days)');
    expect(String((await command('exam')).text)).toContain('Your exam date: 2026-12-20 (in 18 days)');
    expect(String((await command('exam 2026-12-20', 'U2')).text)).toContain('(in 19 days)');
    expect(String((await command('exam off')).text)).toBe('Exam date cleared.');
    expect(String((await command('exam off')).text)).toMatch(/no exam date set/i);
    expect(String((await command('exam')).text)).toMatch(/No exam date set/);
  });

  it('refuses past dates (by the person’s calendar), far-off dates and nonsense, and keeps the old date', async () => {
    await command('exam 2027-01-15', 'U3');
    const past = String((await command('exam 2026-12-01')).text);
    expect(past).toContain('2026-12-01 is in the past (today is 2026-12-02 in Asia/Tokyo)');
    expect(String((await command('exam 2030-01-01', 'U3')).text)).toMatch(
      /more than 2 years away: check the year/,
    );
    const nonsense = await command('exam soon', 'U3');
    expect(nonsense.response_type).toBe('ephemeral');
    expect(String(nonsense.text)).toContain('I couldn\'t read "soon" as a date');
    expect(String((await command('exam', 'U3')).text)).toContain('2027-01-15');
    expect(String((await command('help')).text)).toContain('/saa exam YYYY-MM-DD');
  });

  it('/saa stats shows days left, mastery per domain, "not enough answers yet" and the plan', async () => {
    await command('exam 2026-12-12', 'U2'); // 11 days from 1 December, UTC
    await answer('U2', 'cost', 10, 4);
    const body = await command('stats', 'U2');
    expect(body.response_type).toBe('ephemeral');
    const text = String(body.text);
    expect(text).toContain('Exam: 2026-12-12, 11 days left');
    expect(text).toContain('Estimated score: not enough answers yet (10 of 30');
    expect(text).toMatch(
      /Design Cost-Optimized Architectures \(20 % of the exam\): mastery \d+ % · accuracy 40 % \(4\/10\) · seen 10 of 25/,
    );
    expect(text).toContain(
      'Design Secure Architectures (30 % of the exam): mastery 0 % · accuracy – · seen 0 of 25',
    );
    // The ten cards are in FSRS learning steps (minutes), so all due; 90 unseen over 11 days: 9 a
    // day, from the weakest domain (nothing known there: the heaviest, secure, first).
    expect(text).toContain('Today’s plan: 10 reviews due + 9 new questions (Design Secure Architectures: 9)');
    expect(text).toContain('9 new a day sees the 90 questions you have not answered before the exam');
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain('Exam readiness');
    expect(blocks).toContain('11 days left');
  });

  it('shows an estimate with its range once there are enough answers, higher with more right', async () => {
    for (const d of ['secure', 'resilient', 'performance', 'cost']) await answer('U3', d, 10, 5);
    const before = /Estimated score: (\d+) \(90 % range (\d+)–(\d+); pass 720\), from 40 answers/.exec(
      String((await command('stats', 'U3')).text),
    );
    expect(before).not.toBeNull();
    const [score, low, high] = (before ?? []).slice(1).map(Number) as [number, number, number];
    expect(low).toBeLessThanOrEqual(score);
    expect(score).toBeLessThanOrEqual(high);
    // Ten more answers, all right, on the secure questions answered wrong.
    clock.set('2026-12-01T20:30:00Z');
    for (const q of BANK.filter((x) => x.domain === 'secure').slice(5, 10))
      await recordCardAnswer(cards, {
        teamId: 'T1',
        userId: 'U3',
        questionId: q.id,
        correct: true,
        source: 'review',
        at: clock.now(),
      });
    const after = /Estimated score: (\d+) /.exec(String((await command('stats', 'U3')).text));
    expect(Number(after?.[1])).toBeGreaterThan(score);
    clock.set(NOW);
  });

  it('the App Home shows days left and mastery per domain', async () => {
    await command('exam 2026-12-20');
    const call = await openHome('U1');
    const view = call.body.view as { type: string; blocks: Array<{ type: string }> };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const json = JSON.stringify(view);
    expect(json).toContain('Exam readiness');
    expect(json).toContain('Exam: 2026-12-20, 18 days left');
    expect(json).toContain('Design Resilient Architectures (26 % of the exam): mastery 0 %');
    expect(json).toContain('Estimated score: not enough answers yet (0 of 30');
  });
});
