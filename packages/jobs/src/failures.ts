/**
 * How the jobs of every service end an analysis or ranking as failed: when a claim is refused because its step used
 * all its tries, and when the queue gives a job up for good. The row is marked first, then the progress stream told.
 */
import { analysisProgress, rankingProgress } from '@rc/contracts';
import { analysisRepo, rankingRepo, type DbOrTx } from '@rc/db';
import { finalError, publishProgress, type ProgressBus } from '@rc/queue';

export interface FailureDeps {
  db: DbOrTx;
  bus: ProgressBus;
}

/**
 * After a refused claim: fails the analysis if its current step has used maxAttempts claims (earlier runs failed,
 * stalled or were killed), instead of running the poison again; true when it did.
 */
export async function failExhaustedAnalysis(deps: FailureDeps, analysisId: string, maxAttempts: number): Promise<boolean> {
  if (!(await analysisRepo.failExhausted(deps.db, analysisId, maxAttempts))) return false;
  await publishProgress(deps.bus, 'analysis', analysisId, 'failed', analysisProgress.failed, 'too many attempts');
  return true;
}

/** The same for a ranking. */
export async function failExhaustedRanking(deps: FailureDeps, rankingId: string, maxAttempts: number): Promise<boolean> {
  if (!(await rankingRepo.failExhausted(deps.db, rankingId, maxAttempts))) return false;
  await publishProgress(deps.bus, 'ranking', rankingId, 'failed', rankingProgress.failed, 'too many attempts');
  return true;
}

/** A job of an analysis's step failed for good: the analysis stores the failure (see finalError) and ends. */
export async function failAnalysis(deps: FailureDeps, analysisId: string, step: 'scoring' | 'advice', error: Error): Promise<void> {
  const stored = finalError(error, step);
  await analysisRepo.markFailed(deps.db, analysisId, stored);
  await publishProgress(deps.bus, 'analysis', analysisId, 'failed', analysisProgress.failed, stored.message);
}

/** A ranking's job failed for good. */
export async function failRanking(deps: FailureDeps, rankingId: string, error: Error): Promise<void> {
  const stored = finalError(error, 'ranking');
  await rankingRepo.markFailed(deps.db, rankingId, stored);
  await publishProgress(deps.bus, 'ranking', rankingId, 'failed', rankingProgress.failed, stored.message);
}
