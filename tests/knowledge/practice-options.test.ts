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
        '',
      ].join('\n'),
    );
    expect(text).toContain('Route 53');
    expect(text).not.toMatch(/Auto Scaling|scales instances|EMR/);
  });

  it.each([
    [
      'zim',
      'Content-Type: text/x-zim-wiki\n\n====== DNS ======\nWhat does Route 53 provide?\n* A CDN\n* **A scalable DNS**\n* An SSH endpoint\n',
    ],
    [
      'org',
      '#+TITLE: DNS\n\n* DNS\nWhat does Route 53 provide?\n- A CDN\n- *A scalable DNS*\n- An SSH endpoint\n',
    ],
  ])('reads the bold marks of %s notes', (format, source) => {
    const note = parseNote(`dns.${format === 'org' ? 'org' : 'txt'}`, source);
    expect(note.format).toBe(format);
    const text = note.passages.map((p) => p.text).join('\n');
    expect(text).toContain('A scalable DNS');
    expect(text).not.toMatch(/CDN|SSH/);
  });

  it('leaves a list alone when its bold lines are emphasis, not an answer key', () => {
    // Two bold lines under a question that asks for one; bold inside a line; no question at all.
    const sources = [
      '# SQS\n## What does SQS give you?\n* **Retain messages for up to 14 days.**\n* **Send and read at once.**\n* Payloads up to 256 KB\n',
      '# SQS\n## What does SQS give you?\n* **Payload size:** up to 256 KB\n* Long polling up to 20 seconds\n',
      '# SQS\n## Features\n* **Retain messages for up to 14 days.**\n* Payloads up to 256 KB\n',
      '# DNS\nHow can a zone apex point to an ELB?\n* By using an A record\n* By using an Alias record\n',
    ];
    for (const source of sources) {
      const all = source
        .split('\n')
        .filter((l) => l.startsWith('* '))
        .map((l) => l.replace(/^\* /, '').replace(/\*\*/g, ''));
      const text = textOf('sqs.md', source);
      for (const line of all) expect(text).toContain(line);
    }
  });

  it.each([
    ['Which statements are true about Amazon Route 53? (Choose 2 answers)', 2],
    ['Which two services can do this? Select TWO.', 2],
    ['What does Amazon Route53 provide?', 1],
    ['Routing policies', 0],
    ['Why? Because latency matters.', 0],
  ])('reads how many right options "%s" asks for', (line, n) => {
    expect(rightOptionsAsked(line)).toBe(n);
  });
});
