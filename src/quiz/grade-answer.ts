/**
 * A learner's choice → right or wrong, points and the feedback to show. Pure; never throws: an
 * unknown choice is an error result the caller turns into a message.
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
      /** The choice as graded (trimmed, upper case). */
      choice: OptionKey;
      answer: OptionKey;
      correct: boolean;
      /** {@link DAILY_CORRECT_POINTS} for a correct daily answer; 0 otherwise and always 0 in practice. */
      points: number;
      feedback: AnswerFeedback;
    }
  | { ok: false; error: string };

/**
 * Grades `choice` (an option letter, any case, surrounding spaces ignored) against `question`.
 * @returns `{ ok: false, error }` when `choice` is not one of the question's option keys.
 */
export function gradeAnswer(question: Question, choice: string, mode: QuizMode = 'daily'): GradeResult {
  const key = choice.trim().toUpperCase();
  const chosen = question.options.find((o) => o.key === key);
  const keys = question.options.map((o) => o.key);
  if (!chosen) {
    return {
      ok: false,
      error: `"${choice}" is not one of the options of ${question.id} (choose ${keys.join(', ')})`,
    };
  }
  const right = question.options.find((o) => o.key === question.answer);
  const answerText = `${question.answer}. ${right?.text ?? ''}`.trim();
  const correct = chosen.key === question.answer;
  const feedback: AnswerFeedback = correct
    ? { verdict: `Correct: ${answerText}`, explanation: question.explanation, source: question.source }
    : {
        verdict: `Not quite: you chose ${chosen.key}; the answer is ${answerText}`,
        explanation: question.explanation,
        source: question.source,
      };
  const why = correct ? undefined : question.whyWrong[chosen.key];
  if (why) feedback.whyYourChoiceIsWrong = why;
  return {
    ok: true,
    choice: chosen.key,
    answer: question.answer,
    correct,
    points: correct && mode === 'daily' ? DAILY_CORRECT_POINTS : 0,
    feedback,
  };
}
