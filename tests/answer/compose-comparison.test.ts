import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose-answer.ts';
import { loadNotes } from '../../src/knowledge/load-notes.ts';
import { buildIndex } from '../../src/retrieval/build-index.ts';
import { SearchIndex } from '../../src/retrieval/search-index.ts';
import { noteIndex } from '../helpers/note-index.ts';

const NOTES = {
  'storage/ebs.md': [
    '# EBS',
    '|                  |                     | SSD                  | HDD             |',
    '|------------------|---------------------|----------------------|-----------------|',
    '| Volume Type      | Provisioned (io1)   | General Purpose (gp2) | Cold (sc1)     |',
    '| Max IOPS/Volume  | 64,000              | 16,000               | 250             |',
    '| Volume Size      | 4 GB - 16 TB        | 1 GB - 16 TB         | 500 GB - 16 TB  |',
    '',
    '## Snapshots',
    '- EBS snapshots are stored in S3 and are incremental',
  ].join('\n'),
  'messaging/sqs.md': [
    '# SQS',
    '- SQS is a pull-based message queue: consumers poll for messages',
    '- retention up to 14 days',
  ].join('\n'),
  'messaging/sns.md': [
    '# SNS',
    '- SNS is push-based pub/sub: it pushes to subscribers',
    '- up to 10 million subscriptions per topic',
  ].join('\n'),
  'security/encryption.md': [
    '# S3 encryption',
    '- SSE-S3: keys managed by S3',
    '- SSE-KMS: keys in AWS KMS, with an audit trail',
    '- SSE-C: customer-provided keys, sent with each request',
  ].join('\n'),
  'network/vpc.md': [
    '# VPC',
    '## Network ACLs',
    '- NACL rules are evaluated in order, lowest number first',
    '- a subnet has exactly one NACL, and the default NACL allows all traffic',
    '## Security groups',
    '- a security group can reference another security group',
    '- security groups support allow rules only',
    '## Firewalls',
    '- security groups and NACLs both filter the traffic of a VPC',
    '- security groups and NACLs can be changed at any time from the console',
    '- Security groups are stateful, instead, network ACLs are stateless',
  ].join('\n'),
  'storage/s3-classes.md': [
    '# S3 storage classes',
    '| Storage Class | Designed for | Availability Zones | Min duration |',
    '|---|---|---|---|',
    '| Standard | frequently accessed data | >=3 | none |',
    '| Standard-IA | infrequently accessed data | >=3 | 30 days |',
    '| One Zone-IA | re-creatable infrequent data | 1 | 30 days |',
    '| Glacier Flexible Retrieval | archives | >=3 | 90 days |',
  ].join('\n'),
  'api/api-gateway.md': [
    '# API Gateway',
    '- API Gateway has no minimum fees and scales on its own',
    '- For HTTP APIs and REST APIs you pay per call received and per GB sent',
    '## API types',
    '- HTTP API: cheaper and faster, built to proxy to Lambda functions or HTTP backends',
    '- REST API: the full feature set, with usage plans and API keys',
  ].join('\n'),
  'storage/file-storage.md': [
    '# File storage',
    '## EFS',
    '- EFS is a file storage service for EC2 instances: easy to use, with a simple interface to create and configure file systems quickly; fully managed; shares files between many instances at once, in several Availability Zones of a Region, growing and shrinking as files come and go',
    '## FSx for Windows',
    '- FSx for Windows is a fully managed Windows file server with Active Directory integration',
    '## DataSync',
    '- DataSync copies data between NFS shares, SMB shares, self-managed object storage, Snowcone devices, S3 buckets, Amazon EFS file systems and Amazon FSx for Windows File Server file systems, on a schedule or once, encrypting it in transit and checking it on arrival',
    '',
    'Q: When should I use Amazon FSx for Windows vs. Amazon EFS?',
    '---',
    'A: For Windows-based applications, FSx gives fully managed Windows file servers tuned for lift-and-shift business workloads such as home directories, media workflows and ERP systems. It is reached from Windows and Linux instances over the SMB protocol. If your applications run on Linux, EFS gives cloud-native, fully managed and elastic file storage that grows and shrinks as files are added and removed, reached from Linux instances over the NFS protocol.',
  ].join('\n'),
  'storage/object-lock.md': [
    '# S3 Object Lock',
    '- Object Lock keeps object versions in a write-once-read-many (WORM) state',
    '- Object Lock helps meet the compliance rules of regulated industries for their records',
    '  - Governance Mode - nobody can overwrite or delete a locked object version or change its lock settings without a special permission that an administrator grants them. With governance mode most users are kept from deleting the versions, while a few chosen users can still be allowed to shorten the retention period or to remove a version when they really need to, for example to fix a mistake in the lock settings',
    '  - Compliance Mode - no user can overwrite or delete a locked version, the root user of the account included',
  ].join('\n'),
  'storage/storage-gateway.md': [
    '# Storage Gateway',
    '- Volume Gateway (iSCSI):',
    '  - block storage: Volume Gateway offers iSCSI block volumes, backed by the cloud, to the applications in your data center',
    '  - Volume Gateway keeps on-premises data in Amazon S3 for you and runs in one of two modes, cached or stored, chosen for each volume when it is created',
    '  - Store volume',
    '    - the primary data stays on premises and the full dataset is local for fast access, while it is copied to S3 asynchronously in the background as snapshots',
    '  - Cached volumes',
    '    - only the most recent data stays on premises',
    '    - the primary data is stored in S3 while the data used most is kept in a local cache for low latency',
  ].join('\n'),
  'compute/instance-store.md': [
    '# Instance store',
    '- instance store volumes are stored on the host and are ephemeral: their data is gone when the instance stops',
    '- stored volumes on the instance host are ephemeral',
    '- cached volumes of the instance are fast',
  ].join('\n'),
  'global/regions.md': ['# Regions', '- pick the Region closest to your users when you pick one'].join('\n'),
};

let dir = '';
let index: SearchIndex;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saa-compare-'));
  for (const [file, text] of Object.entries(NOTES)) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), `${text}\n`);
  }
  const corpus = await loadNotes(dir);
  index = new SearchIndex(buildIndex(corpus.passages), corpus.passages);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('comparison answers', () => {
  it('quotes the table row both sides share, cut to their columns', () => {
    const answer = composeAnswer('gp2 vs io1 - max iops on each', index);
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('Max IOPS/Volume: Provisioned (io1) 64,000; General Purpose (gp2) 16,000');
    expect(answer.text).not.toContain('Cold (sc1) 250');
  });

  it('gives each side a line of its own', () => {
    const answer = composeAnswer('sqs vs sns', index);
    expect(answer.text).toMatch(/pull-based/);
    expect(answer.text).toMatch(/push-based/);
    expect(answer.sources.map((s) => s.file).sort()).toEqual(['messaging/sns.md', 'messaging/sqs.md']);
  });

  it('answers a three-way comparison with its trailing question, each side present', () => {
    const answer = composeAnswer('sse-s3 vs sse-kms vs sse-c, who holds the keys', index);
    expect(answer.text).toMatch(/SSE-S3: keys managed by S3/);
    expect(answer.text).toMatch(/SSE-KMS/);
    expect(answer.text).toMatch(/customer-provided keys/);
  });

  it('quotes first the line that sets the sides against each other', () => {
    const answer = composeAnswer('security groups vs nacls', index);
    expect(answer.pieces?.[0]?.text).toMatch(/stateful, instead, network ACLs are stateless/);
  });

  it('quotes the table rows of both sides when the sides are rows of one table', () => {
    const answer = composeAnswer('s3 standard-ia vs one zone-ia, whats actually different', index);
    expect(answer.text).toMatch(/Standard-IA[^\n]*>=3/);
    expect(answer.text).toMatch(/One Zone-IA[^\n]*\b1\b/);
  });

  it('quotes neighbouring lines led by each side ("HTTP API: …", "REST API: …") together', () => {
    const answer = composeAnswer('api gateway http api vs rest api, which one do i pick', index);
    expect(answer.text).toMatch(/proxy to Lambda/);
    expect(answer.text).toMatch(/usage plans and API keys/);
  });

  it('quotes the answers under a heading that compares the sides (an FAQ "Q: … vs. …?")', () => {
    const answer = composeAnswer('efs vs fsx for windows - when do i use which', index);
    expect(answer.text).toMatch(/over the SMB protocol/);
    expect(answer.text).toMatch(/over the NFS protocol/);
    expect(answer.text).not.toMatch(/DataSync copies/);
  });

  it('tells apart two sides that are names of one service (Object Lock governance vs compliance mode)', () => {
    const answer = composeAnswer('object lock governance mode vs compliance mode', index);
    expect(answer.text).toMatch(/special permission/);
    expect(answer.text).toMatch(/root user of the account included/);
  });

  it("quotes a side's line from the question's topic, under that side's bullet, not a look-alike elsewhere", () => {
    const answer = composeAnswer('storage gateway stored volumes vs cached volumes', index);
    expect(answer.text).toMatch(/full dataset is local/);
    expect(answer.text).toMatch(/data used most is kept in a local cache/);
    expect(answer.text).not.toMatch(/ephemeral/);
  });

  it('does not search for the aside of a comparison ("which one should i pick")', () => {
    const answer = composeAnswer('sqs vs sns, which one should i pick', index);
    expect(answer.text).toMatch(/pull-based/);
    expect(answer.text).toMatch(/push-based/);
    expect(answer.text).not.toMatch(/Region closest/);
  });

  it('says it cannot find a side the notes lack, instead of quoting the other side alone', () => {
    const answer = composeAnswer('sqs vs amazon mq', index);
    expect(answer.found).toBe(false);
    expect(answer.text).toMatch(/^I couldn't find that in the notes/);
  });

  it('quotes the lines of sibling sections that say the same thing of each side ("pull based" / "push based")', () => {
    const notes = noteIndex(
      'messaging.md',
      [
        '# Messaging',
        '## SQS',
        '- Amazon SQS is a fully managed message queuing service that enables you to decouple and scale microservices, distributed systems and serverless applications without running your own brokers',
        '- retention can go up to 14 days, and a message can be up to 256 KB of text in any format',
        '- it is a pull based system',
        '## SNS',
        '- Amazon SNS is a fully managed pub/sub messaging service that fans messages out to a large number of subscribers, including serverless functions, queues and distributed systems, and to end users by SMS and email',
        '- push based',
        '- it can notify Lambda functions, HTTP/S webhooks, mobile push, SMS and email',
        '## When should I use Amazon MQ vs. Amazon SQS and SNS?',
        '- for brand new applications in the cloud consider Amazon SQS and Amazon SNS: SQS and SNS are lightweight, fully managed message queue and topic services that scale almost without limit and have simple, easy-to-use APIs',
        '- Amazon MQ suits existing applications that already speak a standard messaging protocol',
      ].join('\n'),
    );
    const answer = composeAnswer('sqs vs sns', notes);
    expect(answer.text).toMatch(/pull based/);
    expect(answer.text).toMatch(/push based/);
  });

  it('pairs labelled lines of sibling sections by label and position ("At-Least-Once" / "Exactly-Once")', () => {
    const notes = noteIndex(
      'sqs.md',
      [
        '# SQS',
        '- SQS offers two queue types, standard and FIFO; a standard queue cannot be converted into a FIFO queue, so to move you create a new FIFO queue for the application or delete the standard queue and recreate it as FIFO',
        '## Queue types',
        '### Standard queues',
        '- Unlimited Throughput: standard queues support a nearly unlimited number of transactions per second per API action',
        '- At-Least-Once Delivery: a message is delivered at least once, and now and then more than one copy arrives',
        '- Best-Effort Ordering: messages may arrive in another order than they were sent',
        '### FIFO queues',
        '- High Throughput: by default FIFO queues support up to 300 messages per second, or 3,000 per second with batches of 10 messages per operation; ask support for a higher quota',
        '- Exactly-Once Processing: a message is delivered once and stays until a consumer processes and deletes it; no duplicates are introduced',
        '- First-In-First-Out Delivery: the order of messages is kept strictly',
        '## Dead-letter queues',
        '- a dead-letter queue must be of the same type as its source queue, standard or FIFO, and receives the messages that were not processed after the maximum receive count',
        '## Limits',
        '- SQS keeps messages for 4 days by default and for up to 14 days',
        '- an SQS message can hold up to 256 KB of text',
        '- SQS long polling waits up to 20 seconds for a message to arrive',
      ].join('\n'),
    );
    const answer = composeAnswer('standard vs fifo sqs queues', notes);
    expect(answer.text).toMatch(/delivered at least once/);
    expect(answer.text).toMatch(/delivered once and stays/);
  });

  it('does not pair lines that only share a note-taking label ("Note: …")', () => {
    const notes = noteIndex(
      'messaging.md',
      [
        '# Messaging',
        '## Overview',
        '- SQS is pull based: consumers poll the queue, whereas SNS pushes each message to its subscribers',
        '- SQS keeps messages up to 14 days, while SNS does not store messages once they are delivered',
        '## SQS',
        '- Amazon SQS is a fully managed message queuing service that enables you to decouple and scale microservices, distributed systems and serverless applications without running your own brokers',
        '- Note: the console lists the queues of one Region at a time, so switch Region to find a queue',
        '## SNS',
        '- Amazon SNS is a fully managed pub/sub messaging service that fans messages out to a large number of subscribers, including serverless functions, queues and distributed systems',
        '- Note: a topic can be encrypted with a KMS key, and only subscribers with access to the key can read it',
      ].join('\n'),
    );
    const answer = composeAnswer('sqs vs sns', notes);
    expect(answer.pieces?.[0]?.text).toMatch(/pull based: consumers poll the queue, whereas SNS pushes/);
    expect(answer.text).not.toMatch(/Note:/);
  });

  it("finds a side's pair line that the whole question ranks below its top passages", () => {
    const patterns = Array.from({ length: 14 }, (_, i) => [
      `## Pattern ${i}`,
      `- pattern ${i}: SQS and SNS together give fan-out ${i}: SNS publishes to SQS queues subscribed to a topic`,
    ]).flat();
    const notes = noteIndex(
      'messaging.md',
      [
        '# Messaging patterns',
        ...patterns,
        '# Chapter 8 application services',
        '## SQS',
        '- Amazon SQS is a fully managed message queuing service for microservices, distributed systems and serverless applications',
        '- retention up to 14 days',
        '- it is a pull based system',
        '## SWF',
        '- SWF coordinates tasks',
        '## SNS',
        '- Amazon SNS is a fully managed pub/sub service for microservices, distributed systems and serverless applications',
        '- push based',
        '- it can notify Lambda functions, HTTP/S webhooks, SMS and email',
      ].join('\n'),
    );
    const answer = composeAnswer('sqs vs sns', notes);
    // The pair leads; without each side's own search the fan-out pattern would come first.
    expect(answer.pieces?.[0]?.text).toMatch(/pull based system/);
    expect(answer.text).toMatch(/push based/);
  });
});
