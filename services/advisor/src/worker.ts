/** Starts the advisor: registers its job handler on the `advice` queue and marks analyses whose advice finally fails. */
import { analysisRepo, type Database } from '@rc/db';
import type { AdviceWriter } from '@rc/llm';
import { finalError, publishProgress, type JobQueue, type ProgressBus } from '@rc/queue';
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
    handlers: { 'advise-analysis': adviseAnalysisJob(deps) },
    onFinalFailure: async ({ payload, error }) => {
      const id = (payload as { analysisId: string }).analysisId;
      const stored = finalError(error, 'advice');
      await analysisRepo.markFailed(deps.db, id, stored);
      await publishProgress(deps.bus, 'analysis', id, 'failed', 1, stored.message);
    },
  });
}
