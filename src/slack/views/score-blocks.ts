/**
 * Block Kit for the leaderboard, personal stats and the App Home (pure). Limits: 50 blocks per
 * message, 100 per Home view, 3,000 chars per section text (https://api.slack.com/reference/block-kit/blocks).
 */

import type { HomeView, KnownBlock } from '@slack/types';
import { readinessLines } from '../../exam-readiness/format-readiness.ts';
import type { NotesCoverage } from '../../question-review/notes-coverage.ts';
import { leaderboardLines, leaderboardTitle, statsLines } from '../../scores/format-scores.ts';
import type { Leaderboard } from '../../scores/leaderboard.ts';
import type { PersonalStats } from '../../scores/personal-stats.ts';
import { HOME_UNAVAILABLE_TEXT } from '../../user-messages.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';

/** Slack's limit on a section's text (characters). */
const SECTION_MAX = 3000;

/** One line cut to fit a section, never inside an `&…;` entity (escaped names triple in length). */
function fit(line: string): string {
  if (line.length <= SECTION_MAX) return line;
  return `${line.slice(0, SECTION_MAX - 1).replace(/&[a-z]*$/, '')}…`;
}

/**
 * Sections holding `lines` in order, as few as fit: a long leaderboard (names escaped to 4× their
 * length) spills into the next section instead of losing its last rows, the asker's among them.
 */
function sections(lines: readonly string[]): KnownBlock[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines.map(fit)) {
    if (current && current.length + 1 + line.length > SECTION_MAX) {
      texts.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) texts.push(current);
  return texts.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

/** Leaderboard blocks: title, rows (top N, then the asker's own row), a context line. */
export function leaderboardBlocks(board: Leaderboard): KnownBlock[] {
  return [
    { type: 'header', text: { type: 'plain_text', text: 'SAA leaderboard' } },
    ...sections([`*${escapeMrkdwn(leaderboardTitle(board))}*`, ...leaderboardLines(board, true)]),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${board.total} answered · 10 points per correct daily answer · ties: earlier answers first · 🔥 streak in quiz days`,
        },
      ],
    },
  ];
}

/** Stats blocks for one person: points and topics, then exam readiness under its own header. */
export function statsBlocks(stats: PersonalStats): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Your SAA stats` } },
    ...sections(statsLines({ ...stats, readiness: null }, true)),
  ];
  if (stats.readiness)
    blocks.push(
      { type: 'header', text: { type: 'plain_text', text: 'Exam readiness' } },
      ...sections(readinessLines(stats.readiness)),
    );
  return blocks.slice(0, 50);
}

/** Services named per domain in the coverage section before "and N more". */
const MISSING_SHOWN = 5;

/** "Your notes and the exam": per domain, the share of exam facts the team's notes hold and what they lack. */
export function coverageBlocks(coverage: NotesCoverage): KnownBlock[] {
  const lines = coverage.byDomain.map((d) => {
    const share = d.questions ? Math.round((100 * d.covered) / d.questions) : 0;
    const more = d.missing.length > MISSING_SHOWN ? ` and ${d.missing.length - MISSING_SHOWN} more` : '';
    const gaps = d.missing.length
      ? `; nothing on ${d.missing.slice(0, MISSING_SHOWN).join(', ')}${more}`
      : '';
    return `• *${d.name}*: ${share} % of ${d.questions} questions${escapeMrkdwn(gaps)}`;
  });
  return [
    { type: 'header', text: { type: 'plain_text', text: 'Your notes and the exam' } },
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n').slice(0, 3000) } },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: 'Share of quiz questions whose key facts your notes hold (`saa coverage`).' },
      ],
    },
  ];
}

/** The App Home: the person's stats, this week's leaderboard and, with a team's notes, their coverage. */
export function homeView(
  stats: PersonalStats,
  board: Leaderboard,
  coverage?: NotesCoverage | null,
): HomeView {
  const extra: KnownBlock[] = coverage ? [{ type: 'divider' }, ...coverageBlocks(coverage)] : [];
  return {
    type: 'home',
    blocks: [...statsBlocks(stats), { type: 'divider' }, ...leaderboardBlocks(board), ...extra].slice(0, 100),
  };
}

/** The App Home while scores cannot be read: one line saying when to look again. */
export function homeUnavailableView(): HomeView {
  return {
    type: 'home',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: HOME_UNAVAILABLE_TEXT } }],
  };
}
