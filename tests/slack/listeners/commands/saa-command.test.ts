/**
 * The `/saa` listener alone, with Bolt's `ack`, `respond` and `logger` faked: which replies ride
 * in the ack, which are acked empty and posted to response_url, and what a failure gives. The
 * answerer is the real extractive one over the repository's notes; the quiz context runs on the
 * in-memory repositories. The signed-HTTP path is tests/slack/slash-command.test.ts.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../../../src/answer/answerer.ts';
import type { CommandServices } from '../../../../src/commands/handle-command.ts';
import { HELP_TEXT } from '../../../../src/commands/parse-command.ts';
import type { Question } from '../../../../src/quiz/question.ts';
import type { SearchIndex } from '../../../../src/retrieval/search-index.ts';
import { saaCommand } from '../../../../src/slack/listeners/commands/saa-command.ts';
import { COMMAND_FAILED_TEXT } from '../../../../src/user-messages.ts';
import { boltFakes, listenerArgs } from '../../../helpers/bolt-fakes.ts';
import { loadRealBank, memoryQuizContext } from '../../../helpers/quiz-harness.ts';
import { loadIndexed, OWN_NOTES } from '../../../retrieval/notes-corpora.ts';

let index: SearchIndex;
let bank: Question[];

beforeAll(async () => {
  index = (await loadIndexed(OWN_NOTES)).index;
  bank = await loadRealBank();
});

const command = (text: string) => ({ text, team_id: 'T1', channel_id: 'C1', user_id: 'U1' });

/** Runs `/saa text` through the listener; resolves with the fakes. */
async function run(text: string, services: CommandServices, fail: string[] = []) {
  const fakes = boltFakes({ fail });
  const handler = saaCommand(services);
  await handler(listenerArgs(handler, { ...fakes.args, command: command(text) }));
  return fakes;
}

const withQuiz = (): CommandServices => ({
  answerer: new ExtractiveAnswerer(() => index),
  quiz: () => memoryQuizContext(bank),
});

describe('saaCommand, in the ack', () => {
  it('help is the ack itself, only for the asker', async () => {
    const fakes = await run('', { answerer: new ExtractiveAnswerer(() => index) });
    expect(fakes.acks).toEqual([expect.objectContaining({ text: HELP_TEXT, response_type: 'ephemeral' })]);
    expect(fakes.responses).toEqual([]);
  });

  it('an extractive answer is the ack, with Quiz me and 👍/👎 when the quiz runs', async () => {
    const fakes = await run('dax vs elasticache', withQuiz());
    expect(fakes.acks).toHaveLength(1);
    const body = JSON.stringify(fakes.acks[0]);
    expect(body).toContain('DAX');
    expect(body).toContain('quiz_me');
    expect(body).toContain('feedback_buttons');
    expect(fakes.responses).toEqual([]);
    expect(fakes.logged('error')).toEqual([]);
  });

  it('a usage error is the ack', async () => {
    const fakes = await run('daily at 25:00', { answerer: new ExtractiveAnswerer(() => index) });
    expect(fakes.acks).toEqual([expect.objectContaining({ response_type: 'ephemeral' })]);
    expect(JSON.stringify(fakes.acks[0])).toMatch(/25:00|HH:MM|time/i);
  });

  it('a failure is logged and the ack apologises', async () => {
    const broken = new ExtractiveAnswerer(() => {
      throw new Error('index not loaded');
    });
    const fakes = await run('what is dax', { answerer: broken });
    expect(fakes.acks).toEqual([{ response_type: 'ephemeral', text: COMMAND_FAILED_TEXT }]);
    expect(fakes.logged('error')).toEqual(['saa command failed']);
  });
});

describe('saaCommand, through response_url', () => {
  it('acks empty, then posts a practice question', async () => {
    const fakes = await run('quiz', withQuiz());
    expect(fakes.acks).toEqual([undefined]);
    expect(fakes.responses).toHaveLength(1);
    expect(fakes.responses[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(String(fakes.responses[0]?.text)).toMatch(/^Practice question: /);
  });

  it('a failure is logged and the person gets an apology', async () => {
    const fakes = await run('quiz', {
      answerer: new ExtractiveAnswerer(() => index),
      quiz: () => {
        throw new Error('quiz context not built');
      },
    });
    expect(fakes.acks).toEqual([undefined]);
    expect(fakes.responses).toEqual([{ response_type: 'ephemeral', text: COMMAND_FAILED_TEXT }]);
    expect(fakes.logged('error')).toEqual(['saa command failed']);
  });

  it('a response_url that fails is logged, never thrown', async () => {
    const fakes = await run('quiz', withQuiz(), ['respond']);
    expect(fakes.acks).toEqual([undefined]);
    expect(fakes.logged('error')).toEqual(['saa command failed']);
    expect(fakes.logged('warn')).toEqual(['saa apology failed']);
  });
});
