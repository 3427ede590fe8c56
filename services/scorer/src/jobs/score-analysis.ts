/** Job `score-analysis`: scores a queued analysis, stores the result, and hands it to the advisor. */
import { analysisRepo, type Database } from '@rc/db';
import { statusProgress, type JobResult } from '@rc/contracts';
import { publishProgress, withTextFreeErrors, type JobContext, type JobQueue, type ProgressBus } from '@rc/queue';
import type { ScoringEngine } from '../engine.ts';

export interface ScoreDeps {
  db: Database;
  queue: JobQueue;
  bus: ProgressBus;
  engine: ScoringEngine;
}

export function scoreAnalysisJob(deps: ScoreDeps) {
  // Failures leave as a code and a fixed message: they reach Redis, the stored analysis and the API.
  return withTextFreeErrors({ code: 'scoring_failed', message: 'scoring failed' }, async ({ analysisId }: { analysisId: string }, ctx: JobContext): Promise<JobResult<'score-analysis'>> => {
    const claimed = await analysisRepo.claimForScoring(deps.db, analysisId, ctx.maxAttempts);
    if (!claimed) {
      // Out of tries (earlier runs failed, stalled or were killed): fail it instead of running the poison again.
      if (await analysisRepo.failExhausted(deps.db, analysisId, ctx.maxAttempts)) {
        await publishProgress(deps.bus, 'analysis', analysisId, 'failed', 1, 'too many attempts');
        return { analysisId, status: 'failed' };
      }
      // Already scored by an earlier run of this job (or deleted): make sure the next step is queued, then stop.
      const row = await analysisRepo.getById(deps.db, analysisId);
      if (row && (row.status === 'scored' || row.status === 'advising')) {
        await deps.queue.enqueue('advise-analysis', { analysisId });
      }
      return { analysisId, status: 'skipped' };
    }
    await publishProgress(deps.bus, 'analysis', analysisId, 'scoring', statusProgress.scoring);
    // "present" in the resume's dates is read as of the analysis's acceptance, so a rerun of this job stores the same years.
    const scoring = await deps.engine.analyse({ vacancyText: claimed.vacancyText, resumeText: claimed.resumeText, now: claimed.queuedAt.toISOString() });
    const saved = await analysisRepo.saveScoring(deps.db, analysisId, { score: scoring.score, verdict: scoring.verdict, scoring });
    if (!saved) return { analysisId, status: 'skipped' };
    await publishProgress(deps.bus, 'analysis', analysisId, 'scored', statusProgress.scored);
    await deps.queue.enqueue('advise-analysis', { analysisId });
    return { analysisId, status: 'scored' };
  });
}
