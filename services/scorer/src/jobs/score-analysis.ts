/** Job `score-analysis`: scores a queued analysis, stores the result, and hands it to the advisor; fails the analysis when scoring finally fails. */
import { analysisRepo, type Database } from '@rc/db';
import { analysisProgress, nextAnalysisJob, type JobPayload, type JobResult } from '@rc/contracts';
import { failAnalysis, failExhaustedAnalysis } from '@rc/jobs';
import { publishProgress, withTextFreeErrors, type JobContext, type JobDefinition, type JobQueue, type ProgressBus } from '@rc/queue';
import type { ScoringEngine } from '../engine.ts';

export interface ScoreDeps {
  db: Database;
  queue: JobQueue;
  bus: ProgressBus;
  engine: ScoringEngine;
}

export function scoreAnalysisJob(deps: ScoreDeps): JobDefinition<'score-analysis'> {
  // Failures leave as a code and a fixed message: they reach Redis, the stored analysis and the API.
  const run = withTextFreeErrors({ code: 'scoring_failed', message: 'scoring failed' }, async ({ analysisId }: JobPayload<'score-analysis'>, ctx: JobContext): Promise<JobResult<'score-analysis'>> => {
    const claimed = await analysisRepo.claimForScoring(deps.db, analysisId, ctx.maxAttempts);
    if (!claimed) {
      // Out of tries (earlier runs failed, stalled or were killed): fail it instead of running the poison again.
      if (await failExhaustedAnalysis(deps, analysisId, ctx.maxAttempts)) return { analysisId, status: 'failed' };
      // Already scored by an earlier run of this job (or deleted): make sure the next step is queued, then stop.
      const row = await analysisRepo.getById(deps.db, analysisId);
      if (row && nextAnalysisJob(row.status) === 'advise-analysis') {
        await deps.queue.enqueue('advise-analysis', { analysisId });
      }
      return { analysisId, status: 'skipped' };
    }
    await publishProgress(deps.bus, 'analysis', analysisId, 'scoring', analysisProgress.scoring);
    // "present" in the resume's dates is read as of the analysis's acceptance, so a rerun of this job stores the same years.
    const scoring = await deps.engine.analyse({ vacancyText: claimed.vacancyText, resumeText: claimed.resumeText, now: claimed.queuedAt.toISOString() });
    const saved = await analysisRepo.saveScoring(deps.db, analysisId, { score: scoring.score, verdict: scoring.verdict, scoring });
    if (!saved) return { analysisId, status: 'skipped' };
    await publishProgress(deps.bus, 'analysis', analysisId, 'scored', analysisProgress.scored);
    await deps.queue.enqueue('advise-analysis', { analysisId });
    return { analysisId, status: 'scored' };
  });
  return { run, onFinalFailure: ({ analysisId }, error) => failAnalysis(deps, analysisId, 'scoring', error) };
}
