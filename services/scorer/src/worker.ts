/** Starts the scorer: registers its jobs on the `scoring` queue. Each job, its final failure included, is one file in jobs/. */
import type { Database } from '@rc/db';
import type { JobQueue, ProgressBus } from '@rc/queue';
import type { ScoringEngine } from './engine.ts';
import { rankJob } from './jobs/rank.ts';
import { scoreAnalysisJob } from './jobs/score-analysis.ts';
import { startPostingReader, type PostingReader } from './posting-reader.ts';

export interface ScorerDeps {
  db: Database;
  queue: JobQueue;
  bus: ProgressBus;
  engine: ScoringEngine;
  concurrency: number;
  /** See RankDeps.shortlistSize. */
  shortlistSize?: number;
  log?: { warn(obj: object, msg: string): void };
}

export interface Scorer {
  /** The background reader of saved postings. */
  reader: PostingReader;
  /** Stops the posting reader (the queue's workers stop with the queue). */
  stop(): Promise<void>;
}

export async function startScorer(deps: ScorerDeps): Promise<Scorer> {
  await deps.queue.work({
    queue: 'scoring',
    concurrency: deps.concurrency,
    jobs: {
      'score-analysis': scoreAnalysisJob(deps),
      rank: rankJob(deps),
    },
  });
  const reader = startPostingReader(deps);
  return { reader, stop: () => reader.stop() };
}
