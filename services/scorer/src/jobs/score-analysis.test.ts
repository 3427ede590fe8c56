import { afterAll, describe, expect, it } from 'vitest';
import { analysisRepo, createDatabase, ensureOwner, type DatabaseHandle } from '@rc/db';
import { analyseText, TextAnalysisPool } from '@rc/lexical';
import { NEVER_ENDING_ANALYSIS, NEVER_ENDS } from '@rc/lexical/testing';
import { BullJobQueue, InProcessQueue, LocalProgressBus, type JobQueue } from '@rc/queue';
import { cleanRedisPrefix, findRedis, inCI, RESUME_EN, uniquePrefix, VACANCY_EN, waitFor } from '@rc/testing';
import { LexicalEngine } from '../engine.ts';
import { textAnalysisOn } from '../text-analysis.ts';
import { startScorer } from '../worker.ts';

// The scorer with its text analysis in worker threads whose functions never end on a vacancy marked NEVER_ENDS. The
// deadline leaves a fresh worker on a busy machine time for a normal pair; the marked one never ends at any deadline.
const opened: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const o of opened.reverse()) await o.close();
});

async function scorer(queue: JobQueue) {
  const database: DatabaseHandle = await createDatabase({ dataDir: 'memory://' });
  const engine = new LexicalEngine(textAnalysisOn(new TextAnalysisPool({ module: NEVER_ENDING_ANALYSIS, timeoutMs: 5_000 })));
  opened.push(database, engine, queue);
  await startScorer({ db: database.db, queue, bus: new LocalProgressBus(), engine, concurrency: 2 });
  const owner = await ensureOwner(database.db, 'scorer-deadline');
  const analyse = async (vacancyText: string) => {
    const { id } = await analysisRepo.createQueued(database.db, { ownerId: owner, resumeId: null, vacancyId: null, resumeText: RESUME_EN, vacancyText, adviceLanguage: 'en' });
    await queue.enqueue('score-analysis', { analysisId: id });
    return waitFor(async () => {
      const row = await analysisRepo.getById(database.db, id);
      return row && row.status !== 'queued' && row.status !== 'scoring' ? row : null;
    }, { timeoutMs: 60_000, what: 'the analysis to be scored or failed' });
  };
  return { analyse };
}

async function deadlineEndsTheAnalysis(queue: JobQueue) {
  const { analyse } = await scorer(queue);
  const vacancy = `${VACANCY_EN.title}\n${VACANCY_EN.description}`;
  const stuck = await analyse(`${NEVER_ENDS}\n${vacancy}`);
  expect(stuck.status).toBe('failed');
  expect(stuck.error).toEqual({ code: 'text_analysis_timeout', message: expect.stringContaining('5000 ms') });
  // Not retried: the same text would run past the deadline on every try.
  expect(stuck.attempts).toBe(1);
  expect(JSON.stringify(stuck.error)).not.toMatch(/John|Smith|Python|NEVER/);
  // The next analysis is scored by a fresh worker, with what the analysis functions give on this thread.
  const fine = await analyse(vacancy);
  expect(fine.status === 'scored' || fine.status === 'advising' || fine.status === 'done').toBe(true);
  const expected = analyseText({ vacancyText: vacancy, resumeText: RESUME_EN, now: fine.queuedAt.toISOString() });
  expect(fine.scoring).toEqual({ ...expected.lexical, resume_facts: expected.facts });
}

describe('score-analysis with a text past the text-analysis deadline', () => {
  it('in-process: the analysis ends failed with text_analysis_timeout after one attempt, and the next is scored', async () => {
    await deadlineEndsTheAnalysis(new InProcessQueue({ backoffMs: 10, attempts: 3 }));
  }, 120_000);

  const prefix = uniquePrefix('deadline');
  let redisUrl: string | null = null;
  afterAll(async () => {
    if (redisUrl) await cleanRedisPrefix(redisUrl, prefix);
  });
  it('BullMQ: the same, the job failed as unrecoverable', async (ctx) => {
    redisUrl = await findRedis();
    if (!redisUrl && inCI) throw new Error('Redis is required in CI');
    if (!redisUrl) return ctx.skip();
    await deadlineEndsTheAnalysis(new BullJobQueue({ url: redisUrl, prefix, backoffMs: 10, attempts: 3 }));
  }, 120_000);
});
