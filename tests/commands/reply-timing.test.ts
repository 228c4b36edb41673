/** Which `/saa` replies ride in the ack, and which questions first get an "answer coming" note. */

import { describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.ts';
import type { ModelAnswerer } from '../../src/answer/llm-answerer.ts';
import { parseCommand } from '../../src/commands/parse-command.ts';
import { repliesAtOnce, waitsForModel } from '../../src/commands/reply-timing.ts';

// Only `immediate` and `willCallModel` are read: these stand in for the port, no answers are made.
const extractive: Answerer = { immediate: true, answer: () => Promise.reject(new Error('not used')) };
const dense: Answerer = { ...extractive, immediate: false };
const model = (calls: boolean): ModelAnswerer => ({
  ...dense,
  willCallModel: async () => calls,
  answerStream: () => Promise.reject(new Error('not used')),
});

describe('repliesAtOnce', () => {
  it.each([
    ['help', '', extractive, true],
    ['a usage error', 'daily at 25:00', extractive, true],
    ['a question, extractive', 'what is dax', extractive, true],
    ['a question, with dense retrieval', 'what is dax', dense, false],
    ['a question, with a model', 'what is dax', model(true), false],
    ['the quiz (the database)', 'quiz', extractive, false],
    ['the leaderboard (the database)', 'leaderboard', extractive, false],
  ])('%s', (_name, text, answerer, atOnce) => {
    expect(repliesAtOnce(parseCommand(text), answerer)).toBe(atOnce);
  });
});

describe('waitsForModel', () => {
  it.each([
    ['a question the model will answer', 'what is dax', model(true), true],
    ['a question answered from the cache', 'what is dax', model(false), false],
    ['a question, no model', 'what is dax', dense, false],
    ['not a question', 'quiz', model(true), false],
  ])('%s', async (_name, text, answerer, waits) => {
    expect(await waitsForModel(parseCommand(text), answerer)).toBe(waits);
  });
});
