/**
 * `/saa <text>` → what the person asked for. Pure. Anything that is not a known subcommand with
 * valid arguments is a study question, so `/saa quiz me on dax` is a question, not an error.
 */

import { parseExamDate } from '../exam-readiness/exam-date.ts';
import type { Period } from '../quiz/periods.ts';
import { escapeMrkdwn } from '../slack/mrkdwn.ts';

/** A parsed `/saa` command. */
export type Command =
  | { kind: 'help' }
  | { kind: 'ask'; question: string }
  | { kind: 'quiz' }
  | { kind: 'review' }
  /** `/saa forget me`: asks to confirm deleting the person's data in this workspace. */
  | { kind: 'forget-me' }
  | { kind: 'stats' }
  | { kind: 'leaderboard'; period: Period; public: boolean }
  | { kind: 'daily-show' }
  | { kind: 'daily-off' }
  | { kind: 'daily-on'; time?: string; timeZone?: string }
  | { kind: 'remind-show' }
  | { kind: 'remind-off' }
  /** `time` "HH:MM", local to the person's Slack time zone. */
  | { kind: 'remind-on'; time?: string }
  | { kind: 'exam-show' }
  | { kind: 'exam-off' }
  /** `date` is a real calendar date `YYYY-MM-DD`; whether it is past is checked against the clock later. */
  | { kind: 'exam-set'; date: string }
  | { kind: 'invalid'; message: string };

const TIME = /^([01]?\d|2[0-3])[:h]([0-5]\d)$/;

/** Parses the text after `/saa` (Slack sends it trimmed of the command name). */
export function parseCommand(text: string): Command {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).filter(Boolean);
  const [first, ...rest] = words.map((w) => w.toLowerCase());
  if (!first || first === 'help' || first === '?')
    return words.length <= 1 ? { kind: 'help' } : { kind: 'ask', question: trimmed };
  if (first === 'quiz' && rest.length === 0) return { kind: 'quiz' };
  if (first === 'stats' && rest.length === 0) return { kind: 'stats' };
  if (first === 'review' && rest.length === 0) return { kind: 'review' };
  if (first === 'forget' && rest.length === 1 && rest[0] === 'me') return { kind: 'forget-me' };
  if (first === 'leaderboard' || first === 'scores') {
    const period = (rest.find((w) => w === 'week' || w === 'month' || w === 'all') ?? 'week') as Period;
    const isPublic = rest.includes('public');
    if (rest.every((w) => ['week', 'month', 'all', 'public'].includes(w)))
      return { kind: 'leaderboard', period, public: isPublic };
  }
  if (first === 'remind') {
    if (rest.length === 0) return { kind: 'remind-show' };
    if (rest[0] === 'off' && rest.length === 1) return { kind: 'remind-off' };
    const t = rest.length === 2 ? TIME.exec(rest[1] ?? '') : null;
    if (rest[0] === 'on' && rest.length === 1) return { kind: 'remind-on' };
    if (rest[0] === 'on' && t) return { kind: 'remind-on', time: `${t[1]?.padStart(2, '0')}:${t[2]}` };
    return {
      kind: 'invalid',
      message:
        'Use `/saa remind`, `/saa remind on [HH:MM]` (your Slack time zone, e.g. `/saa remind on 07:30`) or `/saa remind off`.',
    };
  }
  if (first === 'exam') {
    if (rest.length === 0) return { kind: 'exam-show' };
    if (rest.length === 1 && ['off', 'clear', 'none'].includes(rest[0] ?? '')) return { kind: 'exam-off' };
    const date = rest.length === 1 ? parseExamDate(rest[0] ?? '') : null;
    if (date) return { kind: 'exam-set', date };
    return {
      kind: 'invalid',
      // Echoed as Slack mrkdwn: escaped, so `<!channel>` typed here notifies nobody.
      message: `I couldn't read "${escapeMrkdwn(words.slice(1).join(' '))}" as a date. Use \`/saa exam YYYY-MM-DD\` (a real date, e.g. \`/saa exam 2026-12-20\`), \`/saa exam\` to see yours or \`/saa exam off\` to clear it.`,
    };
  }
  if (first === 'daily') {
    if (rest.length === 0) return { kind: 'daily-show' };
    if (rest[0] === 'off' && rest.length === 1) return { kind: 'daily-off' };
    if (rest[0] === 'on') {
      const args = words.slice(2);
      let time: string | undefined;
      let timeZone: string | undefined;
      for (const arg of args) {
        const t = TIME.exec(arg);
        if (t && !time) time = `${t[1]?.padStart(2, '0')}:${t[2]}`;
        else if (/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(arg) && !timeZone) timeZone = arg;
        else {
          return {
            kind: 'invalid',
            // Echoed as Slack mrkdwn: escaped, so `<!channel>` typed here notifies nobody.
            message: `I couldn't read "${escapeMrkdwn(arg)}". Use \`/saa daily on [HH:MM] [Area/City]\`, e.g. \`/saa daily on 09:30 Europe/Paris\`.`,
          };
        }
      }
      return { kind: 'daily-on', time, timeZone };
    }
    return {
      kind: 'invalid',
      message: 'Use `/saa daily`, `/saa daily on [HH:MM] [Area/City]` or `/saa daily off`.',
    };
  }
  return { kind: 'ask', question: trimmed };
}

/** Usage text (Slack mrkdwn) for `/saa help` and a bare `/saa`. */
export const HELP_TEXT = [
  '*AWS SAA study bot*: answers from your team’s notes, a daily quiz, team scores.',
  '• `/saa <question>`: a short answer with sources, e.g. `/saa dax vs elasticache`',
  '• `/saa quiz`: a practice question, just for you',
  '• `/saa review`: your questions due for review (spaced repetition), one at a time, just for you',
  '• `/saa remind on [HH:MM]`: a DM when you have reviews due (default 09:00 your time); `/saa remind off`',
  '• `/saa daily`: this channel’s daily quiz time; `/saa daily on 09:30 Europe/Paris`; `/saa daily off`',
  '• `/saa leaderboard [week|month|all] [public]`: who leads (only you see it unless `public`)',
  '• `/saa stats`: your points, accuracy, streak, weakest topics and exam readiness',
  '• `/saa forget me`: delete everything the bot keeps about you in this workspace (asks first)',
  '• `/saa exam YYYY-MM-DD`: your exam date (days left, score estimate, a plan paced to it); `/saa exam`; `/saa exam off`',
].join('\n');
