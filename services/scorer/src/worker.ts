/** Starts the scorer: registers its job handlers on the `scoring` queue and marks jobs that finally fail. */
import { analysisRepo, rankingRepo, type Database } from '@rc/db';
import { finalError, publishProgress, type JobQueue, type ProgressBus } from '@rc/queue';
import type { ScoringEngine } from './engine.ts';
import { rankJob } from './jobs/rank.ts';
import { scoreAnalysisJob } from './jobs/score-analysis.ts';

export interface ScorerDeps {
  db: Database;
  queue: JobQueue;
  bus: ProgressBus;
  engine: ScoringEngine;
  concurrency: number;
  /** See RankDeps.shortlistSize. */
  shortlistSize?: number;
}

export async function startScorer(deps: ScorerDeps): Promise<void> {
  await deps.queue.work({
    queue: 'scoring',
    concurrency: deps.concurrency,
    handlers: {
      'score-analysis': scoreAnalysisJob(deps),
      rank: rankJob(deps),
    },
    onFinalFailure: async ({ name, payload, error }) => {
      const stored = finalError(error, name === 'rank' ? 'ranking' : 'scoring');
      if (name === 'score-analysis') {
        const id = (payload as { analysisId: string }).analysisId;
        await analysisRepo.markFailed(deps.db, id, stored);
        await publishProgress(deps.bus, 'analysis', id, 'failed', 1, stored.message);
      } else if (name === 'rank') {
        const id = (payload as { rankingId: string }).rankingId;
        await rankingRepo.markFailed(deps.db, id, stored);
        await publishProgress(deps.bus, 'ranking', id, 'failed', 1, stored.message);
      }
    },
  });
}
