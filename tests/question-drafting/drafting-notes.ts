/**
 * A small notes folder for the drafting tests, in our own words: four services, each section
 * long enough to send to a model, with values and service definitions to draft from.
 */

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DRAFTING_NOTES: Record<string, string> = {
  'messaging.md': [
    '# Messaging',
    '## Amazon SQS retention',
    '- Amazon SQS keeps a message for 4 days unless the queue says otherwise, and a queue can keep messages for at most 14 days.',
    '- A consumer polls the queue and deletes each message after processing it; nothing is pushed to consumers.',
    '## Visibility timeout',
    '- A received message stays hidden from other consumers for 30 seconds by default, and the visibility timeout can be raised to 12 hours for slow jobs in Amazon SQS.',
    '## Amazon SNS',
    '- Amazon SNS is a publish and subscribe service that pushes each message to every subscriber of a topic, such as queues, functions and HTTPS endpoints.',
    '',
  ].join('\n'),
  'compute.md': [
    '# Compute',
    '## AWS Lambda limits',
    '- An AWS Lambda function runs for at most 15 minutes per invocation, so longer batch jobs belong on containers or instances instead.',
    '- Lambda memory goes from 128 MB up to 10,240 MB, and CPU power grows with the memory setting.',
    '## Amazon Kinesis Data Streams',
    '- Amazon Kinesis Data Streams keeps records for 24 hours by default and up to 365 days with extended retention, so several consumers can replay them.',
    '',
  ].join('\n'),
  'analytics.md': [
    '# Analytics',
    '## Amazon Athena',
    '- Amazon Athena is a serverless query service that runs standard SQL directly against files stored in Amazon S3, billed by the data each query scans.',
    '## AWS Glue',
    '- AWS Glue is a serverless data integration service that crawls data sources, keeps a data catalog and runs extract, transform and load jobs.',
    '## Amazon Redshift',
    '- Amazon Redshift is a columnar data warehouse for fast analytic queries across petabytes of structured data, loaded from many sources.',
    '',
  ].join('\n'),
};

/** Writes {@link DRAFTING_NOTES} to a new temporary folder; resolves with its path. */
export async function writeDraftingNotes(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'saa-drafting-'));
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(DRAFTING_NOTES)) await writeFile(join(dir, file), text);
  return dir;
}
