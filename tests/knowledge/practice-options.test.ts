import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose-answer.ts';
import { parseNote } from '../../src/knowledge/parse-note.ts';
import { rightOptionsAsked } from '../../src/knowledge/practice-options.ts';
import { noteIndex } from '../helpers/note-index.ts';

const textOf = (file: string, source: string) =>
  parseNote(file, source)
    .passages.map((p) => `${p.headingPath.join(' > ')}: ${p.text}`)
    .join('\n');

/** A practice question as people paste it into their notes: the right options in bold. */
const ROUTE53 = [
  '# Route 53',
  '',
  '## Routing policies',
  '* Latency routing policy: route to the Region with the best latency',
  '* Geolocation routing policy: route on where your users are',
  '',
  'Which statements are true about Amazon Route 53? (Choose 2 answers)',
  '---',
  '* Amazon Route 53 is a region-level service',
  '* **You can register your domain name**',
  '* **Amazon Route 53 can perform health checks and failovers**',
  '* Amazon Route 53 only supports Latency-based routing',
  '',
].join('\n');

describe('practice questions in the notes', () => {
  it('keeps the right options of a "Choose 2" question and drops the wrong ones', () => {
    const text = textOf('route53.md', ROUTE53);
    expect(text).toContain('You can register your domain name');
    expect(text).toContain('Amazon Route 53 can perform health checks and failovers');
    expect(text).not.toContain('region-level service');
    expect(text).not.toContain('only supports Latency-based routing');
    // The question stays as the heading of its right options.
    expect(text).toContain(
      'Which statements are true about Amazon Route 53? (Choose 2 answers): You can register',
    );
  });

  it('never quotes a wrong option as the answer', () => {
    const index = noteIndex('route53.md', ROUTE53);
    const answer = composeAnswer('does route 53 support latency based routing', index);
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('Latency routing policy');
    expect(answer.text).not.toContain('only supports');
  });

  it('reads a paragraph question with one bold option, dropping the explanation under a wrong one', () => {
    const text = textOf(
      'elb.md',
      [
        '# ELB',
        'Which service gives an ELB redundancy across Regions?',
        '* **Route 53**',
        '* Auto Scaling',
        '    * scales instances, not load balancers',
        '* AWS EMR',
        '* Amazon Mechanical Turk',
        '',
      ].join('\n'),
    );
    expect(text).toContain('Route 53');
    expect(text).not.toMatch(/Auto Scaling|scales instances|EMR|Turk/);
  });

  it.each([
    [
      'zim',
      'dns.txt',
      'Content-Type: text/x-zim-wiki\n\n====== DNS ======\nWhat does Route 53 provide?\n* A CDN\n* **A scalable DNS**\n* An SSH endpoint\n* None of these\n',
    ],
    [
      'org',
      'dns.org',
      '#+TITLE: DNS\n\n* DNS\nWhat does Route 53 provide?\n- A CDN\n- *A scalable DNS*\n- An SSH endpoint\n- None of these\n',
    ],
    [
      'markdown',
      'dns.md',
      '# DNS\nWhat does Route 53 provide?\n\n* A. A CDN\n* B. **A scalable DNS**\n* C. An SSH endpoint\n* D. None of these\n',
    ],
  ])('reads the bold marks of %s notes', (format, file, source) => {
    const note = parseNote(file, source);
    expect(note.format).toBe(format);
    const text = note.passages.map((p) => p.text).join('\n');
    expect(text).toContain('A scalable DNS');
    expect(text).not.toMatch(/CDN|SSH|None of these/);
  });

  it('reads the options nested under a bullet question that says how many to choose', () => {
    const text = textOf(
      's3.md',
      '# S3\n* Which TWO protect objects from deletion?\n    * **Versioning**\n    * **MFA Delete**\n    * Transfer Acceleration\n    * Requester Pays\n* S3 holds objects up to 5 TB\n',
    );
    expect(text).toMatch(/Versioning.*MFA Delete/);
    expect(text).toContain('S3 holds objects up to 5 TB');
    expect(text).not.toMatch(/Transfer Acceleration|Requester Pays/);
  });

  it.each([
    [
      'two bold lines under a question that asks for one',
      '## What does SQS give you?\n* **Retain messages for up to 14 days.**\n* **Send and read at once.**\n* Payloads up to 256 KB\n* Long polling up to 20 seconds\n',
    ],
    [
      'bold inside a line only',
      '## What does SQS give you?\n* **Payload size:** up to 256 KB\n* Long polling up to 20 seconds\n* Batches of 10\n* Retention up to 14 days\n',
    ],
    [
      'a bold label over its own lines',
      '## What does SQS give you?\n* **Payload size:**\n    * up to 256 KB\n* Long polling up to 20 seconds\n* Batches of 10\n* Retention up to 14 days\n',
    ],
    [
      'no question above the list',
      '## Features\n* **Retain messages for up to 14 days.**\n* Payloads up to 256 KB\n* Long polling up to 20 seconds\n* Batches of 10\n',
    ],
    [
      '"choose" without a question mark',
      'Choose one of these retrieval options:\n* **Expedited**\n* Standard\n* Bulk\n* Free\n',
    ],
    [
      'a question over fewer than four lines',
      '## Why use SQS?\n* **Decouples producers from consumers**\n* Scales to any throughput\n* Retains messages up to 14 days\n',
    ],
    [
      'a bullet question that does not say how many to choose',
      '* When should I use FIFO?\n    * **Exactly-once processing**\n    * Ordering per group\n    * 300 messages per second\n    * Deduplication\n',
    ],
    [
      'a question with no option marked',
      'How can a zone apex point to an ELB?\n* By using an A record\n* By using an AAAA record\n* By using a CNAME record\n* By using an Alias record\n',
    ],
    [
      'more options than a question has',
      `## Which one?\n* **one**\n${['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].map((w) => `* ${w}\n`).join('')}`,
    ],
  ])('leaves a list whole: %s', (_, body) => {
    const source = `# Notes\n${body}`;
    const text = textOf('notes.md', source);
    const lines = source
      .split('\n')
      .filter((l) => /^\s*\* /.test(l))
      .map((l) => l.replace(/^\s*\* /, '').replace(/\*\*/g, ''));
    for (const line of lines) expect(text).toContain(line);
  });

  it.each([
    ['Which statements are true about Amazon Route 53? (Choose 2 answers)', 2],
    ['Which two services can do this? Select TWO.', 2],
    ['Which TWO are true?', 2],
    ['Choose one of these retrieval options:', 0],
    ['What does Amazon Route53 provide?', 1],
    ['Routing policies', 0],
    ['Why? Because latency matters.', 0],
  ])('reads how many right options "%s" asks for', (line, n) => {
    expect(rightOptionsAsked(line)).toBe(n);
  });
});
