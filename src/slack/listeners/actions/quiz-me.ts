/**
 * "Quiz me on this" button under an answer: a practice question (ephemeral, just for the clicker)
 * from the bank, citing the answer's top source file when the bank has one, else on the bank
 * topic nearest to the source's file and headings, else any question.
 */

import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { practiceToShow } from '../../../daily-quiz/practice-quiz.ts';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import type { Question } from '../../../quiz/question.ts';
import { slug } from '../../../quiz/slug.ts';
import { analyzeText, stem } from '../../../retrieval/analyze-text.ts';
import { respondSafely } from '../../respond-safely.ts';
import type { QuizMePayload } from '../../views/answer-blocks.ts';
import { practiceQuestionBlocks } from '../../views/quiz-blocks.ts';
import { clickTeamId, parseButtonValue, quizMeButtonValue } from './button-value.ts';

/** Words every AWS topic shares: they say nothing about which topic is nearest. */
const GENERIC = new Set(['aws', 'amazon', 'service'].map(stem));

const termsOf = (text: string) => new Set(analyzeText(text).terms.filter((t) => !GENERIC.has(t)));

/**
 * The practice hint for a source (pure): its file when some question cites that file, else the
 * bank topic sharing the most words with the file name and headings (ties: the larger share of
 * the topic's words), else undefined (any question).
 */
export function quizMeHint(bank: readonly Question[], source: QuizMePayload): string | undefined {
  if (bank.some((q) => slug(q.source.file) === slug(source.f))) return source.f;
  const words = termsOf(`${source.f.replace(/\.[^./]+$/, '')} ${source.h.replace(/ > /g, ' ')}`);
  let best: { topic: string; shared: number; share: number } | undefined;
  for (const topic of new Set(bank.map((q) => q.topic))) {
    const own = termsOf(topic);
    const shared = [...own].filter((t) => words.has(t)).length;
    const share = own.size ? shared / own.size : 0;
    if (shared > 0 && (!best || shared > best.shared || (shared === best.shared && share > best.share))) {
      best = { topic, shared, share };
    }
  }
  return best?.topic;
}

/** Builds the quiz-me button handler. */
export function quizMe(quiz: () => QuizContext) {
  return async ({
    ack,
    action,
    body,
    respond,
    logger,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const source = parseButtonValue(quizMeButtonValue, action.value);
    let message: { text: string; blocks?: ReturnType<typeof practiceQuestionBlocks> };
    try {
      const ctx = quiz();
      const shown = await practiceToShow(ctx, {
        teamId: clickTeamId(body),
        userId: body.user.id,
        hint: source ? quizMeHint(ctx.bank(), source) : undefined,
      });
      message = shown
        ? {
            text: `Practice question: ${shown.question.question}`,
            blocks: practiceQuestionBlocks(shown.question, shown.cardReps),
          }
        : { text: 'The question bank is empty: add questions to QUESTIONS_DIR.' };
    } catch (err) {
      logger.error('quiz me failed', { user: body.user.id, err });
      message = { text: 'I could not pick a practice question right now; try `/saa quiz` in a minute.' };
    }
    await respondSafely(
      respond,
      { response_type: 'ephemeral', replace_original: false, ...message },
      { logger, what: 'quiz me reply failed', context: { user: body.user.id } },
    );
  };
}
