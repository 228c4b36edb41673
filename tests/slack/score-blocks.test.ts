/**
 * Block Kit for the leaderboard, stats and App Home (pure): nobody is ever pinged (names and note
 * text are escaped, people appear by name, never as `<@…>`), and the messages stay valid Block
 * Kit (≤ 50 blocks per message, ≤ 100 per Home view, ≤ 3,000 chars per section text) however long
 * or hostile the names.
 */

import type { HomeView, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/commands/handle-command.ts';
import type { Leaderboard, LeaderboardRow } from '../../src/scores/leaderboard.ts';
import type { PersonalStats } from '../../src/scores/personal-stats.ts';
import type { TopicAccuracy } from '../../src/scores/topic-accuracy.ts';
import { replyMessage } from '../../src/slack/views/reply-message.ts';
import { homeView, leaderboardBlocks, statsBlocks } from '../../src/slack/views/score-blocks.ts';

const HOSTILE = [
  '<!channel>',
  '<@U123>',
  'R&D <!here|here>',
  '<!everyone> hi',
  '<https://evil.example|click me>',
  '<#C123|general>',
  '<!subteam^S123|@admins>',
  'Ana & Bo > *bold* _it_',
];

function row(rank: number, displayName: string, extra: Partial<LeaderboardRow> = {}): LeaderboardRow {
  return {
    userId: `U${String(rank).padStart(3, '0')}`,
    rank,
    points: (40 - rank) * 10,
    answered: 40,
    correct: 40 - rank,
    meanDelayMs: 60_000 * rank,
    streak: rank % 4,
    displayName,
    total: 0,
    ...extra,
  } as LeaderboardRow;
}

function board(names: string[], asker?: string): Leaderboard {
  return {
    period: 'week',
    timeZone: 'Europe/Paris',
    since: new Date('2025-03-09T23:00:00Z'),
    rows: names.map((n, i) => row(i + 1, n)),
    asker: asker === undefined ? null : row(37, asker),
    total: 37,
  };
}

function topic(
  name: string,
  answered: number,
  correct: number,
  file: string,
  heading: string,
): TopicAccuracy {
  return { topic: name, answered, correct, accuracy: correct / answered, read: [{ file, heading }] };
}

function stats(topics: TopicAccuracy[]): PersonalStats {
  const sorted = [...topics].sort((a, b) => a.accuracy - b.accuracy);
  return {
    userId: 'U1',
    displayName: '<!channel>',
    pointsAllTime: 120,
    pointsThisWeek: 30,
    rank: 3,
    players: 12,
    dailyAnswered: 15,
    dailyCorrect: 12,
    accuracy: 0.7,
    streak: 4,
    topics,
    weakest: sorted.filter((t) => t.accuracy < 1).slice(0, 3),
  };
}

/** Every text a block carries, with where it came from. */
function texts(blocks: readonly KnownBlock[]): Array<{ type: string; text: string }> {
  const out: Array<{ type: string; text: string }> = [];
  for (const b of blocks) {
    if (b.type === 'section' && b.text) out.push({ type: 'section', text: b.text.text });
    if (b.type === 'header') out.push({ type: 'header', text: b.text.text });
    if (b.type === 'context')
      for (const e of b.elements)
        if ('text' in e && typeof e.text === 'string') out.push({ type: 'context', text: e.text });
  }
  return out;
}

/** Slack's Block Kit limits for the blocks we use. */
function expectValidBlocks(blocks: readonly KnownBlock[], maxBlocks: number) {
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const b of blocks) {
    expect(['header', 'section', 'context', 'divider']).toContain(b.type);
    if (b.type === 'section') expect(b.text?.type).toBe('mrkdwn');
    if (b.type === 'header') expect(b.text.type).toBe('plain_text');
    if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(10);
  }
  for (const t of texts(blocks)) {
    expect(t.text.length).toBeGreaterThan(0);
    expect(t.text.length).toBeLessThanOrEqual(t.type === 'header' ? 150 : 3000);
    // No half-cut entity left at a cut.
    expect(t.text).not.toMatch(/&(?:a|am|amp|l|lt|g|gt)$/);
  }
}

/** Nothing in `json` can notify or link anyone: no `<@`, `<!`, `<#`, no raw `<` or `>` at all. */
function expectNoPing(json: string) {
  expect(json).not.toContain('<@');
  expect(json).not.toContain('<!');
  expect(json).not.toContain('<#');
  expect(json).not.toMatch(/[<>]/);
}

describe('no pings', () => {
  it('escapes display names in the leaderboard blocks and text', () => {
    const b = board(HOSTILE, '<@U999> asker');
    const blocks: KnownBlock[] = leaderboardBlocks(b);
    const json = JSON.stringify(blocks);
    expectNoPing(json);
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('&lt;@U123&gt;');
    expect(json).toContain('R&amp;D &lt;!here|here&gt;');
    expect(json).toContain('Ana &amp; Bo &gt;');
    expect(json).toContain('&lt;@U999&gt; asker');
    for (const visibility of ['ephemeral', 'in_channel'] as const) {
      const message = replyMessage({ kind: 'leaderboard', board: b, visibility });
      expect(message.response_type).toBe(visibility);
      expectNoPing(JSON.stringify(message));
    }
  });

  it('shows people by name, never as a mention of their user id', () => {
    const json = JSON.stringify(leaderboardBlocks(board(['Ana', 'Bo'], 'Cy')));
    expect(json).toContain('*Ana*');
    expect(json).not.toMatch(/U00[0-9]/);
    expect(json).not.toContain('U037');
  });

  it('escapes topics and note sections in stats and the Home view', () => {
    const s = stats([
      topic('<!channel> & co', 4, 1, '<@U1>.md', 'A > <!here>'),
      topic('S3 <b>', 2, 1, 'a&b.md', 'S3 > Tiers & classes'),
    ]);
    const reply: Reply = { kind: 'stats', stats: s };
    const message = replyMessage(reply);
    expect(message.response_type).toBe('ephemeral');
    expectNoPing(JSON.stringify(message));
    const home: HomeView = homeView(s, board(HOSTILE, '<!channel>'));
    expectNoPing(JSON.stringify(home));
    expect(JSON.stringify(message)).toContain(
      '&lt;!channel&gt; &amp; co (25 %): &lt;@U1&gt;.md › &lt;!here&gt;',
    );
  });
});

describe('Block Kit limits', () => {
  const name80 = (i: number, fill: string) => `${String(i).padStart(2, '0')} ${fill.repeat(77)}`.slice(0, 80);

  it.each([
    ['plain', 'x'],
    ['all escapes (< becomes &lt;)', '<'],
    ['ampersands', '&'],
  ])('a leaderboard of 10 rows and the asker with 80-char names (%s) is valid and complete', (_n, fill) => {
    const names = Array.from({ length: 10 }, (_, i) => name80(i + 1, fill));
    const b = board(names, name80(37, fill));
    const blocks = leaderboardBlocks(b);
    expectValidBlocks(blocks, 50);
    // Every row (and the asker's own, last) is still there.
    const all = texts(blocks)
      .filter((t) => t.type === 'section')
      .map((t) => t.text)
      .join('\n');
    for (let rank = 1; rank <= 10; rank++)
      expect(all).toMatch(new RegExp(`(^|\\n)${rank}\\. \\*${String(rank).padStart(2, '0')} `));
    expect(all).toMatch(/\n37\. \*37 /);
    const message = replyMessage({ kind: 'leaderboard', board: b, visibility: 'in_channel' });
    expectValidBlocks(message.blocks, 50);
  });

  it('stats with many long topics stay valid and keep the weakest topics', () => {
    const topics = Array.from({ length: 60 }, (_, i) =>
      topic(
        `Topic ${i} ${'& <'.repeat(25)}`,
        10,
        i % 10,
        `file-${i}-${'&'.repeat(40)}.md`,
        `Root > ${'<'.repeat(60)}`,
      ),
    );
    const s = stats(topics);
    const blocks = statsBlocks(s);
    expectValidBlocks(blocks, 50);
    const all = texts(blocks)
      .map((t) => t.text)
      .join('\n');
    expect(all).toContain('Weakest topics, with what to read:');
    for (const w of s.weakest) expect(all).toContain(`file-${w.topic.split(' ')[1]}-`);
    expectValidBlocks(replyMessage({ kind: 'stats', stats: s }).blocks, 50);
  });

  it('the Home view with both stays within 100 blocks', () => {
    const topics = Array.from({ length: 60 }, (_, i) =>
      topic(`Topic ${i} ${'<'.repeat(70)}`, 10, i % 10, 'x.md', 'X > Y'),
    );
    const names = Array.from({ length: 10 }, (_, i) => name80(i + 1, '<'));
    const view: HomeView = homeView(stats(topics), board(names, name80(37, '&')));
    expect(view.type).toBe('home');
    expectValidBlocks(view.blocks as KnownBlock[], 100);
    expect(view.blocks.some((b) => b.type === 'divider')).toBe(true);
  });

  it('a small leaderboard is a header, one section and a context line', () => {
    const blocks = leaderboardBlocks(board(['Ana', 'Bo']));
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect(texts(blocks)[1]?.text).toBe(
      '*This week (since Mon 10 Mar, Europe/Paris)*\n1. *Ana* — 390 pts · 39/40 correct · 🔥 1\n2. *Bo* — 380 pts · 38/40 correct · 🔥 2',
    );
  });
});
