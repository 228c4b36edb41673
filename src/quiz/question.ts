/**
 * A question-bank entry, as validated from knowledge/questions/*.yaml (format:
 * knowledge/QUESTIONS-FORMAT.md; rules: validate-question.ts). Option keys are consecutive
 * letters from A.
 */

import type { Domain } from './exam-guide.ts';

/** Option letter. Slack buttons and the bank both use these keys. */
export type OptionKey = 'A' | 'B' | 'C' | 'D' | 'E';

/**
 * One validated question: multiple choice (one right option, `correctKeys` of length 1) or
 * multiple response ("Which TWO…", two right options out of five).
 */
export interface Question {
  /** Stable kebab-case id, unique across the bank; stored with every answer. */
  id: string;
  /** The file's `topic` (e.g. "Amazon DynamoDB"); stats are grouped by it. */
  topic: string;
  difficulty: 'easy' | 'medium' | 'hard';
  question: string;
  /** 3 to 5 options, keys A.. in order. */
  options: Array<{ key: OptionKey; text: string }>;
  /** The right option (multiple choice) or the two right options (multiple response), in key order. */
  correctKeys: OptionKey[];
  explanation: string;
  /** Why each wrong option is wrong, by key. */
  whyWrong: Partial<Record<OptionKey, string>>;
  /** The note section supporting the answer: file relative to the notes folder, heading path joined with " > ". */
  source: { file: string; heading: string };
  /** Bank file the question came from, relative to the questions folder. */
  bankFile: string;
  /** SAA-C03 domain and task statement ("1.3") it tests, when tagged. */
  domain?: Domain;
  task?: string;
  /** AWS services it is about, as AWS writes them. */
  services: string[];
  /** Short phrases of the cited section that make the right option right (checked by a test). */
  keyFacts: string[];
  /**
   * Whose notes `source` is in, when the bot reads a team's own notes (NOTES_DIR): `team` when the
   * team's notes hold the key facts (question-review/notes-coverage.ts), `bundled` when only our
   * notes do. Absent when the bot reads the bundled notes.
   */
  citedIn?: 'team' | 'bundled';
}
