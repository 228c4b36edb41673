/**
 * `/saa exam`: show, set or clear the person's exam date. Replies are plain text with Slack
 * mrkdwn code spans; the date a person typed is echoed only once parsed (digits and dashes).
 * Refused: dates in the past (in the person's own time zone) and more than two years ahead
 * (exam-date.ts MAX_DAYS_AHEAD).
 */

import { checkExamDate, daysBetween, localDate, MAX_DAYS_AHEAD } from './exam-date.ts';
import type { ExamDateRepository } from './ports.ts';

/** What the command needs: the dates, now, and the person's IANA time zone. */
export interface ExamDateArgs {
  exams: ExamDateRepository;
  teamId: string;
  userId: string;
  now: Date;
  timeZone: string;
}

const inDays = (days: number) => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`);

/** "Your exam is on 2026-12-20 (in 21 days)…" or how to set one. @throws DatabaseUnavailableError */
export async function showExamDate(a: ExamDateArgs): Promise<string> {
  const date = await a.exams.get(a.teamId, a.userId);
  if (!date) return 'No exam date set. Set one with `/saa exam YYYY-MM-DD`, e.g. `/saa exam 2026-12-20`.';
  const days = daysBetween(localDate(a.now, a.timeZone), date);
  const when = days < 0 ? `${-days} day${days === -1 ? '' : 's'} ago` : inDays(days);
  return `Your exam date: ${date} (${when}). Change it with \`/saa exam YYYY-MM-DD\`, clear it with \`/saa exam off\`.`;
}

/** Sets the date (already a valid `YYYY-MM-DD`), or says why not. @throws DatabaseUnavailableError */
export async function setExamDate(a: ExamDateArgs & { examDate: string }): Promise<string> {
  const today = localDate(a.now, a.timeZone);
  const check = checkExamDate(a.examDate, today);
  if (check === 'past')
    return `${a.examDate} is in the past (today is ${today} in ${a.timeZone}). Give the date of your exam, e.g. \`/saa exam ${today}\` or later.`;
  if (check === 'too-far')
    return `${a.examDate} is more than ${MAX_DAYS_AHEAD / 365} years away: check the year, e.g. \`/saa exam ${Number(today.slice(0, 4)) + 1}${today.slice(4)}\`.`;
  await a.exams.set(a.teamId, a.userId, a.examDate, a.now);
  const days = daysBetween(today, a.examDate);
  return `Exam date set: ${a.examDate} (${inDays(days)}). \`/saa stats\` and the bot’s Home tab now show your readiness and today’s plan.`;
}

/** Clears the date. @throws DatabaseUnavailableError */
export async function clearExamDate(a: ExamDateArgs): Promise<string> {
  return (await a.exams.clear(a.teamId, a.userId))
    ? 'Exam date cleared.'
    : 'You had no exam date set. Set one with `/saa exam YYYY-MM-DD`.';
}
