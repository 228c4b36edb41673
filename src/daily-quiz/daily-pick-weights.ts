/**
 * The team's domain and topic weights for today's daily pick (issue 12, item 5): the team's daily and
 * practice answers of the {@link ADAPTIVE_WINDOW_DAYS} days before the channel's local day, in
 * every channel of the workspace, weighed by quiz/team-domain-weights.ts. Answers of the day
 * itself are left out, so every process (and a retry later that day) computes the same pick.
 * Never throws: when the answers cannot be read (database down), the pick falls back to the plain
 * rule, and the reason is logged.
 */

import type { Question } from '../quiz/question.ts';
import { type DomainWeights, teamDomainWeights } from '../quiz/team-domain-weights.ts';
import { type TopicWeights, teamTopicWeights } from '../quiz/team-topic-weights.ts';
import { startOfLocalDay } from '../spaced-repetition/review-limits.ts';
import type { QuizContext } from './quiz-context.ts';

/** Answers older than this many days no longer steer the pick: what the team keeps missing now. */
export const ADAPTIVE_WINDOW_DAYS = 90;

const DAY_MS = 86_400_000;

/**
 * Weights for the pick on `now`'s local day in `timeZone`, or null (plain pick) when the team has
 * too few answers or they could not be read.
 */
export async function dailyPickWeights(
  ctx: Pick<QuizContext, 'responses' | 'log'>,
  args: { teamId: string; bank: readonly Question[]; now: Date; timeZone: string },
): Promise<{ domains: DomainWeights; topics: TopicWeights } | null> {
  const until = startOfLocalDay(args.now, args.timeZone);
  const since = new Date(until.getTime() - ADAPTIVE_WINDOW_DAYS * DAY_MS);
  try {
    const results = await ctx.responses.questionResults(args.teamId, since, until);
    const domains = teamDomainWeights(args.bank, results);
    // Too few answers for the domains says too little about topics as well: the plain pick.
    return domains ? { domains, topics: teamTopicWeights(args.bank, results) } : null;
  } catch (err) {
    ctx.log.warn('team accuracy unavailable; daily pick without domain weights', {
      team: args.teamId,
      err: (err as Error).message,
    });
    return null;
  }
}
