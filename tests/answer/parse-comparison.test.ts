import { describe, expect, it } from 'vitest';
import { comparisonQuery, parseComparison } from '../../src/answer/parse-comparison.ts';

describe('parseComparison', () => {
  it.each<[string, [string, string]]>([
    ['dax vs elasticache', ['dax', 'elasticache']],
    ['dax vs. elasticache?', ['dax', 'elasticache']],
    ['DAX versus ElastiCache', ['DAX', 'ElastiCache']],
    ['sqs compared to sns', ['sqs', 'sns']],
    ['cloudfront functions or lambda@edge', ['cloudfront functions', 'lambda@edge']],
    ['when should I use dax or elasticache', ['dax', 'elasticache']],
    ['which is better provisioned or on-demand', ['provisioned', 'on-demand']],
    ['difference between cognito user pools and identity pools', ['cognito user pools', 'identity pools']],
    ['what is the difference between sqs and sns?', ['sqs', 'sns']],
    ['differences between edge-optimized vs regional endpoints', ['edge-optimized', 'regional endpoints']],
    ['compare api gateway with alb', ['api gateway', 'alb']],
    ['compare dax and elasticache', ['dax', 'elasticache']],
    ['comparing step functions to sqs', ['step functions', 'sqs']],
    ['sqs and sns difference', ['sqs', 'sns']],
    ['"provisioned" vs "on-demand"', ['provisioned', 'on-demand']],
  ])('%j compares %j', (question, sides) => {
    expect(parseComparison(question)).toEqual({ sides, aspect: '' });
  });

  it.each<[string, string[], string]>([
    ['sse-s3 vs sse-kms vs sse-c, who holds the keys', ['sse-s3', 'sse-kms', 'sse-c'], 'who holds the keys'],
    ['gp2 vs io1 - max iops on each', ['gp2', 'io1'], 'max iops on each'],
    ['efs vs fsx for windows - when do i use which', ['efs', 'fsx for windows'], 'when do i use which'],
    [
      'route53 geolocation vs latency routing whats the diff',
      ['route53 geolocation', 'latency routing'],
      'whats the diff',
    ],
    ['alb vs nlb vs glb', ['alb', 'nlb', 'glb'], ''],
    ['standard-ia vs one zone-ia', ['standard-ia', 'one zone-ia'], ''],
    ['cloudwatch vs cloudtrail, what is each one for', ['cloudwatch', 'cloudtrail'], 'what is each one for'],
  ])('%j compares %j on %j', (question, sides, aspect) => {
    expect(parseComparison(question)).toEqual({ sides, aspect });
  });

  it.each([
    'lambda max execution time',
    'is dax faster than elasticache',
    'what does rcu stand for',
    'how do I store sessions in dynamodb or elasticache for my web app',
    'should I use 1 or 2',
    '30 or 60',
    'dax vs',
    'vs elasticache',
    'vs',
    '',
    '🙂 or 🚀',
  ])('%j is not a comparison', (question) => {
    expect(parseComparison(question)).toBeNull();
  });

  // Bug (src/answer/parse-comparison.ts): the bare "A or B" pattern takes "or more" as a second side,
  // giving ["lambda run 30 minutes", "more"]; composeAnswer then posts a "*more*:" line quoting an
  // unrelated passage (DynamoDB on-demand throttling) next to a CloudFront line.
  it.each(['can lambda run 30 minutes or more', 'does dax cache 10 items or less'])(
    '%j is not a comparison',
    (question) => {
      expect(parseComparison(question)).toBeNull();
    },
  );
});

describe('comparisonQuery', () => {
  it.each([
    ['api gateway http api vs rest api, which one do i pick', 'api gateway http api vs rest api'],
    ['s3 standard-ia vs one zone-ia, whats actually different', 's3 standard-ia vs one zone-ia'],
    ['ebs vs instance store - which one actually keeps my data', 'ebs vs instance store, keeps my data'],
    ['gp2 vs io1 - max iops on each', 'gp2 vs io1, max iops on'],
    ['sse-s3 vs sse-kms, who holds the keys', 'sse-s3 vs sse-kms, who holds keys'],
  ])('searches %j as %j', (question, query) => {
    const comparison = parseComparison(question);
    expect(comparison).not.toBeNull();
    expect(comparisonQuery(comparison as NonNullable<typeof comparison>)).toBe(query);
  });
});
