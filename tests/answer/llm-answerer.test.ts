/**
 * Model-phrased answers through the official openai client against a local OpenAI-compatible
 * stand-in on 127.0.0.1, seen the way `saa ask --json` prints them: the model's answer with
 * "mode": "llm" when it cites given passages, else exactly the extractive answer with
 * "mode": "extractive" and the reason logged.
 */

import { resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { createAnswerer } from '../../src/answer/create-answerer.ts';
import { LlmAnswerer } from '../../src/answer/llm-answerer.ts';
import { runAsk } from '../../src/cli/ask-command.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { LOCAL_API_KEY } from '../../src/openai/openai-client.ts';
import { openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import { type Behaviour, type OpenAiStandIn, startOpenAiStandIn } from '../helpers/openai-stand-in.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const NOTES = resolve(import.meta.dirname, '../../knowledge/notes');
const tempDir = useTempDirs();
const DATA = tempDir('saa-test-llm-');
/** The model deadline where a test waits for it (the stand-in hangs). */
const TIMEOUT_MS = 300;
/** The model deadline where the stand-in replies: a loaded 2-core CI machine can take over 300 ms to serve it. */
const REPLY_TIMEOUT_MS = 10_000;
const QUESTION = 'what is dax';

let standIn: OpenAiStandIn;
let warn: MockInstance<(...args: unknown[]) => void>;

interface AskJson {
  question: string;
  answer: string;
  sources: Array<{ file: string; heading: string; line: number }>;
  mode: 'llm' | 'extractive';
}

function config(env: Record<string, string> = {}): Config {
  return loadConfig({
    NOTES_DIR: NOTES,
    DATA_DIR: DATA,
    OPENAI_BASE_URL: standIn.baseUrl,
    OPENAI_MODEL: 'stand-in-model',
    OPENAI_TIMEOUT_MS: String(REPLY_TIMEOUT_MS),
    ...env,
  });
}

/** Runs `saa ask --json` (questions as arguments, or as lines of stdin) and parses what it prints. */
async function askJson(cfg: Config, question: string | null, stdin: string[] = []): Promise<AskJson[]> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const err = new PassThrough();
  const args = question === null ? ['--json'] : [question, '--json'];
  const code = await runAsk(args, cfg, { stdin: Readable.from(stdin.map((l) => `${l}\n`)), out, err });
  expect(code).toBe(0);
  return chunks
    .join('')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AskJson);
}

const warnings = () => warn.mock.calls.map((c) => String(c[0]));

beforeAll(async () => {
  standIn = await startOpenAiStandIn();
});

afterAll(async () => {
  await standIn?.close();
});

beforeEach(() => {
  standIn.requests.length = 0;
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  warn.mockRestore();
});

describe('saa ask --json with a model', () => {
  it('prints the model’s answer, citations renumbered to the sources, with "mode": "llm"', async () => {
    standIn.script(() => ({
      kind: 'reply',
      content:
        'DAX is a managed in-memory cache in front of DynamoDB [1]; for computed results use ElastiCache [5].',
    }));
    const [json] = await askJson(config(), QUESTION);
    const [request] = standIn.requests;
    const user = request?.body.messages?.[1]?.content ?? '';
    // The fifth passage sent, as the prompt names it: "[5] file › heading › …".
    const fifth = /\[5\] ([^\n›]+?) › ([^\n]+)\n/.exec(user);
    expect(fifth).not.toBeNull();
    expect(json).toEqual({
      question: QUESTION,
      answer:
        'DAX is a managed in-memory cache in front of DynamoDB [1]; for computed results use ElastiCache [2].',
      sources: [
        {
          file: 'dynamodb-advanced.md',
          heading: 'DynamoDB advanced features > DAX (DynamoDB Accelerator)',
          line: 5,
        },
        expect.objectContaining({ file: fifth?.[1], heading: fifth?.[2]?.split(' › ').join(' > ') }),
      ],
      mode: 'llm',
    });
    expect(warnings()).toEqual([]);
    expect(standIn.requests).toHaveLength(1);
    expect(request?.body.model).toBe('stand-in-model');
    expect(request?.headers.authorization).toBe(`Bearer ${LOCAL_API_KEY}`);
    expect(user).toContain('Question: what is dax');
    expect(user).toMatch(
      /\[1\] dynamodb-advanced\.md › DynamoDB advanced features › DAX \(DynamoDB Accelerator\)\n/,
    );
    expect(user).toContain('[5] ');
    expect(user).not.toContain('[6] ');
  });

  const fallbacks: Array<[string, Behaviour, RegExp]> = [
    ['an uncited answer', { kind: 'reply', content: 'DAX is a cache for DynamoDB.' }, /cited no passage/],
    [
      'a citation of a passage that was not given',
      { kind: 'reply', content: 'DAX is a cache for DynamoDB [9].' },
      /not given \(\[9\]\)/,
    ],
    ['a 500', { kind: 'status', status: 500 }, /HTTP 500/],
    ['a timeout', { kind: 'hang' }, /timed out|no reply within 300 ms/],
    ['malformed JSON', { kind: 'malformed' }, /malformed JSON/],
    ['a reply with no message', { kind: 'malformed', body: '{"choices": []}' }, /malformed response/],
  ];

  it.each(fallbacks)(
    'prints the extractive answer with "mode": "extractive" after %s, and logs why',
    async (_name, behaviour, reason) => {
      const extractive = await askJson(loadConfig({ NOTES_DIR: NOTES, DATA_DIR: DATA }), QUESTION);
      expect(standIn.requests).toHaveLength(0);
      standIn.script(() => behaviour);
      const started = Date.now();
      const deadline: Record<string, string> =
        behaviour.kind === 'hang' ? { OPENAI_TIMEOUT_MS: String(TIMEOUT_MS) } : {};
      const json = await askJson(config(deadline), QUESTION);
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2000);
      expect(json).toEqual(extractive);
      expect(json[0]?.mode).toBe('extractive');
      // One request: no retries of a 500 or a timeout (maxRetries: 0 per request).
      expect(standIn.requests).toHaveLength(1);
      expect(warnings()).toHaveLength(1);
      expect(warnings()[0]).toMatch(reason);
      expect(warnings()[0]).toContain('extractive answer instead');
    },
  );

  it('cancels the model call at the deadline', async () => {
    standIn.script(() => ({ kind: 'hang' }));
    await askJson(config({ OPENAI_TIMEOUT_MS: String(TIMEOUT_MS) }), QUESTION);
    await expect(standIn.requests[0]?.ended).resolves.toBe('aborted');
  });

  it('keeps a reply citing a given and a missing passage, without the missing one', async () => {
    standIn.script(() => ({ kind: 'reply', content: 'DAX caches reads [2][8].' }));
    const [json] = await askJson(config(), QUESTION);
    expect(json?.mode).toBe('llm');
    expect(json?.answer).toBe('DAX caches reads [1].');
    expect(warnings()[0]).toMatch(/removed citations .*\[8\]/);
  });

  it('answers a repeated question from the cache: one model call', async () => {
    standIn.script(() => ({ kind: 'reply', content: 'DAX is a cache [1].' }));
    const json = await askJson(config(), null, [QUESTION, 'What is DAX?']);
    expect(json.map((j) => j.mode)).toEqual(['llm', 'llm']);
    expect(json.map((j) => j.question)).toEqual([QUESTION, 'What is DAX?']);
    expect(standIn.requests).toHaveLength(1);
  });

  it('does not call the model when the notes do not cover the question', async () => {
    const [json] = await askJson(
      config(),
      'how do I set up a hyperledger fabric network on amazon managed blockchain',
    );
    expect(json?.mode).toBe('extractive');
    expect(json?.answer).toMatch(/couldn't find/);
    expect(standIn.requests).toHaveLength(0);
  });

  it('sends OPENAI_API_KEY as the bearer token when it is set', async () => {
    standIn.script(() => ({ kind: 'reply', content: 'DAX is a cache [1].' }));
    await askJson(config({ OPENAI_API_KEY: 'sk-test' }), QUESTION);
    expect(standIn.requests[0]?.headers.authorization).toBe('Bearer sk-test');
  });
});

describe('createAnswerer', () => {
  it('is extractive without OPENAI_API_KEY and OPENAI_BASE_URL, model-phrased with either', async () => {
    const knowledge = await openKnowledge(NOTES, resolve(DATA, 'index-cache'));
    const index = () => knowledge.index;
    expect(createAnswerer(loadConfig({}), index)).toBeInstanceOf(ExtractiveAnswerer);
    expect(createAnswerer(loadConfig({ OPENAI_API_KEY: 'sk-x' }), index)).toBeInstanceOf(LlmAnswerer);
    expect(createAnswerer(loadConfig({ OPENAI_BASE_URL: standIn.baseUrl }), index)).toBeInstanceOf(
      LlmAnswerer,
    );
  });

  it('shares one model call between concurrent identical questions', async () => {
    const knowledge = await openKnowledge(NOTES, resolve(DATA, 'index-cache'));
    standIn.script(() => ({ kind: 'reply', content: 'DAX is a cache [1].', delayMs: 50 }));
    const answerer = createAnswerer(config(), () => knowledge.index);
    const answers = await Promise.all([answerer.answer(QUESTION), answerer.answer('What is DAX?')]);
    expect(answers.map((a) => a.mode)).toEqual(['llm', 'llm']);
    expect(answers.map((a) => a.question)).toEqual([QUESTION, 'What is DAX?']);
    expect(standIn.requests).toHaveLength(1);
  });
});
