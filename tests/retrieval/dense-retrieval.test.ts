import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { topPassages } from '../../src/answer/llm-prompt.ts';
import { loadConfig } from '../../src/config.ts';
import type { DenseRetriever } from '../../src/retrieval/dense-retriever.ts';
import { openAiEmbeddingModel } from '../../src/retrieval/embedding-model.ts';
import { openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import { EMBED_BATCH } from '../../src/retrieval/passage-vectors.ts';
import { type OpenAiStandIn, startOpenAiStandIn } from '../helpers/openai-stand-in.ts';

/**
 * A toy embedding the stand-in serves: one dimension per topic word, so that "hammering" (a word
 * the notes never use) lands next to the network ACL note, as a real model's vectors would.
 */
const TOPICS = [
  ['nacl', 'network acl', 'block', 'hammering', 'flooding'],
  ['lambda', 'function'],
  ['queue', 'sqs'],
  ['bucket', 's3'],
];
function toyVector(text: string): number[] {
  const lower = text.toLowerCase();
  return [...TOPICS.map((words) => words.filter((w) => lower.includes(w)).length), 0.01];
}

const NOTES: Record<string, string> = {
  'vpc.md': '# VPC\n## Network ACL\n- a network ACL can block a specific IP address for a whole subnet\n',
  'web.md': '# Web tier\n- one IP per instance; keep the web subnet public\n',
  'alb.md': '# ALB\n- the web tier gets one IP per subnet from the load balancer\n',
  'ec2.md': '# EC2\n- at launch the web subnet hands each EC2 instance an IP from its CIDR range\n',
  'lambda.md': '# Lambda\n- a function runs up to 15 minutes\n',
  'sqs.md': '# SQS\n- a queue keeps messages up to 14 days\n',
  's3.md': '# S3\n- a bucket holds objects up to 5 TB\n',
};

let standIn: OpenAiStandIn;
let dir = '';
const logs: string[] = [];
const log = { info: (m: string) => logs.push(`info: ${m}`), warn: (m: string) => logs.push(`warn: ${m}`) };

const config = () =>
  loadConfig({
    OPENAI_BASE_URL: standIn.baseUrl,
    OPENAI_EMBEDDING_MODEL: 'toy-embed',
    OPENAI_TIMEOUT_MS: '2000',
  });

beforeAll(async () => {
  standIn = await startOpenAiStandIn();
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saa-dense-'));
  await mkdir(join(dir, 'notes'));
  for (const [file, text] of Object.entries(NOTES)) await writeFile(join(dir, 'notes', file), text);
  standIn.embeddingRequests.length = 0;
  logs.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (queryTimeoutMs?: number) =>
  openKnowledge(join(dir, 'notes'), join(dir, 'cache'), {
    embeddings: openAiEmbeddingModel(config()),
    log,
    queryTimeoutMs,
  });

describe('dense retrieval through an embeddings endpoint', () => {
  it('embeds the passages in batches with progress, caches them with the index, and reuses the cache', async () => {
    standIn.scriptEmbeddings(() => ({ kind: 'embed', vector: toyVector }));
    const first = await open();
    expect(first.dense).not.toBeNull();
    const passages = first.corpus.passages.length;
    expect(standIn.embeddingRequests).toHaveLength(Math.ceil(passages / EMBED_BATCH));
    expect(standIn.embeddingRequests[0]?.body.model).toBe('toy-embed');
    expect(logs).toContain(`info: embedding passages with toy-embed: ${passages}/${passages}`);
    expect((await readdir(join(dir, 'cache'))).filter((f) => f.startsWith('vectors-'))).toHaveLength(2);

    standIn.embeddingRequests.length = 0;
    const second = await open();
    expect(second.dense).not.toBeNull();
    expect(standIn.embeddingRequests).toHaveLength(0);
  });

  it('fuses the vector ranking with lunr: a question in words the notes never use finds its passage', async () => {
    standIn.scriptEmbeddings(() => ({ kind: 'embed', vector: toyVector }));
    const knowledge = await open();
    const question = 'one ip keeps hammering the web subnet';
    const dense = await knowledge.dense?.rank(question);
    expect(standIn.embeddingRequests.at(-1)?.body.input).toEqual([question]);
    // Three notes share the question's words (web, subnet, IP) and crowd the network ACL note out
    // of lunr's top 3; the vectors bring it in, for the answer and for what a model is given.
    const top3 = (d?: readonly number[] | null) =>
      knowledge.index
        .searchAnalyzed({ ...knowledge.index.analyze(question), dense: d ?? undefined }, 3)
        .map((h) => h.passage.file);
    expect(top3()).not.toContain('vpc.md');
    expect(top3(dense)).toContain('vpc.md');
    const given = (d?: readonly number[] | null) =>
      topPassages(question, knowledge.index, 3, d).map((p) => p.passage.file);
    expect(given()).not.toContain('vpc.md');
    expect(given(dense)).toContain('vpc.md');
    const withVectors = new ExtractiveAnswerer(() => knowledge.index, { dense: () => knowledge.dense });
    expect(withVectors.immediate).toBe(false);
    expect(new ExtractiveAnswerer(() => knowledge.index).immediate).toBe(true);
    const before = standIn.embeddingRequests.length;
    expect((await withVectors.answer(question)).found).toBe(true);
    expect(standIn.embeddingRequests).toHaveLength(before + 1);
  });

  it('answers with lunr alone when the endpoint is down at start, and says so once', async () => {
    standIn.scriptEmbeddings(() => ({ kind: 'status', status: 503 }));
    const knowledge = await open();
    expect(knowledge.dense).toBeNull();
    expect(logs.filter((l) => l.startsWith('warn: dense retrieval off'))).toHaveLength(1);
    const answerer = new ExtractiveAnswerer(() => knowledge.index, { dense: () => knowledge.dense });
    expect(answerer.immediate).toBe(true);
    expect((await answerer.answer('how long can a lambda function run')).text).toMatch(/15 minutes/);
  });

  it('answers with lunr alone when the question cannot be embedded in time, logged once until it recovers', async () => {
    standIn.scriptEmbeddings(() => ({ kind: 'embed', vector: toyVector }));
    const slow = (await open(150)).dense as DenseRetriever;
    expect(slow).not.toBeNull();
    standIn.scriptEmbeddings(() => ({ kind: 'hang' }));
    const started = Date.now();
    expect(await slow.rank('lambda')).toBeNull();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await slow.rank('queue')).toBeNull();
    expect(logs.filter((l) => l.startsWith('warn: dense retrieval unavailable'))).toHaveLength(1);
    standIn.scriptEmbeddings(() => ({ kind: 'embed', vector: toyVector }));
    expect((await slow.rank('queue'))?.length).toBeGreaterThan(0);
    expect(
      logs.filter((l) => l.startsWith('info: dense retrieval: the embeddings endpoint answers again')),
    ).toHaveLength(1);
  });
});
