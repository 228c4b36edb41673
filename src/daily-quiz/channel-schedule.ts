/**
 * `/saa daily`, `/saa daily on [HH:MM] [Area/City]`, `/saa daily off`: read and change a
 * channel's schedule. "on" without a time keeps the channel's (or the default) days and time.
 */

import { cronAt, describeSchedule, isTimeZone } from '../quiz/daily-schedule.ts';
import { escapeMrkdwn } from '../slack/mrkdwn.ts';
import type { ChannelSchedule } from './ports.ts';
import type { QuizContext } from './quiz-context.ts';
import { quizDefaults } from './workspace-defaults.ts';

/** Result text for the person (Slack mrkdwn) plus the schedule as stored. */
export interface ScheduleReply {
  text: string;
  schedule: ChannelSchedule | null;
}

/** Shows the channel's schedule. @throws DatabaseUnavailableError */
export async function showSchedule(
  ctx: QuizContext,
  teamId: string,
  channelId: string,
): Promise<ScheduleReply> {
  await ctx.ready();
  const s = await ctx.schedules.get(teamId, channelId);
  if (!s?.enabled) {
    const defaults = await quizDefaults(ctx, teamId);
    return {
      text: `The daily quiz is off in this channel. Turn it on with \`/saa daily on\` (default ${describeSchedule(defaults.cron, defaults.timeZone)}) or \`/saa daily on 09:30 Europe/Paris\`.`,
      schedule: s,
    };
  }
  return { text: `The daily quiz runs here at ${describeSchedule(s.cron, s.timeZone)}.`, schedule: s };
}

/** Turns the quiz on, optionally at `time` ("HH:MM") in `timeZone`. @throws DatabaseUnavailableError */
export async function enableSchedule(
  ctx: QuizContext,
  args: { teamId: string; channelId: string; time?: string; timeZone?: string },
): Promise<ScheduleReply> {
  if (args.timeZone && !isTimeZone(args.timeZone)) {
    return {
      text: `"${escapeMrkdwn(args.timeZone)}" is not a time zone I know. Use an IANA name such as Europe/Paris or America/New_York.`,
      schedule: null,
    };
  }
  await ctx.ready();
  const current = await ctx.schedules.get(args.teamId, args.channelId);
  // A channel keeps its own days and zone; a new one starts from its workspace's defaults.
  const defaults = current ? null : await quizDefaults(ctx, args.teamId);
  const base = current?.cron ?? defaults?.cron ?? ctx.defaults.cron;
  const schedule: ChannelSchedule = {
    teamId: args.teamId,
    channelId: args.channelId,
    cron: args.time ? cronAt(args.time, base) : base,
    timeZone: args.timeZone ?? current?.timeZone ?? defaults?.timeZone ?? ctx.defaults.timeZone,
    enabled: true,
    updatedAt: ctx.clock(),
  };
  await ctx.schedules.upsert(schedule);
  return { text: `Daily quiz on: ${describeSchedule(schedule.cron, schedule.timeZone)}.`, schedule };
}

/** Turns the quiz off (the schedule is kept for the next "on"). @throws DatabaseUnavailableError */
export async function disableSchedule(
  ctx: QuizContext,
  teamId: string,
  channelId: string,
): Promise<ScheduleReply> {
  await ctx.ready();
  const current = await ctx.schedules.get(teamId, channelId);
  if (!current?.enabled)
    return { text: 'The daily quiz was already off in this channel.', schedule: current };
  const schedule = { ...current, enabled: false, updatedAt: ctx.clock() };
  await ctx.schedules.upsert(schedule);
  return { text: 'Daily quiz off for this channel. `/saa daily on` brings it back.', schedule };
}
