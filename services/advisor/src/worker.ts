/** Starts the advisor: registers its job on the `advice` queue. The job, its final failure included, is one file in jobs/. */
import type { Database } from '@rc/db';
import type { AdviceWriter } from '@rc/llm';
import type { JobQueue, ProgressBus } from '@rc/queue';
import { adviseAnalysisJob } from './jobs/advise-analysis.ts';

export interface AdvisorDeps {
  db: Database;
  queue: JobQueue;
  bus: ProgressBus;
  writer: AdviceWriter;
  concurrency: number;
}

export async function startAdvisor(deps: AdvisorDeps): Promise<void> {
  await deps.queue.work({
    queue: 'advice',
    concurrency: deps.concurrency,
    jobs: { 'advise-analysis': adviseAnalysisJob(deps) },
  });
}
