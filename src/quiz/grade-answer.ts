/**
 * A learner's choice → right or wrong, points and the feedback to show. Pure; never throws: an
 * unknown choice is an error result the caller turns into a message. A multiple-response
 * question ("Which TWO…") is right only when exactly its right options are chosen, as on the
 * exam (no partial credit).
 */

import type { OptionKey, Question } from './question.ts';

/** Points for a correct answer to the channel's daily question. Practice questions score nothing. */
export const DAILY_CORRECT_POINTS = 10;

/** `daily`: the channel question, which scores; `practice`: a personal question, which never does. */
export type QuizMode = 'daily' | 'practice';

/** What to tell the learner. */
export interface AnswerFeedback {
  /** One line, e.g. `Correct: B. One invocation…` or `Not quite: you chose C; the answer is B. …`. */
  verdict: string;
  /** Why the answer is right (the question's `explanation`). */
  explanation: string;
  /** Why the chosen option is wrong (from `why_wrong`); only on a wrong answer. */
  whyYourChoiceIsWrong?: string;
  /** The note section to read next. */
  source: Question['source'];
}

/** A graded answer, or why the choice could not be graded. */
export type GradeResult =
  | {
      ok: true;
      /** The choice as graded and stored: letters in key order, comma-separated ("B", "A,D"). */
      choice: string;
      correctKeys: OptionKey[];
      correct: boolean;
      /** {@link DAILY_CORRECT_POINTS} for a correct daily answer; 0 otherwise and always 0 in practice. */
      points: number;
      feedback: AnswerFeedback;
    }
  | { ok: false; error: string };

/** The correct option(s) as shown, key and text: "B. text" or, for two correct keys, "A. text; D. text". */
export function correctOptionsText(question: Question): string {
  return question.correctKeys
    .map((k) => `${k}. ${question.options.find((o) => o.key === k)?.text ?? ''}`.trim())
    .join('; ');
}

/**
 * Grades `choice` against `question`: an option letter, or for a multiple-response question the
 * letters chosen ("A,D", "a d"; any case, order and separators).
 * @returns `{ ok: false, error }` when a letter is not one of the options, or the number of
 * letters is not the number of right options.
 */
export function gradeAnswer(question: Question, choice: string, mode: QuizMode = 'daily'): GradeResult {
  const keys = question.options.map((o) => o.key);
  const letters = choice
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  const chosen = keys.filter((k) => letters.includes(k));
  const need = question.correctKeys.length;
  if (letters.length === 0 || letters.some((l) => !keys.includes(l as OptionKey)) || chosen.length !== need) {
    return {
      ok: false,
      error:
        need === 1
          ? `"${choice}" is not one of the options of ${question.id} (choose ${keys.join(', ')})`
          : `"${choice}" is not ${need} of the options of ${question.id} (choose ${need} of ${keys.join(', ')})`,
    };
  }
  const answerText = correctOptionsText(question);
  const correct = chosen.every((k) => question.correctKeys.includes(k));
  const picked = chosen.join(', ');
  const feedback: AnswerFeedback = correct
    ? { verdict: `Correct: ${answerText}`, explanation: question.explanation, source: question.source }
    : {
        verdict: `Not quite: you chose ${picked}; the answer is ${answerText}`,
        explanation: question.explanation,
        source: question.source,
      };
  const why = chosen
    .filter((k) => !question.correctKeys.includes(k))
    .map((k) => question.whyWrong[k])
    .filter(Boolean)
    .join(' ');
  if (!correct && why) feedback.whyYourChoiceIsWrong = why;
  return {
    ok: true,
    choice: chosen.join(','),
    correctKeys: question.correctKeys,
    correct,
    points: correct && mode === 'daily' ? DAILY_CORRECT_POINTS : 0,
    feedback,
  };
}
