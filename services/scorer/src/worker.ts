/** Starts the scorer: registers its jobs on the `scoring` queue. Each job, its final failure included, is one file in jobs/. */
import type { Database } from '@rc/db';
import type { JobQueue, ProgressBus } from '@rc/queue';
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
    jobs: {
      'score-analysis': scoreAnalysisJob(deps),
      rank: rankJob(deps),
    },
  });
}
