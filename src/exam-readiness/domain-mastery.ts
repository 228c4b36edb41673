/**
 * Mastery per exam domain (pure), from a person's FSRS cards on that domain's bank questions.
 *
 * For a card: knowledge `k = R × a`, where `R` is the FSRS retrievability now (ts-fsrs
 * `forgetting_curve`: the chance the person recalls the answer today, from the card's stability
 * and the days since its last answer) and `a = (right + 0.5) / (answers + 1)` the share of the
 * card's answers that were right, pulled toward one half while there are few (one right answer:
 * 0.75, one wrong: 0.25). A domain's mastery is the mean `k` over all of the domain's questions in
 * the bank, a question never answered counting 0: it rises with coverage, right answers and
 * fresh memory, and falls as cards go stale. Accuracy is plain right / answers over the domain's
 * cards (every answer: daily, practice, review). Questions without a domain tag, and cards on
 * questions no longer in the bank, are left out.
 */

import { type Card, default_w, forgetting_curve, State } from 'ts-fsrs';
import { type Domain, EXAM_DOMAINS } from '../quiz/exam-guide.ts';
import type { Question } from '../quiz/question.ts';
import type { CardRecord } from '../spaced-repetition/ports.ts';

const DAY_MS = 86_400_000;

/** One domain's record for a person. Shares are 0..1. */
export interface DomainMastery {
  domain: Domain;
  /** The exam guide's name, e.g. "Design Secure Architectures". */
  name: string;
  /** Share of the scored exam (0.30, 0.26, 0.24, 0.20). */
  weight: number;
  /** Bank questions in the domain. */
  questions: number;
  /** Of those, how many the person has a card for. */
  seen: number;
  /** Answers to the domain's questions, and how many were right. */
  answers: number;
  correct: number;
  /** `correct / answers`; null with no answers. */
  accuracy: number | null;
  /** Mean retrievability of the person's cards in the domain; null with none. */
  recall: number | null;
  /** Mean card knowledge over the domain's questions (see the file comment). */
  mastery: number;
  /** Sum of card knowledge over the cards seen (the score estimate builds on it). */
  knowledgeSum: number;
}

/**
 * Retrievability (0..1) of `card` at `now`: 0 for a card never answered, else FSRS's forgetting
 * curve with the scheduler's default weights (fsrs-scheduler.ts uses them too; `w[20]` is the
 * decay) at the days elapsed since its last answer, fractions of a day included (1 just after).
 */
export function retrievability(card: Card, now: Date): number {
  if (card.state === State.New || !card.last_review) return 0;
  const days = Math.max(0, (now.getTime() - card.last_review.getTime()) / DAY_MS);
  return forgetting_curve(default_w, days, card.stability);
}

/** Knowledge (0..1) of one card: retrievability × smoothed share right. */
export function cardKnowledge(card: CardRecord, now: Date): number {
  return retrievability(card.fsrs, now) * ((card.correctAnswers + 0.5) / (card.fsrs.reps + 1));
}

/** Mastery of each of the four domains, in the exam guide's order. */
export function domainMastery(
  cards: readonly CardRecord[],
  bank: readonly Question[],
  now: Date,
): DomainMastery[] {
  const byId = new Map(cards.map((c) => [c.questionId, c]));
  return EXAM_DOMAINS.map((d) => {
    const questions = bank.filter((q) => q.domain === d.domain);
    let seen = 0;
    let answers = 0;
    let correct = 0;
    let recallSum = 0;
    let knowledgeSum = 0;
    for (const q of questions) {
      const card = byId.get(q.id);
      if (!card) continue;
      seen += 1;
      answers += card.fsrs.reps;
      correct += card.correctAnswers;
      recallSum += retrievability(card.fsrs, now);
      knowledgeSum += cardKnowledge(card, now);
    }
    return {
      domain: d.domain,
      name: d.name,
      weight: d.weight,
      questions: questions.length,
      seen,
      answers,
      correct,
      accuracy: answers ? correct / answers : null,
      recall: seen ? recallSum / seen : null,
      mastery: questions.length ? knowledgeSum / questions.length : 0,
      knowledgeSum,
    };
  });
}
