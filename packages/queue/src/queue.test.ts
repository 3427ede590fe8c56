import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanRedisPrefix, findRedis, inCI, uniquePrefix, waitFor } from '@rc/testing';
import { BullJobQueue } from './bullmq.ts';
import { InProcessQueue } from './in-process.ts';
import { PermanentJobError, type JobQueue } from './port.ts';

/** The same behaviour is required of both adapters. */
function contract(name: string, make: () => Promise<JobQueue | null>) {
  describe(name, () => {
    let q: JobQueue | null;
    beforeAll(async () => {
      q = await make();
    });
    afterAll(async () => {
      await q?.close();
    });

    it('runs a job through its handler and ignores a duplicate of a live job', async (ctx) => {
      if (!q) return ctx.skip();
      const id = randomUUID();
      const seen: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      await q.work({
        queue: 'advice',
        concurrency: 2,
        jobs: {
          'advise-analysis': {
            run: async (p) => {
              seen.push(p.analysisId);
              await gate;
              return { analysisId: p.analysisId, status: 'done' };
            },
            onFinalFailure: async () => {},
          },
        },
      });
      await q.enqueue('advise-analysis', { analysisId: id });
      await q.enqueue('advise-analysis', { analysisId: id });
      await waitFor(async () => seen.length >= 1);
      // The first run is held, and a second slot is free: a duplicate that had been stored would now be waiting or
      // running, so the queue must hold exactly the one job.
      expect(await q.depth('advice')).toMatchObject({ active: 1, waiting: 0, delayed: 0 });
      release();
      await waitFor(async () => {
        const d = await q!.depth('advice');
        return d.active === 0 && d.waiting === 0 && d.delayed === 0;
      }, { what: 'idle' });
      expect(seen).toEqual([id]);
    });

    it('retries a failing job and stops at once on a permanent error', async (ctx) => {
      if (!q) return ctx.skip();
      const flaky = randomUUID();
      const broken = randomUUID();
      const attempts = new Map<string, number>();
      const finals: string[] = [];
      await q.work({
        queue: 'scoring',
        concurrency: 1,
        jobs: {
          'score-analysis': {
            run: async (p, c) => {
              attempts.set(p.analysisId, c.attempt);
              if (p.analysisId === broken) throw new PermanentJobError('never works');
              if (c.attempt < 2) throw new Error('transient');
              return { analysisId: p.analysisId, status: 'scored' };
            },
            onFinalFailure: async (p) => {
              finals.push(p.analysisId);
            },
          },
          rank: { run: async (p) => ({ rankingId: p.rankingId, status: 'done' }), onFinalFailure: async () => {} },
        },
      });
      await q.enqueue('score-analysis', { analysisId: flaky });
      await q.enqueue('score-analysis', { analysisId: broken });
      await waitFor(async () => attempts.get(flaky) === 2 && finals.length === 1, { what: 'retry and final failure' });
      expect(attempts.get(broken)).toBe(1);
      expect(finals).toEqual([broken]);
    });

    it('gives a chore\'s lease to one process at a time (in-process: the only one, always)', async (ctx) => {
      if (!q) return ctx.skip();
      const chore = `chore-${randomUUID()}`;
      expect(await q.tryLease(chore, 60_000)).toBe(true);
      expect(await q.tryLease(chore, 60_000)).toBe(q.kind === 'in-process');
    });

    it('rejects a payload that breaks its contract', async (ctx) => {
      if (!q) return ctx.skip();
      await expect(q.enqueue('score-analysis', { analysisId: 'not-a-uuid' })).rejects.toThrow();
    });
  });
}

contract('InProcessQueue', async () => new InProcessQueue({ backoffMs: 10 }));

const prefix = uniquePrefix('queue');
let redisUrl: string | null = null;
contract('BullJobQueue', async () => {
  redisUrl = await findRedis();
  if (!redisUrl) {
    if (inCI) throw new Error('Redis is required in CI');
    return null;
  }
  return new BullJobQueue({ url: redisUrl, prefix, backoffMs: 10 });
});
afterAll(async () => {
  if (redisUrl) await cleanRedisPrefix(redisUrl, prefix);
});
