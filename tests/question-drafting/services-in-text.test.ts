/**
 * Which services a line of notes names, which one it opens with, and which one a heading is:
 * what decides a drafted question's subject, domain and wrong options.
 */

import { describe, expect, it } from 'vitest';
import {
  headingService,
  leadingService,
  servicesIn,
  servicesInOrder,
} from '../../src/question-drafting/services-in-text.ts';

const names = (list: { name: string }[]) => list.map((s) => s.name);

describe('servicesIn', () => {
  it('finds full names and aliases on word boundaries, short aliases only as written', () => {
    expect(names(servicesIn('Use SQS to decouple; Amazon Simple Notification Service fans out'))).toEqual(
      expect.arrayContaining(['Amazon Simple Queue Service', 'Amazon Simple Notification Service']),
    );
    expect(names(servicesIn('we ran out of ram on the sqs-like box'))).not.toContain(
      'AWS Resource Access Manager',
    );
  });

  it('orders services by where the text names them first', () => {
    expect(names(servicesInOrder('SNS pushes, SQS is pulled')).slice(0, 2)).toEqual([
      'Amazon Simple Notification Service',
      'Amazon Simple Queue Service',
    ]);
  });
});

describe('leadingService', () => {
  it('splits a line that opens with a service into the service, the connector and the description', () => {
    const lead = leadingService('Amazon Athena is a serverless query service over S3');
    expect(lead && [lead.service.name, lead.connector, lead.rest]).toEqual([
      'Amazon Athena',
      'is',
      'a serverless query service over S3',
    ]);
    const colon = leadingService('SQS: fully managed message queue');
    expect(colon && [colon.service.name, colon.connector, colon.rest]).toEqual([
      'Amazon Simple Queue Service',
      '',
      'fully managed message queue',
    ]);
  });

  it('is null for a line that only mentions a service later', () => {
    expect(leadingService('Bucket names in S3 are global')).toBeNull();
  });
});

describe('headingService', () => {
  it('recognises a heading that is a service name, less a subtitle or a parenthesis', () => {
    expect(headingService('EBS (Elastic Block Store) - Block Storage')?.name).toBe(
      'Amazon Elastic Block Store',
    );
    expect(headingService('Amazon Cognito')?.name).toBe('Amazon Cognito');
    expect(headingService('Exam tips')).toBeUndefined();
  });
});
