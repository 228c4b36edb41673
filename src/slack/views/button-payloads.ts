/**
 * What our quiz, review, report, "quiz me" and "delete my data" buttons carry in `value` (pure):
 * one encode/decode pair per payload, with named fields (`{"quizId":7,"choice":"B"}`). The
 * answer-carrying buttons (share, 👍/👎) have theirs in `answer-value.ts`.
 *
 * Messages stay in channels for ever, so every decoder also reads what the buttons carried
 * before the fields were named: one-letter JSON keys (`{"q":7,"c":"B"}`, `{"id":"x","r":3}`,
 * `{"f":…,"h":…}`) and, for "Delete my data", the bare user id. Both forms are parsed with a
 * schema and nothing is coerced: anyone holding the signing secret can forge a payload (issue 9,
 * item 10), so `{"q":true}` is not quiz 1 and `{"quizId":"7"}` is not quiz 7.
 * Limits: Slack's button value is at most 2,000 characters
 * (https://api.slack.com/reference/block-kit/block-elements#button); option keys are A–E
 * (knowledge/QUESTIONS-FORMAT.md).
 */

import { z } from 'zod';

/** Longest button value Slack sends (chars); a longer one is not ours. */
export const MAX_BUTTON_VALUE_CHARS = 2000;

/**
 * Parses `value` as JSON and checks it against `schema`.
 * @returns the typed value, or null when it is missing, too long, not JSON or not of that shape.
 */
export function parseButtonValue<T>(schema: z.ZodType<T>, value: string | undefined): T | null {
  if (value === undefined || value.length > MAX_BUTTON_VALUE_CHARS) return null;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** A decoder reading the named form first, then the one-letter form of older messages. */
function decoder<N, L>(named: z.ZodType<N>, legacy: z.ZodType<L>, fromLegacy: (l: L) => N) {
  return (value: string | undefined): N | null => {
    const parsed = parseButtonValue(named, value);
    if (parsed) return parsed;
    const old = parseButtonValue(legacy, value);
    return old ? fromLegacy(old) : null;
  };
}

const optionKey = z.string().regex(/^[A-E]$/);
const quizId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** The bank's ids are short slugs. */
const questionId = z.string().min(1).max(200);
const cardReps = z.number().int().min(0).max(1_000_000);

// ── Daily quiz (quiz-blocks.ts) ─────────────────────────────────────────────────────────────

/** A daily-quiz option button: the quiz (a `quiz_posts.id`) and the option clicked. */
export interface DailyOptionPayload {
  quizId: number;
  choice: string;
}
/** Submit of a daily multiple-response question: the quiz; the options come from the ticked boxes. */
export interface DailySubmitPayload {
  quizId: number;
}

/** The value of a daily-quiz option button. */
export function encodeDailyOption(p: DailyOptionPayload): string {
  return JSON.stringify({ quizId: p.quizId, choice: p.choice });
}
/** The daily option clicked, or null when the value is not one of ours. */
export const decodeDailyOption = decoder(
  z.object({ quizId, choice: optionKey }),
  z.object({ q: quizId, c: optionKey }),
  (l): DailyOptionPayload => ({ quizId: l.q, choice: l.c }),
);

/** The value of a daily-quiz Submit button. */
export function encodeDailySubmit(p: DailySubmitPayload): string {
  return JSON.stringify({ quizId: p.quizId });
}
/** The daily quiz submitted, or null when the value is not one of ours. */
export const decodeDailySubmit = decoder(
  z.object({ quizId }),
  z.object({ q: quizId }),
  (l): DailySubmitPayload => ({ quizId: l.q }),
);

// ── Practice questions (quiz-blocks.ts) ─────────────────────────────────────────────────────

/**
 * Submit of a practice multiple-response question: the question and, when known, the person's
 * card's answer count when it was shown (`cardReps`, practice-quiz.ts).
 */
export interface PracticeSubmitPayload {
  questionId: string;
  cardReps?: number;
}
/** A practice option button: what its submit carries, and the option clicked. */
export interface PracticeOptionPayload extends PracticeSubmitPayload {
  choice: string;
}

const withReps = <T extends object>(p: T, reps: number | undefined): T & { cardReps?: number } =>
  reps === undefined ? p : { ...p, cardReps: reps };

/** The value of a practice option button. */
export function encodePracticeOption(p: PracticeOptionPayload): string {
  return JSON.stringify(withReps({ questionId: p.questionId, choice: p.choice }, p.cardReps));
}
/** The practice option clicked, or null when the value is not one of ours. */
export const decodePracticeOption = decoder(
  z.object({ questionId, choice: optionKey, cardReps: cardReps.optional() }),
  z.object({ id: questionId, c: optionKey, r: cardReps.optional() }),
  (l): PracticeOptionPayload => withReps({ questionId: l.id, choice: l.c }, l.r),
);

/** The value of a practice Submit button. */
export function encodePracticeSubmit(p: PracticeSubmitPayload): string {
  return JSON.stringify(withReps({ questionId: p.questionId }, p.cardReps));
}
/** The practice question submitted, or null when the value is not one of ours. */
export const decodePracticeSubmit = decoder(
  z.object({ questionId, cardReps: cardReps.optional() }),
  z.object({ id: questionId, r: cardReps.optional() }),
  (l): PracticeSubmitPayload => withReps({ questionId: l.id }, l.r),
);

// ── `/saa review` (review-blocks.ts) ────────────────────────────────────────────────────────

/**
 * Submit of a multiple-response review question, and the Easy button under a right review
 * answer: the question and the card's answer count (when shown, 0 for a new card; for Easy,
 * after that answer).
 */
export interface ReviewSubmitPayload {
  questionId: string;
  cardReps: number;
}
/** A review option button: what its submit carries, and the option clicked. */
export interface ReviewOptionPayload extends ReviewSubmitPayload {
  choice: string;
}

/** The value of a review option button. */
export function encodeReviewOption(p: ReviewOptionPayload): string {
  return JSON.stringify({ questionId: p.questionId, choice: p.choice, cardReps: p.cardReps });
}
/** The review option clicked, or null when the value is not one of ours. */
export const decodeReviewOption = decoder(
  z.object({ questionId, choice: optionKey, cardReps }),
  z.object({ id: questionId, c: optionKey, r: cardReps }),
  (l): ReviewOptionPayload => ({ questionId: l.id, choice: l.c, cardReps: l.r }),
);

/** The value of a review Submit button. */
export function encodeReviewSubmit(p: ReviewSubmitPayload): string {
  return JSON.stringify({ questionId: p.questionId, cardReps: p.cardReps });
}
/** The review question submitted (or rated Easy), or null when the value is not one of ours. */
export const decodeReviewSubmit = decoder(
  z.object({ questionId, cardReps }),
  z.object({ id: questionId, r: cardReps }),
  (l): ReviewSubmitPayload => ({ questionId: l.id, cardReps: l.r }),
);

/** The value of the Easy button: what a review submit carries, with the count after the answer. */
export const encodeReviewEasy = encodeReviewSubmit;
/** The question rated Easy, or null when the value is not one of ours. */
export const decodeReviewEasy = decodeReviewSubmit;

// ── Report a problem (report-blocks.ts) ─────────────────────────────────────────────────────

/** "Report a problem" under a quiz reply: the question reported. */
export interface ReportPayload {
  questionId: string;
}

/** The value of a "Report a problem" button. */
export function encodeReport(p: ReportPayload): string {
  return JSON.stringify({ questionId: p.questionId });
}
/** The question reported, or null when the value is not one of ours. */
export const decodeReport = decoder(
  z.object({ questionId }),
  z.object({ id: questionId }),
  (l): ReportPayload => ({ questionId: l.id }),
);

// ── Quiz me on this (answer-blocks.ts) ──────────────────────────────────────────────────────

/** "Quiz me on this" under an answer: its top source's file and heading, each ≤ 500 chars. */
export interface QuizMePayload {
  file: string;
  heading: string;
}

/** The quiz-me value for an answer's top source (file and heading clipped to fit). */
export function encodeQuizMe(source: QuizMePayload): string {
  return JSON.stringify({ file: source.file.slice(0, 500), heading: source.heading.slice(0, 500) });
}
/** The source to practise on, or null when the value is not one of ours. */
export const decodeQuizMe = decoder(
  z.object({ file: z.string().max(500), heading: z.string().max(500) }),
  z.object({ f: z.string().max(500), h: z.string().max(500) }),
  (l): QuizMePayload => ({ file: l.f, heading: l.h }),
);

// ── Delete my data (forget-blocks.ts) ───────────────────────────────────────────────────────

/** "Delete my data": the person who asked (only they may confirm). */
export interface ForgetPayload {
  userId: string;
}

/** The value of a "Delete my data" button. */
export function encodeForget(p: ForgetPayload): string {
  return JSON.stringify({ userId: p.userId });
}
/** Who asked, from `{"userId":…}` or, in older messages, the bare user id; null when neither. */
export function decodeForget(value: string | undefined): ForgetPayload | null {
  const parsed = parseButtonValue(z.object({ userId: z.string().min(1) }), value);
  if (parsed) return parsed;
  if (!value || value.length > MAX_BUTTON_VALUE_CHARS || value.startsWith('{')) return null;
  return { userId: value };
}
