/** What a Messages-tab message asks for, with every feature on and with some off. */

import { describe, expect, it } from 'vitest';
import { type ConversationFeatures, messageIntent } from '../../src/conversation/message-intent.ts';

const ALL: ConversationFeatures = { quiz: true, scores: true, cards: true };

describe('messageIntent', () => {
  it.each([
    ['quiz me', 'quiz-me'],
    ['Quiz me on DynamoDB', 'quiz-me'],
    ['quiz', 'quiz-me'],
    ['quizzes about s3', 'question'],
    ['what is my weakest topic?', 'weakest-topics'],
    ['my weak spots', 'weakest-topics'],
    ['weakest domains please', 'weakest-topics'],
    ["what's due for review?", 'due-reviews'],
    ['anything due', 'due-reviews'],
    ['review?', 'due-reviews'],
    ['review the s3 storage classes', 'question'],
    ['dax vs elasticache', 'question'],
    ['quiz me on my weak spots', 'quiz-me'],
  ])('%j → %s', (text, intent) => {
    expect(messageIntent(text, ALL)).toBe(intent);
  });

  it.each([
    ['quiz me on my weak spots', { ...ALL, quiz: false }, 'weakest-topics'],
    ['quiz me', { ...ALL, quiz: false }, 'question'],
    ['what is my weakest topic?', { ...ALL, scores: false }, 'question'],
    ["what's due?", { ...ALL, cards: false }, 'question'],
  ])('%j with a feature off → %s', (text, on, intent) => {
    expect(messageIntent(text, on)).toBe(intent);
  });

  it('reads whether cards are on only for a message about reviews', () => {
    let read = 0;
    const on = {
      quiz: true,
      scores: true,
      get cards() {
        read += 1;
        return true;
      },
    };
    messageIntent('dax vs elasticache', on);
    expect(read).toBe(0);
    messageIntent("what's due?", on);
    expect(read).toBe(1);
  });
});
