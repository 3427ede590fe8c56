/**
 * Enqueues again the unfinished analyses and rankings whose job was lost (a worker or Redis died, or the enqueue
 * after the INSERT failed). Deterministic job ids make this safe to run while their jobs are still alive.
 */
import { analysisStepOf, nextAnalysisJob, nextRankingJob } from '@rc/contracts';
import { analysisRepo, rankingRepo } from '@rc/db';
import { publishProgress } from '@rc/queue';
import type { FastifyBaseLogger } from 'fastify';
import type { GatewayDeps } from './context.ts';

export async function recoverOnce(deps: GatewayDeps, log: FastifyBaseLogger, staleMs: number): Promise<number> {
  const before = new Date(Date.now() - staleMs);
  let n = 0;
  let failed = 0;
  const maxAttempts = deps.config.JOB_MAX_ATTEMPTS;
  for (const a of await analysisRepo.findStale(deps.db, before)) {
    const job = nextAnalysisJob(a.status);
    if (!job) continue;
    // A job that has used its tries is a poison (it kills or blocks its worker, or always fails): enqueueing it again
    // would hand it to the next worker forever. It ends here, failed.
    if ((analysisStepOf(a.status) === 'scoring' ? a.attempts : a.adviceAttempts) >= maxAttempts) {
      if (await analysisRepo.failExhausted(deps.db, a.id, maxAttempts)) {
        await publishProgress(deps.bus, 'analysis', a.id, 'failed', 1, 'too many attempts');
        failed++;
      }
      continue;
    }
    try {
      await deps.queue.enqueue(job, { analysisId: a.id }, { replaceFinished: true });
      await analysisRepo.touch(deps.db, a.id);
      n++;
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'recovery could not enqueue; will try again');
      return n;
    }
  }
  for (const r of await rankingRepo.findStale(deps.db, before)) {
    const job = nextRankingJob(r.status);
    if (!job) continue;
    if (r.attempts >= maxAttempts) {
      if (await rankingRepo.failExhausted(deps.db, r.id, maxAttempts)) {
        await publishProgress(deps.bus, 'ranking', r.id, 'failed', 1, 'too many attempts');
        failed++;
      }
      continue;
    }
    try {
      await deps.queue.enqueue(job, { rankingId: r.id }, { replaceFinished: true });
      await rankingRepo.touch(deps.db, r.id);
      n++;
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'recovery could not enqueue; will try again');
      return n;
    }
  }
  if (n) log.info({ requeued: n }, 'recovered unfinished jobs');
  if (failed) log.warn({ failed }, 'failed unfinished jobs that used all their attempts');
  return n;
}

/** Runs recovery at start-up (everything unfinished) and then every intervalMs (what has gone stale). */
export function startRecovery(deps: GatewayDeps, log: FastifyBaseLogger, opts: { intervalMs: number; staleMs: number }): () => void {
  let running = false;
  const tick = async (staleMs: number) => {
    if (running) return;
    running = true;
    try {
      await recoverOnce(deps, log, staleMs);
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'recovery round failed');
    } finally {
      running = false;
    }
  };
  void tick(0);
  const timer = opts.intervalMs > 0 ? setInterval(() => void tick(opts.staleMs), opts.intervalMs) : null;
  timer?.unref();
  return () => timer && clearInterval(timer);
}
