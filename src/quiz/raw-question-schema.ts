/**
 * The zod schema of one raw question-bank entry as read from YAML (every scalar a string: the
 * loader parses with the failsafe schema). Per-field rules and the cross-field rules between
 * `options`, `answer` and `why_wrong`; each issue message says what is wrong in the bank's own
 * field names (`why_wrong has no entry for wrong option C`). Context rules (unique id, kebab-case
 * id, existing source section) live in validate-question.ts.
 */

import { z } from 'zod';
import type { OptionKey } from './question.ts';

/** Longest option text (characters). Buttons show only the letter; the text sits in the message. */
export const MAX_OPTION_CHARS = 300;

/** Option keys in the order they must appear. */
export const OPTION_KEYS: readonly OptionKey[] = ['A', 'B', 'C', 'D', 'E'];

/** Fewest options a question may have. */
export const MIN_OPTIONS = 3;
/** Most options a question may have (one per letter A–E). */
export const MAX_OPTIONS = 5;
const FIELDS = [
  'id',
  'domain',
  'task',
  'services',
  'difficulty',
  'question',
  'options',
  'answer',
  'explanation',
  'why_wrong',
  'key_facts',
  'source',
];
/** Right options of a multiple-response question ("Which TWO…"), out of {@link MAX_OPTIONS}. */
export const MULTIPLE_RESPONSE_KEYS = 2;

const isMissing = (input: unknown): boolean => input === undefined || input === null;

function text(field: string) {
  return z
    .string({ error: (iss) => (isMissing(iss.input) ? `${field} is missing` : `${field} must be text`) })
    .trim()
    .min(1, `${field} is empty`);
}

function letterMap(field: string, example: string) {
  return z.record(z.string(), z.unknown(), {
    error: (iss) =>
      isMissing(iss.input) ? `${field} is missing` : `${field} must map letters to text (${example})`,
  });
}

const OptionsSchema = letterMap('options', 'A: …, B: …, C: …').superRefine((options, ctx) => {
  const keys = Object.keys(options);
  if (keys.length < MIN_OPTIONS || keys.length > MAX_OPTIONS) {
    ctx.addIssue({
      code: 'custom',
      message: `options has ${keys.length}; a question needs ${MIN_OPTIONS} to ${MAX_OPTIONS}`,
    });
  }
  const expected = OPTION_KEYS.slice(0, keys.length);
  if (keys.length <= MAX_OPTIONS && keys.some((key, i) => key !== expected[i])) {
    ctx.addIssue({
      code: 'custom',
      message: `options must be keyed ${expected.join(', ')} in order (found ${keys.join(', ')})`,
    });
  }
  for (const [key, value] of Object.entries(options)) {
    const problem =
      typeof value !== 'string'
        ? 'must be text'
        : value.trim() === ''
          ? 'is empty'
          : value.trim().length > MAX_OPTION_CHARS
            ? `is ${value.trim().length} characters; the limit is ${MAX_OPTION_CHARS}`
            : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: `option ${key} ${problem}` });
  }
});

const WhyWrongSchema = letterMap('why_wrong', 'B: why B is wrong, …').superRefine((whyWrong, ctx) => {
  for (const [key, value] of Object.entries(whyWrong)) {
    if (typeof value !== 'string') ctx.addIssue({ code: 'custom', message: `why_wrong ${key} must be text` });
    else if (value.trim() === '') ctx.addIssue({ code: 'custom', message: `why_wrong ${key} is empty` });
  }
});

/** `source`: the notes file and full heading path the answer comes from. */
export const SourceSchema = z.strictObject(
  { file: text('source.file'), heading: text('source.heading') },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `source has unknown field ${iss.keys.map((k) => `"${k}"`).join(', ')} (fields: file, heading)`
        : isMissing(iss.input)
          ? 'source is missing (needs file and heading)'
          : 'source must be a mapping with file and heading',
  },
);

/** `answer`: one letter, or a list of two letters for a multiple-response question. */
const AnswerSchema = z.union([text('answer'), z.array(text('answer'))], {
  error: (iss) =>
    isMissing(iss.input) ? 'answer is missing' : 'answer must be a letter or a list of two letters',
});

function textList(field: string, example: string) {
  return z
    .array(text(field), { error: () => `${field} must be a list (${example})` })
    .min(1, `${field} is an empty list`);
}

const CrossChecked = z.object({ options: OptionsSchema, answer: AnswerSchema, why_wrong: WhyWrongSchema });

/** The correct keys an entry's YAML `answer` field names, whatever form it takes (a letter or a list). */
export function correctKeysOf(answer: string | string[]): string[] {
  return Array.isArray(answer) ? answer.map((a) => a.trim()) : [answer.trim()];
}

/** The zod schema of one raw entry, as parsed from YAML (all scalars as strings). */
export const RawQuestionSchema = z
  .strictObject(
    {
      id: text('id'),
      domain: text('domain').optional(),
      task: text('task').optional(),
      services: textList('services', '[Amazon S3, AWS KMS]').optional(),
      difficulty: z.enum(['easy', 'medium', 'hard'], {
        error: (iss) =>
          isMissing(iss.input)
            ? 'difficulty is missing'
            : `difficulty ${JSON.stringify(iss.input)} must be easy, medium or hard`,
      }),
      question: text('question'),
      options: OptionsSchema,
      answer: AnswerSchema,
      explanation: text('explanation'),
      why_wrong: WhyWrongSchema,
      key_facts: textList('key_facts', '["up to 15 minutes"]').optional(),
      source: SourceSchema,
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `unknown field ${iss.keys.map((k) => `"${k}"`).join(', ')} (fields: ${FIELDS.join(', ')})`
          : `entry must be a mapping with fields ${FIELDS.join(', ')}`,
    },
  )
  .superRefine(
    (entry, ctx) => {
      const keys = Object.keys(entry.options);
      const range = `${keys[0]}–${keys[keys.length - 1]}`;
      const right = correctKeysOf(entry.answer);
      const wrong = keys.filter((key) => !right.includes(key));
      const outside = right.filter((key) => !keys.includes(key));
      if (Array.isArray(entry.answer)) {
        if (right.length !== MULTIPLE_RESPONSE_KEYS || new Set(right).size !== right.length) {
          ctx.addIssue({
            code: 'custom',
            message: `answer lists ${right.join(', ')}; a multiple-response question has ${MULTIPLE_RESPONSE_KEYS} different letters`,
          });
        }
        if (keys.length !== MAX_OPTIONS) {
          ctx.addIssue({
            code: 'custom',
            message: `a multiple-response question has ${MAX_OPTIONS} options (found ${keys.length})`,
          });
        }
      }
      if (outside.length > 0) {
        for (const key of outside)
          ctx.addIssue({ code: 'custom', message: `answer "${key}" is not one of the options ${range}` });
      } else {
        for (const key of wrong.filter((k) => !Object.hasOwn(entry.why_wrong, k))) {
          ctx.addIssue({ code: 'custom', message: `why_wrong has no entry for wrong option ${key}` });
        }
        for (const key of right.filter((k) => Object.hasOwn(entry.why_wrong, k))) {
          ctx.addIssue({ code: 'custom', message: `why_wrong has an entry for ${key}, which is the answer` });
        }
      }
      for (const key of Object.keys(entry.why_wrong).filter((k) => !keys.includes(k))) {
        ctx.addIssue({
          code: 'custom',
          message: `why_wrong has an entry for "${key}", which is not one of the options ${range}`,
        });
      }
    },
    // Cross-field rules only make sense once each of these fields is well formed on its own.
    { when: (payload) => CrossChecked.safeParse(payload.value).success },
  );
