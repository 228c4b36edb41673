/**
 * The listener indexes only register: what each one registers, with and without the quiz (the
 * template's listeners/{commands,actions,events,views}/index.ts). Bolt's `App` is a recording
 * stand-in; what the handlers do is tested beside each listener.
 */

import { describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../../src/answer/answerer.ts';
import { registerActions } from '../../../src/slack/listeners/actions/index.ts';
import { registerCommands } from '../../../src/slack/listeners/commands/index.ts';
import { registerEvents } from '../../../src/slack/listeners/events/index.ts';
import { registerViews } from '../../../src/slack/listeners/views/index.ts';
import { SHARE_ACTION } from '../../../src/slack/views/answer-blocks.ts';
import { FEEDBACK_VIEW } from '../../../src/slack/views/feedback-blocks.ts';
import { DAILY_PICK_ACTION } from '../../../src/slack/views/quiz-blocks.ts';
import { REPORT_VIEW } from '../../../src/slack/views/report-blocks.ts';
import { fakeApp } from '../../helpers/bolt-fakes.ts';
import { memoryQuizContext } from '../../helpers/quiz-harness.ts';

const answerer = new ExtractiveAnswerer(() => {
  throw new Error('not asked');
});
const quiz = () => memoryQuizContext([]);

const ids = (f: ReturnType<typeof fakeApp>) => f.registered.map((r) => `${r.kind} ${r.id}`);

describe('listener indexes', () => {
  it('commands: /saa', () => {
    const f = fakeApp();
    registerCommands(f.app, { answerer });
    expect(ids(f)).toEqual(['command /saa']);
  });

  it('actions: only Share without the quiz; every quiz button with it', () => {
    const without = fakeApp();
    registerActions(without.app);
    expect(ids(without)).toEqual([`action ${SHARE_ACTION}`]);
    const withQuiz = fakeApp();
    registerActions(withQuiz.app, quiz);
    expect(withQuiz.registered.length).toBeGreaterThan(5);
    expect(withQuiz.registered.every((r) => r.kind === 'action')).toBe(true);
  });

  it('a ticked box of a multiple-response question is only acked', async () => {
    const f = fakeApp();
    registerActions(f.app, quiz);
    const pick = f.registered.find((r) => r.id.includes(DAILY_PICK_ACTION));
    const handler = pick?.handler as ((a: unknown) => Promise<void>) | undefined;
    const acks: unknown[] = [];
    await handler?.({ ack: async () => void acks.push('ack') });
    expect(acks).toEqual(['ack']);
  });

  it('views: the report and 👎 forms only with the quiz', () => {
    const without = fakeApp();
    registerViews(without.app);
    expect(ids(without)).toEqual([]);
    const withQuiz = fakeApp();
    registerViews(withQuiz.app, quiz);
    expect(ids(withQuiz)).toEqual([`view ${REPORT_VIEW}`, `view ${FEEDBACK_VIEW}`]);
  });

  it('events: the Messages tab, DMs and mentions; the App Home with scores', () => {
    const f = fakeApp();
    registerEvents(f.app, { answerer });
    expect(ids(f)).toEqual(['event app_home_opened', 'event message', 'event app_mention']);
  });
});
