/**
 * The optional "Easy" button after a right answer in `/saa review` (issue 12, item 1): the person
 * says the answer was easy, and the card is scheduled as ts-fsrs would have scheduled that answer
 * rated Easy (the card as it was before it, rated Rating.Easy at the answer's time;
 * fsrs-scheduler.ts rescheduleAsEasy). Once per answer: the button carries the card's answer count
 * after the answer, and the card is saved only while it still has that count and its last rating
 * is the right answer's (Good or Hard); a second click, or a click after a later answer, changes
 * nothing. The log stays append-only: the correction is a new row of kind `easy`
 * (migrations/1764475200000_easy-corrections.sql), the answer's own row is kept.
 */

import { Rating } from 'ts-fsrs';
import { rescheduleAsEasy } from './fsrs-scheduler.ts';
import type { StudyCard, StudyCardRepository } from './ports.ts';

/** What an Easy click came to: `rated` with the card after it; `unchanged` when it changed nothing. */
export type EasyOutcome = { status: 'rated'; card: StudyCard } | { status: 'unchanged' };

/**
 * Re-rates the person's last answer to `questionId` as Easy, if the card still has `reps`
 * answers and that answer was right.
 * @throws DatabaseUnavailableError when the database is down (nothing stored).
 */
export async function rateEasy(
  cards: StudyCardRepository,
  args: { teamId: string; userId: string; questionId: string; reps: number },
): Promise<EasyOutcome> {
  const current = await cards.card(args.teamId, args.userId, args.questionId);
  if (!current || current.fsrs.reps !== args.reps) return { status: 'unchanged' };
  if (current.lastRating !== Rating.Good && current.lastRating !== Rating.Hard)
    return { status: 'unchanged' };
  const log = await cards.lastAnswer(args.teamId, args.userId, args.questionId);
  if (!log) return { status: 'unchanged' };
  const easy = rescheduleAsEasy(current.fsrs, log);
  const next: StudyCard = { ...current, fsrs: easy.card, lastRating: Rating.Easy };
  const saved = await cards.saveEasy(
    next,
    { source: 'review', log: easy.log },
    args.reps,
    current.lastRating,
  );
  return saved ? { status: 'rated', card: next } : { status: 'unchanged' };
}
