/** When the notes do not answer: a service named only by words scattered over a heading is absent. */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { absentServices, isCovered } from '../../src/answer/abstention.ts';
import { type Knowledge, openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import { testIndexCache } from '../helpers/index-cache.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const tempDir = useTempDirs();

let knowledge: Knowledge;

beforeAll(async () => {
  const dir = tempDir('saa-test-abstain-');
  writeFileSync(
    join(dir, 'notes.md'),
    [
      '# Security',
      '## Web Access Firewall: which to choose, WAF or AWS Firewall Manager',
      'Firewall Manager protects resources across every account of an organization.',
      '# EC2',
      '## Placement Groups',
      '- Cluster: instances packed close together in one AZ for low latency.',
      '- Partition: instances spread over partitions on separate racks, for HDFS or Cassandra.',
      '## Networking',
      '- Enhanced networking gives instances higher bandwidth and lower latency on the network.',
      '## AMIs',
      '- An AMI holds the guest operating system and its boot volume.',
      '# Cognito',
      '## User Pools',
      '- Users sign in with a username and password; the pool returns a JWT.',
      '# Lambda',
      '## RDS Proxy',
      '- Pools database connections, so functions do not open too many of them under high load.',
      '## Retries',
      '- A few retries come out of the box for an async event, to avoid losing it; a whole batch is retried when one record fails.',
      '# API Gateway',
      '## HTTP integration',
      '- Exposes an internal HTTP API or an Application Load Balancer behind one endpoint.',
      '# S3',
      '## S3 Select',
      '- S3 Select lets an app fetch just the part of an object it needs with a simple SQL expression, which is much faster.',
      '## S3 Inventory',
      '- A daily CSV report lists the objects of a bucket and their metadata, for an audit.',
    ].join('\n'),
  );
  knowledge = await openKnowledge(dir, testIndexCache());
});

const check = (question: string) => {
  const { index } = knowledge;
  const q = index.analyze(question);
  const hits = index.searchAnalyzed(q, 10);
  return { absent: absentServices(index, q, hits), covered: isCovered(index, q, hits) };
};

describe('absentServices', () => {
  it('finds a service absent when its words are only scattered over a heading ("Access … Manager")', () => {
    const r = check('how do i share a subnet with another account using resource access manager');
    expect(r.absent).toHaveLength(1);
    expect(r.covered).toBe(false);
  });

  it('finds a feature present when its heading words stand together and the text names the rest', () => {
    const r = check('what is a partition placement group');
    expect(r.absent).toEqual([]);
    expect(r.covered).toBe(true);
  });
});

describe('isCovered', () => {
  it('declines a question whose only link to the notes is one word ("password"), the rest unknown', () => {
    expect(check('whats the wifi password for the guest network').covered).toBe(false);
  });

  it('does not count a part of an expansion as a shared idea ("load" of "elastic load balancing")', () => {
    expect(check('how long does elb connection draining wait by default').covered).toBe(false);
  });

  it('reads filler words ("actually", "basically") as no part of the topic', () => {
    expect(check('what actually is a jwt, basically').covered).toBe(true);
  });

  it('answers a question padded with everyday words the notes never use ("gigantic", "painful") when a passage shares 3+ of its ideas', () => {
    const question =
      'honestly can s3 select grab a tiny slice of one gigantic object with sql, skipping the painful boring wait';
    expect(check(question).covered).toBe(true);
  });

  it('answers a question of the same length when a passage shares two of its ideas', () => {
    expect(check('what does a user get back after a cognito password sign in').covered).toBe(true);
  });
});
