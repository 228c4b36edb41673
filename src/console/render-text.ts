/**
 * A command reply → terminal text (pure): answers as their plain text with sources listed under
 * them, one per line; Slack-formatted texts (help, command results) with mrkdwn entities unescaped.
 */

import { sourceLines } from '../answer/source-line.ts';
import type { Reply } from '../commands/handle-command.ts';
import { HELP_TEXT } from '../commands/parse-command.ts';
import { leaderboardLines, leaderboardTitle, statsLines } from '../scores/format-scores.ts';
import { unescapeMrkdwn } from '../slack/mrkdwn.ts';

/** Renders a reply for a terminal. */
export function renderText(reply: Reply): string {
  switch (reply.kind) {
    case 'help':
      return unescapeMrkdwn(HELP_TEXT);
    case 'text':
      return unescapeMrkdwn(reply.text);
    case 'leaderboard':
      return [leaderboardTitle(reply.board), ...leaderboardLines(reply.board, false)].join('\n');
    case 'stats':
      return statsLines(reply.stats, false).join('\n');
    case 'practice': {
      const q = reply.question;
      const options = q.options.map((o) => `  ${o.key}. ${o.text}`).join('\n');
      return `Practice question (${q.topic})\n${q.question}\n${options}\nType a letter to answer.`;
    }
    case 'forget-confirm':
      return 'Deleting your data is done in Slack (`/saa forget me`), where it asks you to confirm.';
    case 'review': {
      const { step } = reply;
      if (step.status !== 'card') return 'Nothing to review in the console: reviews are answered in Slack.';
      const q = step.question;
      const options = q.options.map((o) => `  ${o.key}. ${o.text}`).join('\n');
      return `Review (${q.topic})\n${q.question}\n${options}\nReviews are answered in Slack (\`/saa review\`).`;
    }
    case 'answer': {
      const { text, sources } = reply.answer;
      const list = sources.length
        ? `\nSources:\n${sourceLines(sources, reply.answer.mode === 'llm')
            .map((l) => `  ${l}`)
            .join('\n')}`
        : '';
      return `${text}${list}`;
    }
  }
}
