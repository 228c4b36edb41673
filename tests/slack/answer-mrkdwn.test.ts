import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer-types.ts';
import { answerMrkdwn } from '../../src/slack/views/answer-mrkdwn.ts';

const source = { file: 'notes/lambda.md', heading: 'Lambda > Limits', line: 3 };

function answer(parts: Partial<Answer>): Answer {
  return { question: 'q', text: '', sources: [source], mode: 'extractive', found: true, ...parts };
}

describe('answerMrkdwn', () => {
  it('escapes what Slack would read as mentions, links or entities in a model reply', () => {
    const text = answerMrkdwn(answer({ mode: 'llm', text: 'Use <!channel> & R&D <https://x|y> [1]' }));
    expect(text).toBe('Use &lt;!channel&gt; &amp; R&amp;D &lt;https://x|y&gt; [1]');
  });

  it('shows an extractive piece with its label in bold and escapes the note text', () => {
    const pieces = [{ label: 'Limits', text: 'timeout <= 15 min & 10 GB <!here>', source }];
    const text = answerMrkdwn(answer({ text: 'Limits: timeout <= 15 min & 10 GB <!here>', pieces }));
    expect(text).toBe('*Limits*: timeout &lt;= 15 min &amp; 10 GB &lt;!here&gt;');
  });

  it('shows several pieces as bullets, a label with Slack markup characters made plain', () => {
    const pieces = [
      { label: '*DAX*', text: 'cache in front of DynamoDB', source },
      { text: 'ElastiCache for computed results', source },
    ];
    const text = answerMrkdwn(
      answer({ text: '• *DAX*: cache in front of DynamoDB\n• ElastiCache for computed results', pieces }),
    );
    expect(text).toBe('• *DAX*: cache in front of DynamoDB\n• ElastiCache for computed results');
  });

  it('falls back to the escaped plain text when the text was clipped', () => {
    const pieces = [{ label: 'Limits', text: 'a very long line', source }];
    expect(answerMrkdwn(answer({ text: 'Limits: a very…', pieces }))).toBe('Limits: a very…');
  });

  it('stays within Slack’s 3,000-char section limit', () => {
    expect(answerMrkdwn(answer({ mode: 'llm', text: '&'.repeat(2000) })).length).toBeLessThanOrEqual(3000);
  });
});
