/**
 * `/saa review` end to end: signed slash commands and button clicks into the real Bolt HTTP
 * receiver, the real repositories behind it, ephemeral replies through response_url on the
 * Slack stand-in. A person gets a new card, answers it, and sees the explanation, when it comes
 * back and the next card in place of the old one; a question missed in the daily quiz comes back
 * due; a double click moves a card once; with nothing due, Review ahead shows the soonest card;
 * Easy under a right answer moves the card to ts-fsrs's Easy date, once.
 */

import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { postDailyQuiz } from '../../src/daily-quiz/post-daily-quiz.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import type { Question } from '../../src/quiz/question.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { escapeMrkdwn } from '../../src/slack/mrkdwn.ts';
import { SCHEDULER_PARAMETERS } from '../../src/spaced-repetition/fsrs-scheduler.ts';
import type { Database } from '../../src/storage/db.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import {
  buttonsOf,
  loadRealBank,
  loadRealSingleChoiceBank,
  messageText,
  quizContext,
  recordingLog,
  standInMessenger,
} from '../helpers/quiz-harness.ts';
import { buttonClickForm, postSigned, slashCommandForm } from '../helpers/signed-request.ts';
import type { RecordedCall } from '../helpers/slack-stand-in.ts';
import { type SlackStandIn, slackAppOptions } from '../helpers/slack-stand-in.ts';
import { useMigratedDatabase, useNotesKnowledge, useSlackStandIn } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';

const SECRET = 'review-command-secret';

describe.each(testDatabases())('/saa review over HTTP on $name', (target) => {
  let db: Database;
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let events: string;
  let bank: Question[];
  let ctx: QuizContext;
  const clock = new TestClock('2026-06-01T09:00:00Z');
  const rec = recordingLog();
  let n = 0;

  const database = useMigratedDatabase(target);
  const slackApi = useSlackStandIn();
  const notes = useNotesKnowledge();

  beforeAll(async () => {
    db = database.db;
    standIn = slackApi.standIn;
    bank = await loadRealSingleChoiceBank();
    ctx = quizContext(db, {
      bank,
      clock,
      messenger: standInMessenger(standIn),
      log: rec.log,
      reviewLimits: { newPerDay: 2, reviewsPerDay: 100 },
    });
    const knowledge = notes.knowledge;
    slack = createSlackApp(slackAppOptions(standIn, SECRET), {
      answerer: new ExtractiveAnswerer(() => knowledge.index),
      quiz: () => ctx,
    });
    events = `http://127.0.0.1:${await slack.start()}/slack/events`;
  });
  afterAll(async () => {
    await slack?.stop();
  });

  async function review(team: string, user: string): Promise<RecordedCall> {
    const id = `review-${++n}`;
    const res = await postSigned(
      events,
      slashCommandForm('review', standIn.responseUrl(id), { team, user }),
      {
        secret: SECRET,
      },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const call = await standIn.waitFor((c) => c.method === `response_url:${id}`);
    expect(call.body.response_type).toBe('ephemeral');
    return call;
  }

  async function click(team: string, user: string, button: { action_id: string; value: string }) {
    const id = `click-${++n}`;
    const res = await postSigned(
      events,
      buttonClickForm({
        ...button,
        actionId: button.action_id,
        responseUrl: standIn.responseUrl(id),
        team,
        user,
      }),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    return id;
  }

  const reply = (id: string) => standIn.waitFor((c) => c.method === `response_url:${id}`);

  /** The question a review message shows, by its id in the answer buttons. */
  function shown(call: RecordedCall): Question {
    const [first] = buttonsOf(call).filter((b) => b.action_id.startsWith('review_answer:'));
    const id = (JSON.parse(first?.value ?? '{}') as { questionId?: string }).questionId;
    const question = bank.find((q) => q.id === id);
    if (!question) throw new Error(`no review card in: ${messageText(call)}`);
    return question;
  }
  const button = (call: RecordedCall, key: string) => {
    const b = buttonsOf(call).find((x) => x.action_id === `review_answer:${key}`);
    if (!b) throw new Error(`no button ${key}`);
    return b;
  };

  it('a new card, answered: the explanation, when it comes back, and the next card in its place', async () => {
    const team = uniqueId('T');
    const first = await review(team, 'U1');
    const question = shown(first);
    expect(messageText(first)).toContain('new question');
    expect(JSON.parse(button(first, 'A').value)).toEqual({
      questionId: question.id,
      choice: 'A',
      cardReps: 0,
    });

    const after = await reply(await click(team, 'U1', button(first, question.correctKeys.join(','))));
    expect(after.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const text = messageText(after);
    expect(text).toContain('✅');
    expect(text).toContain(escapeMrkdwn(question.explanation));
    // Right on a new card: back after ts-fsrs's 10-minute learning step, shown in the reader's zone.
    const due = new Date(clock.now().getTime() + 10 * 60_000);
    expect(text).toContain(`Back for review <!date^${due.getTime() / 1000}^{date_short_pretty} at {time}|`);
    expect(text).toContain('(in 10 min)');
    const next = shown(after);
    expect(next.id).not.toBe(question.id);
    expect((await ctx.cards?.card(team, 'U1', question.id))?.fsrs.reps).toBe(1);
  });

  it('Easy under a right answer moves the card to the date ts-fsrs gives Easy, once; no Easy after a wrong one', async () => {
    const team = uniqueId('T');
    const first = await review(team, 'U4');
    const question = shown(first);
    const after = await reply(await click(team, 'U4', button(first, question.correctKeys.join(','))));
    const easy = buttonsOf(after).find((b) => b.text === 'Easy');
    expect(easy).toBeDefined();
    const want = fsrs(SCHEDULER_PARAMETERS).next(createEmptyCard(clock.now()), clock.now(), Rating.Easy).card
      .due;

    const rated = await reply(await click(team, 'U4', easy as { action_id: string; value: string }));
    expect(rated.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(messageText(rated)).toContain(`Rated Easy: back for review <!date^${want.getTime() / 1000}^`);
    expect((await ctx.cards?.card(team, 'U4', question.id))?.fsrs.due).toEqual(want);
    const again = await reply(await click(team, 'U4', easy as { action_id: string; value: string }));
    expect(messageText(again)).toContain('can no longer be rated Easy');
    expect((await ctx.cards?.card(team, 'U4', question.id))?.fsrs.due).toEqual(want);

    const next = shown(after);
    const wrongKey = next.options.map((o) => o.key).find((k) => !next.correctKeys.includes(k)) as string;
    const missed = await reply(await click(team, 'U4', button(after, wrongKey)));
    expect(messageText(missed)).toContain('❌');
    expect(buttonsOf(missed).some((b) => b.text === 'Easy')).toBe(false);
  });

  it('a question missed in the daily quiz comes back due; a double click moves its card once', async () => {
    const team = uniqueId('T');
    const posted = await postDailyQuiz(ctx, team, uniqueId('C'));
    if (posted.status !== 'posted') throw new Error(`expected a post, got ${posted.status}`);
    const missed = bank.find((q) => q.id === posted.post.questionId) as Question;
    const wrong = missed.options.find((o) => !missed.correctKeys.includes(o.key))?.key as string;
    await reply(
      await click(team, 'U2', {
        action_id: `quiz_answer:${wrong}`,
        value: JSON.stringify({ q: posted.post.id, c: wrong }),
      }),
    );
    clock.advance(2 * 60_000); // past the 1-minute learning step of a miss

    const due = await review(team, 'U2');
    expect(shown(due).id).toBe(missed.id);
    expect(messageText(due)).toContain('1 due');
    const right = button(due, missed.correctKeys.join(','));
    expect(JSON.parse(right.value)).toMatchObject({ cardReps: 1 });
    const texts = await Promise.all(
      [await click(team, 'U2', right), await click(team, 'U2', right)].map(async (id) =>
        messageText(await reply(id)),
      ),
    );
    expect(texts.filter((t) => t.includes('✅'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('You already answered that card'))).toHaveLength(1);
    const card = await ctx.cards?.card(team, 'U2', missed.id);
    expect(card?.fsrs.reps).toBe(2);
    expect(rec.errors()).toEqual([]);
  });

  it('with nothing due and no new card left, Review ahead shows the card due soonest', async () => {
    const team = uniqueId('T');
    let call = await review(team, 'U3');
    const answeredIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const q = shown(call);
      answeredIds.push(q.id);
      call = await reply(await click(team, 'U3', button(call, q.correctKeys.join(','))));
    }
    // Both of today's new cards done, both due in 10 minutes.
    expect(messageText(call)).toContain('Nothing due right now. Your next card is due <!date^');
    const ahead = buttonsOf(call).find((b) => b.action_id === 'review_ahead');
    expect(ahead).toBeDefined();

    const shownAhead = await reply(await click(team, 'U3', ahead as { action_id: string; value: string }));
    expect(shownAhead.body).toMatchObject({ replace_original: true });
    expect(messageText(shownAhead)).toContain('reviewing ahead');
    expect(answeredIds).toContain(shown(shownAhead).id);
  });

  it('a multiple-response card takes ticked boxes and Submit; the wrong number ticked keeps it on screen', async () => {
    const single = ctx;
    const multiple = (await loadRealBank()).filter((q) => q.correctKeys.length > 1);
    ctx = { ...single, bank: () => multiple };
    try {
      const team = uniqueId('T');
      const card = await review(team, 'U4');
      const submit = buttonsOf(card).find((b) => b.action_id === 'review_submit');
      const { questionId: id } = JSON.parse(submit?.value ?? '{}') as { questionId: string };
      const question = multiple.find((q) => q.id === id) as Question;
      const send = async (letters: string[]) => {
        const rid = `click-${++n}`;
        await postSigned(
          events,
          buttonClickForm({
            actionId: 'review_submit',
            value: submit?.value ?? '',
            responseUrl: standIn.responseUrl(rid),
            team,
            user: 'U4',
            ticked: { pickActionId: 'review_pick', letters },
          }),
          { secret: SECRET },
        );
        return reply(rid);
      };
      const one = await send([question.correctKeys[0] as string]);
      expect(one.body).toMatchObject({ replace_original: false });
      expect(messageText(one)).toContain(`Tick exactly ${question.correctKeys.length} options`);
      expect(await ctx.cards?.card(team, 'U4', question.id)).toBeUndefined();

      const both = await send([...question.correctKeys]);
      expect(both.body).toMatchObject({ replace_original: true });
      expect(messageText(both)).toContain('✅');
      expect((await ctx.cards?.card(team, 'U4', question.id))?.fsrs.reps).toBe(1);
    } finally {
      ctx = single;
    }
  });

  it('/saa help lists /saa review', async () => {
    const id = `help-${++n}`;
    const res = await postSigned(events, slashCommandForm('help', standIn.responseUrl(id)), {
      secret: SECRET,
    });
    expect(await res.text()).toContain('/saa review');
  });
});
