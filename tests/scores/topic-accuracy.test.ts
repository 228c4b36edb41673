/**
 * topicAccuracy (pure): accuracy per bank topic from daily and practice answers, worst first, with
 * the note sections to read (sources of wrongly answered questions, most missed first).
 */

import { describe, expect, it } from 'vitest';
import type { AnsweredQuestion } from '../../src/scores/ports.ts';
import { topicAccuracy } from '../../src/scores/topic-accuracy.ts';
import { STATS_BANK, src } from './stats-bank.ts';

const a = (questionId: string, correct: boolean): AnsweredQuestion => ({ questionId, correct });

describe('topicAccuracy', () => {
  it('is empty without answers', () => {
    expect(topicAccuracy([], STATS_BANK)).toEqual([]);
  });

  it('groups answers by the bank topic, worst first', () => {
    const topics = topicAccuracy(
      [
        a('ec2-types', false),
        a('ec2-placement', true),
        a('ec2-spot', false),
        a('s3-classes', true),
        a('s3-lock', true),
        a('lambda-limits', false),
        a('lambda-limits', true),
      ],
      STATS_BANK,
    );
    expect(topics.map((t) => [t.topic, t.correct, t.answered])).toEqual([
      ['Amazon EC2', 1, 3],
      ['AWS Lambda', 1, 2],
      ['Amazon S3', 2, 2],
    ]);
    expect(topics[0]?.accuracy).toBeCloseTo(1 / 3);
    expect(topics[1]?.accuracy).toBe(0.5);
    expect(topics[2]?.accuracy).toBe(1);
  });

  it('lists the sections of wrongly answered questions, most missed first, at most two', () => {
    const [ec2] = topicAccuracy(
      [
        a('ec2-types', false),
        a('ec2-spot', false),
        a('ec2-spot', false),
        a('ec2-placement', false),
        a('ec2-placement', true),
      ],
      STATS_BANK,
    );
    expect(ec2?.read).toEqual([src('ec2.md', 'EC2 > Spot'), src('ec2.md', 'EC2 > Instance types')]);
  });

  it('with no wrong answer, points at the sections seen', () => {
    const [s3] = topicAccuracy([a('s3-lock', true), a('s3-lock', true), a('s3-classes', true)], STATS_BANK);
    expect(s3?.read).toEqual([src('s3.md', 'S3 > Object Lock'), src('s3.md', 'S3 > Storage classes')]);
  });

  it('ignores answers to questions no longer in the bank', () => {
    const topics = topicAccuracy([a('gone', false), a('ddb-dax', true)], STATS_BANK);
    expect(topics).toEqual([
      {
        topic: 'Amazon DynamoDB',
        answered: 1,
        correct: 1,
        accuracy: 1,
        read: [src('dynamodb.md', 'DynamoDB > DAX')],
      },
    ]);
  });

  it('breaks accuracy ties by more answers, then by topic name', () => {
    const topics = topicAccuracy(
      [a('vpc-endpoints', false), a('ddb-dax', false), a('lambda-limits', false), a('lambda-limits', false)],
      STATS_BANK,
    );
    expect(topics.map((t) => t.topic)).toEqual(['AWS Lambda', 'Amazon DynamoDB', 'Amazon VPC']);
  });
});
