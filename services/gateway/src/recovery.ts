/**
 * Enqueues again the unfinished analyses and rankings whose job was lost (a worker or Redis died, or the enqueue
 * after the INSERT failed). Deterministic job ids make this safe to run while their jobs are still alive.
 */
import { analysisRepo, rankingRepo } from '@rc/db';
import type { FastifyBaseLogger } from 'fastify';
import type { GatewayDeps } from './context.ts';

export async function recoverOnce(deps: GatewayDeps, log: FastifyBaseLogger, staleMs: number): Promise<number> {
  const before = new Date(Date.now() - staleMs);
  let n = 0;
  for (const a of await analysisRepo.findStale(deps.db, before)) {
    const job = a.status === 'queued' || a.status === 'scoring' ? 'score-analysis' : 'advise-analysis';
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
    try {
      await deps.queue.enqueue('rank', { rankingId: r.id }, { replaceFinished: true });
      await rankingRepo.touch(deps.db, r.id);
      n++;
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'recovery could not enqueue; will try again');
      return n;
    }
  }
  if (n) log.info({ requeued: n }, 'recovered unfinished jobs');
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
