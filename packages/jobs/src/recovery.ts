/**
 * Enqueues again the unfinished analyses and rankings whose job was lost (a worker or Redis died, or the enqueue
 * after the INSERT failed). Deterministic job ids make this safe to run while their jobs are still alive.
 *
 * Every process that starts the loop asks the queue for a lease before each round, so a deployment runs one round
 * per interval however many replicas start it (in-process there is one process, and the lease is always granted).
 */
import { analysisStepOf, nextAnalysisJob, nextRankingJob } from '@rc/contracts';
import { analysisRepo, rankingRepo, type Database } from '@rc/db';
import type { JobQueue, ProgressBus } from '@rc/queue';
import { failExhaustedAnalysis, failExhaustedRanking } from './failures.ts';

export interface RecoveryDeps {
  db: Database;
  queue: JobQueue;
  bus: ProgressBus;
  /** JOB_MAX_ATTEMPTS: an unfinished row whose step used this many claims is failed, not enqueued again. */
  maxAttempts: number;
}

/** What recovery logs (a pino or Fastify logger). */
export interface RecoveryLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export async function recoverOnce(deps: RecoveryDeps, log: RecoveryLog, staleMs: number): Promise<number> {
  const before = new Date(Date.now() - staleMs);
  let n = 0;
  let failed = 0;
  const { maxAttempts } = deps;
  for (const a of await analysisRepo.findStale(deps.db, before)) {
    const job = nextAnalysisJob(a.status);
    if (!job) continue;
    // A job that has used its tries is a poison (it kills or blocks its worker, or always fails): enqueueing it again
    // would hand it to the next worker forever. It ends here, failed.
    if ((analysisStepOf(a.status) === 'scoring' ? a.attempts : a.adviceAttempts) >= maxAttempts) {
      if (await failExhaustedAnalysis(deps, a.id, maxAttempts)) failed++;
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
      if (await failExhaustedRanking(deps, r.id, maxAttempts)) failed++;
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

/**
 * Runs recovery at start-up (everything unfinished) and then every intervalMs (what has gone stale), each round only
 * in the process that holds the deployment's lease for it.
 */
export function startRecovery(deps: RecoveryDeps, log: RecoveryLog, opts: { intervalMs: number; staleMs: number }): () => void {
  // A little shorter than the interval, so the holder's next round finds its own lease gone and takes it again.
  const leaseMs = Math.max(1_000, Math.floor(opts.intervalMs * 0.9));
  let running = false;
  const tick = async (staleMs: number) => {
    if (running) return;
    running = true;
    try {
      if (await deps.queue.tryLease('recovery', leaseMs)) await recoverOnce(deps, log, staleMs);
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
