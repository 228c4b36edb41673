/**
 * A question-bank entry, as validated from knowledge/questions/*.yaml (format:
 * knowledge/QUESTIONS-FORMAT.md; rules: validate-question.ts). Option keys are consecutive
 * letters from A.
 */

/** Option letter. Slack buttons and the bank both use these keys. */
export type OptionKey = 'A' | 'B' | 'C' | 'D' | 'E';

/** One validated multiple-choice question. */
export interface Question {
  /** Stable kebab-case id, unique across the bank; stored with every answer. */
  id: string;
  /** The file's `topic` (e.g. "Amazon DynamoDB"); stats are grouped by it. */
  topic: string;
  difficulty: 'easy' | 'medium' | 'hard';
  question: string;
  /** 3 to 5 options, keys A.. in order. */
  options: Array<{ key: OptionKey; text: string }>;
  answer: OptionKey;
  explanation: string;
  /** Why each wrong option is wrong, by key. */
  whyWrong: Partial<Record<OptionKey, string>>;
  /** The note section supporting the answer: file relative to the notes folder, heading path joined with " > ". */
  source: { file: string; heading: string };
  /** Bank file the question came from, relative to the questions folder. */
  bankFile: string;
}
