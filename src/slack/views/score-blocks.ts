/**
 * Block Kit for the leaderboard, personal stats and the App Home (pure). Limits: 50 blocks per
 * message, 100 per Home view, 3,000 chars per section text (https://api.slack.com/reference/block-kit/blocks).
 */

import type { HomeView, KnownBlock } from '@slack/types';
import { escapeMrkdwn } from '../../answer/mrkdwn.ts';
import { leaderboardLines, leaderboardTitle, statsLines } from '../../scores/format-scores.ts';
import type { Leaderboard } from '../../scores/leaderboard.ts';
import type { PersonalStats } from '../../scores/personal-stats.ts';

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: text.slice(0, 3000) },
});

/** Leaderboard blocks: title, rows (top N, then the asker's own row), a context line. */
export function leaderboardBlocks(board: Leaderboard): KnownBlock[] {
  return [
    { type: 'header', text: { type: 'plain_text', text: 'SAA leaderboard' } },
    section(`*${escapeMrkdwn(leaderboardTitle(board))}*\n${leaderboardLines(board, true).join('\n')}`),
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

/** Stats blocks for one person. */
export function statsBlocks(stats: PersonalStats): KnownBlock[] {
  return [
    { type: 'header', text: { type: 'plain_text', text: `Your SAA stats` } },
    section(statsLines(stats, true).join('\n')),
  ];
}

/** The App Home: the person's stats and this week's leaderboard. */
export function homeView(stats: PersonalStats, board: Leaderboard): HomeView {
  return {
    type: 'home',
    blocks: [...statsBlocks(stats), { type: 'divider' }, ...leaderboardBlocks(board)].slice(0, 100),
  };
}
