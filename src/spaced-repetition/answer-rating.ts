/**
 * How a quiz answer rates a card (pure). Rule from issue 12, item 1: wrong → Again; right →
 * Good; right on a question the person had wrong before → Hard. "Had wrong before" is read as
 * "their previous answer to it was wrong" (the card's last rating was Again): recovering from a
 * miss is rated Hard once, then Good again, so one early miss does not slow a card for ever.
 */

import { type Grade, Rating } from 'ts-fsrs';
import type { StudyCard } from './ports.ts';

/** The FSRS rating for an answer; `previous` is the person's card before it (undefined: first answer). */
export function answerRating(correct: boolean, previous: Pick<StudyCard, 'lastRating'> | undefined): Grade {
  if (!correct) return Rating.Again;
  return previous?.lastRating === Rating.Again ? Rating.Hard : Rating.Good;
}
