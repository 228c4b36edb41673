/**
 * An answer moves the person's card for that question (issue 12, item 1): every daily-quiz
 * click, practice answer and review answer goes through here. The card is read, rated
 * (answer-rating.ts), scheduled by FSRS (fsrs-scheduler.ts) and saved only if nobody moved it
 * meanwhile, so one answer moves a card once.
 */

import { answerRating } from './answer-rating.ts';
import { scheduleAnswer } from './fsrs-scheduler.ts';
import type { ReviewSource, StudyCard, StudyCardRepository } from './ports.ts';

/** One graded answer. `at` from the caller's clock. */
export interface CardAnswer {
  teamId: string;
  userId: string;
  questionId: string;
  correct: boolean;
  source: ReviewSource;
  at: Date;
  /**
   * Answers the card had when the question was shown (review buttons carry it). Absent: the
   * card as read now. A different stored count means the card moved since: nothing is saved.
   */
  expectedReps?: number;
}

/** `saved` with the card after the answer; `stale` when another answer moved the card first. */
export type CardAnswerResult = { status: 'saved'; card: StudyCard } | { status: 'stale' };

/**
 * Rates and schedules `answer` on the person's card and stores it with a log row.
 * @throws DatabaseUnavailableError when the database is down (nothing stored).
 */
export async function recordCardAnswer(
  cards: StudyCardRepository,
  answer: CardAnswer,
): Promise<CardAnswerResult> {
  const previous = await cards.card(answer.teamId, answer.userId, answer.questionId);
  const reps = previous?.fsrs.reps ?? 0;
  if (answer.expectedReps !== undefined && answer.expectedReps !== reps) return { status: 'stale' };
  const rating = answerRating(answer.correct, previous);
  const { card, log } = scheduleAnswer(previous?.fsrs, rating, answer.at);
  const next: StudyCard = {
    teamId: answer.teamId,
    userId: answer.userId,
    questionId: answer.questionId,
    fsrs: card,
    lastRating: rating,
  };
  const saved = await cards.save(next, { source: answer.source, log }, reps);
  return saved ? { status: 'saved', card: next } : { status: 'stale' };
}

/**
 * {@link recordCardAnswer} for the quiz's clicks, where the score is what matters: a failure is
 * logged with its context and never thrown, and a click never fails because of its card.
 * Resolves with the saved card, or null. No repository: nothing to do.
 */
export async function recordCardAnswerQuietly(
  cards: StudyCardRepository | undefined,
  answer: CardAnswer,
  log: Pick<Console, 'warn' | 'error'>,
): Promise<StudyCard | null> {
  if (!cards) return null;
  try {
    const result = await recordCardAnswer(cards, answer);
    if (result.status === 'saved') return result.card;
    log.warn('study card moved by another answer meanwhile; this answer left it as it was', {
      team: answer.teamId,
      user: answer.userId,
      question: answer.questionId,
      source: answer.source,
    });
  } catch (err) {
    log.error('study card update failed; the answer itself was recorded', {
      team: answer.teamId,
      user: answer.userId,
      question: answer.questionId,
      source: answer.source,
      err,
    });
  }
  return null;
}
