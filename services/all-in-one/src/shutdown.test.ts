import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@rc/config';
import { analysisRepo, createDatabase, ensureOwner, llmExchangeRepo, type DatabaseHandle } from '@rc/db';
import { adviseAnalysisJob, createWriterFromConfig, startAdvisor } from '@rc/advisor';
import { reply, sampleAdvice, startFakeOpenAIServer, type FakeOpenAIServer } from '@rc/testing/fake-openai';
import { BullJobQueue, InProcessQueue, LocalProgressBus, type JobQueue } from '@rc/queue';
import { LexicalEngine } from '@rc/scorer';
import { cleanRedisPrefix, findRedis, inCI, uniquePrefix, waitFor } from '@rc/testing';
import { RESUME_EN, VACANCY_EN } from './testing/harness.ts';

// The advisor against an OpenAI-protocol server on loopback that can hang: a shutdown in the middle of an LLM call
// must hand the job back at once (not wait out the call), and a job that runs twice must store one set of exchanges.
let database: DatabaseHandle;
let llm: FakeOpenAIServer;
let owner: string;
const bus = new LocalProgressBus();
// An LLM timeout far past the test's own: a shutdown that waited for the call would time the test out.
const config = loadConfig({ LLM_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1', OPENAI_API_KEY: 'sk-test', OPENAI_MODEL: 'test-model', LLM_TIMEOUT_S: '600' });

beforeAll(async () => {
  database = await createDatabase({ dataDir: 'memory://' });
  owner = await ensureOwner(database.db, 'shutdown');
});
afterAll(async () => {
  await database.close();
});

async function scoredAnalysis(): Promise<string> {
  const vacancyText = `${VACANCY_EN.title}\n${VACANCY_EN.description}`;
  const a = await analysisRepo.createQueued(database.db, { ownerId: owner, resumeId: null, vacancyId: null, resumeText: RESUME_EN, vacancyText, adviceLanguage: 'en' });
  await analysisRepo.claimForScoring(database.db, a.id);
  const scoring = await new LexicalEngine().analyse({ vacancyText, resumeText: RESUME_EN });
  await analysisRepo.saveScoring(database.db, a.id, { score: scoring.score, verdict: scoring.verdict, scoring });
  return a.id;
}

const writer = (url: string) => createWriterFromConfig({ ...config, OPENAI_BASE_URL: url });

async function handsBackOnShutdown(makeQueue: () => Promise<JobQueue | null>, ctx: { skip: () => void }) {
  const first = await makeQueue();
  if (!first) return ctx.skip();
  llm = await startFakeOpenAIServer();
  llm.expect({ name: 'hangs until the shutdown', reply: reply.hang() });
  llm.expect({ name: 'after the restart', reply: reply.advice(sampleAdvice('en')) });
  const id = await scoredAnalysis();
  try {
    await startAdvisor({ db: database.db, queue: first, bus, writer: writer(llm.url), concurrency: 1 });
    await first.enqueue('advise-analysis', { analysisId: id });
    await waitFor(async () => llm.requests.length === 1, { timeoutMs: 30_000, what: 'the LLM call' });
    await first.close();
    // Handed back: scored again, the interrupted claim not counted, nothing stored, not failed.
    const back = await analysisRepo.getById(database.db, id);
    expect({ status: back!.status, adviceAttempts: back!.adviceAttempts }).toEqual({ status: 'scored', adviceAttempts: 0 });
    expect(await llmExchangeRepo.forAnalysis(database.db, id)).toEqual([]);

    // Another advisor (BullMQ: the job itself comes back; in-process: recovery enqueues it at start-up) finishes it.
    const second = (await makeQueue())!;
    try {
      await startAdvisor({ db: database.db, queue: second, bus, writer: writer(llm.url), concurrency: 1 });
      if (second.kind === 'in-process') await second.enqueue('advise-analysis', { analysisId: id });
      const done = await waitFor(async () => {
        const row = await analysisRepo.getById(database.db, id);
        return row?.status === 'done' ? row : null;
      }, { timeoutMs: 30_000, what: 'the advice after the restart' });
      expect(done.adviceAttempts).toBe(1);
      expect(await llmExchangeRepo.forAnalysis(database.db, id)).toHaveLength(1);
      llm.assertDone();
    } finally {
      await second.close();
    }
  } finally {
    await llm.close();
  }
}

describe('advisor shutdown in the middle of an LLM call', () => {
  it('in-process: the call is aborted, the claim put back, and the advice written after the restart', async (ctx) => {
    await handsBackOnShutdown(async () => new InProcessQueue({ backoffMs: 10 }), ctx);
  }, 60_000);

  const prefix = uniquePrefix('shutdown');
  let redisUrl: string | null = null;
  afterAll(async () => {
    if (redisUrl) await cleanRedisPrefix(redisUrl, prefix);
  });
  it('BullMQ: the job is handed back at once, not after its lock expires, and another worker writes it', async (ctx) => {
    redisUrl = await findRedis();
    if (!redisUrl && inCI) throw new Error('Redis is required in CI');
    // A lock longer than the test: only an explicit hand-back lets the second worker have the job in time.
    await handsBackOnShutdown(async () => (redisUrl ? new BullJobQueue({ url: redisUrl, prefix, backoffMs: 10, lockDurationMs: 300_000 }) : null), ctx);
  }, 60_000);
});

describe('advice delivered twice', () => {
  it('stores one set of LLM exchanges, whichever delivery finishes first', async () => {
    llm = await startFakeOpenAIServer();
    // Both deliveries reach the LLM (the second was claimed while the first was still writing).
    llm.expect({ name: 'both deliveries', reply: reply.advice(sampleAdvice('en'), { delayMs: 200 }), times: 2 });
    const id = await scoredAnalysis();
    try {
      const job = adviseAnalysisJob({ db: database.db, bus, writer: writer(llm.url) });
      const ctxOf = (attempt: number) => ({ jobId: id, attempt, maxAttempts: 3, signal: new AbortController().signal });
      const results = await Promise.all([job.run({ analysisId: id }, ctxOf(1)), job.run({ analysisId: id }, ctxOf(2))]);
      expect(results.map((r) => r.status).sort()).toEqual(['done', 'skipped']);
      expect(llm.requests).toHaveLength(2);
      expect(await llmExchangeRepo.forAnalysis(database.db, id)).toHaveLength(1);
      // A third, late delivery finds it done and stores nothing either.
      expect((await job.run({ analysisId: id }, ctxOf(3))).status).toBe('skipped');
      expect(await llmExchangeRepo.forAnalysis(database.db, id)).toHaveLength(1);
    } finally {
      await llm.close();
    }
  }, 60_000);
});
