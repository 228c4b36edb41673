/** A small question bank over five topics, each question citing its own note section. */

import type { Question } from '../../src/quiz/question.ts';
import { makeQuestion } from '../quiz/quiz-fixtures.ts';

/** A note section (file, heading path). */
export const src = (file: string, heading: string) => ({ file, heading });

/** Eight questions: EC2 ×3, S3 ×2, Lambda, DynamoDB, VPC. */
export const STATS_BANK: Question[] = [
  makeQuestion('ec2-types', { topic: 'Amazon EC2', source: src('ec2.md', 'EC2 > Instance types') }),
  makeQuestion('ec2-placement', { topic: 'Amazon EC2', source: src('ec2.md', 'EC2 > Placement groups') }),
  makeQuestion('ec2-spot', { topic: 'Amazon EC2', source: src('ec2.md', 'EC2 > Spot') }),
  makeQuestion('s3-classes', { topic: 'Amazon S3', source: src('s3.md', 'S3 > Storage classes') }),
  makeQuestion('s3-lock', { topic: 'Amazon S3', source: src('s3.md', 'S3 > Object Lock') }),
  makeQuestion('lambda-limits', { topic: 'AWS Lambda', source: src('lambda.md', 'AWS Lambda > Limits') }),
  makeQuestion('ddb-dax', { topic: 'Amazon DynamoDB', source: src('dynamodb.md', 'DynamoDB > DAX') }),
  makeQuestion('vpc-endpoints', { topic: 'Amazon VPC', source: src('vpc.md', 'VPC > Endpoints') }),
];
