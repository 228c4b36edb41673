/**
 * What a message in the Messages tab (or a mention) asks for (pure): a practice question ("quiz
 * me"), the person's weakest topics ("what is my weakest topic?"), their due reviews ("what's due
 * for review?"), or else a study question. A request whose feature is off here (no quiz, no
 * scores, no study cards) is read as the next one that is on, and in the end as a question, so
 * the person still gets an answer. Checked in that order: "quiz me on my weak spots" is "quiz me".
 */

/** What a message asks for. */
export type MessageIntent = 'quiz-me' | 'weakest-topics' | 'due-reviews' | 'question';

/** Which of the conversation's features are on here. */
export interface ConversationFeatures {
  quiz: boolean;
  scores: boolean;
  cards: boolean;
}

const QUIZ_ME = /^\s*(quiz me|quiz)\b/i;
const WEAKEST = /\bweak(est)? (topics?|spots?|areas?|domains?)\b/i;
const DUE = /^\s*(what'?s|what is|anything)?\s*due\b|^\s*review\s*\??$/i;

/**
 * What `text` asks for, given the features that are on. A feature is read only when the text asks
 * for it, so `on` may compute one lazily (a getter).
 */
export function messageIntent(text: string, on: ConversationFeatures): MessageIntent {
  if (QUIZ_ME.test(text) && on.quiz) return 'quiz-me';
  if (WEAKEST.test(text) && on.scores) return 'weakest-topics';
  if (DUE.test(text) && on.cards) return 'due-reviews';
  return 'question';
}
