/**
 * Coverage of a team's notes: a bank question counts as covered when the team's notes state its
 * key facts (in their own words: stems, numbers and the service must match), its citation then
 * names the team's section, and a service the notes never name is reported missing.
 */

import { describe, expect, it } from 'vitest';
import {
  coverQuestion,
  notesCoverage,
  notesCoverageInSlices,
  withTeamCitations,
} from '../../src/question-review/notes-coverage.ts';
import { sourceLine } from '../../src/slack/views/quiz-blocks.ts';
import { noteIndex } from '../helpers/note-index.ts';
import { makeQuestion } from '../quiz/quiz-fixtures.ts';

const TEAM_NOTES = [
  '# SQS',
  '## Retention',
  '- Messages are retained up to 14 days (default is 4 days)',
  '## Visibility',
  '- A consumer hides a message while it works on it: the visibility timeout, 30 s by default',
  '# Lambda',
  '## Limits',
  '- Max execution time 15 min',
].join('\n');

const index = noteIndex('team.md', TEAM_NOTES);
const passages = index.passages;

const retention = makeQuestion('sqs-retention', {
  domain: 'resilient',
  services: ['Amazon SQS'],
  keyFacts: ['messages are kept for up to 14 days'],
});
const lambda = makeQuestion('lambda-duration', {
  domain: 'performance',
  services: ['AWS Lambda'],
  keyFacts: ['at most 15 minutes'],
});
const wrongNumber = makeQuestion('sqs-retention-max', {
  domain: 'resilient',
  services: ['Amazon SQS'],
  keyFacts: ['retained up to 21 days'],
});
const transit = makeQuestion('tgw-hub', {
  domain: 'resilient',
  services: ['AWS Transit Gateway'],
  keyFacts: ['a hub that connects VPCs and on-premises networks'],
});

describe('notes coverage', () => {
  it("finds a key fact in the team's own words and cites the team's section", () => {
    expect(coverQuestion(retention, index)).toEqual({
      id: 'sqs-retention',
      covered: true,
      source: { file: 'team.md', heading: 'SQS > Retention' },
    });
    expect(coverQuestion(lambda, index)).toMatchObject({
      covered: true,
      source: { heading: 'Lambda > Limits' },
    });
  });

  it('needs the same numbers: 21 days is not 14 days', () => {
    expect(coverQuestion(wrongNumber, index)).toEqual({ id: 'sqs-retention-max', covered: false });
  });

  it('counts per domain and names the services the notes never mention', async () => {
    const bank = [retention, lambda, wrongNumber, transit];
    const coverage = notesCoverage(bank, index, passages);
    expect(coverage.byDomain.find((d) => d.domain === 'resilient')).toEqual({
      domain: 'resilient',
      name: 'Design Resilient Architectures',
      questions: 3,
      covered: 1,
      missing: ['AWS Transit Gateway'],
    });
    expect(coverage.byDomain.find((d) => d.domain === 'performance')).toMatchObject({
      questions: 1,
      covered: 1,
    });
    expect(await notesCoverageInSlices(bank, index, passages)).toEqual(coverage);
  });

  it("labels a question the team's notes do not hold as citing the bundled notes", () => {
    const bank = [retention, transit];
    const [team, bundled] = withTeamCitations(bank, notesCoverage(bank, index, passages));
    expect(team).toMatchObject({ citedIn: 'team', source: { file: 'team.md', heading: 'SQS > Retention' } });
    expect(bundled).toMatchObject({ citedIn: 'bundled', source: transit.source });
    expect(sourceLine(bundled?.source ?? transit.source, bundled?.citedIn)).toBe(
      '📄 bundled notes › lambda.md › AWS Lambda › Limits: execution',
    );
    expect(sourceLine(team?.source ?? retention.source, team?.citedIn)).toBe('📄 team.md › SQS › Retention');
  });
});
