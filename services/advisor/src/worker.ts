/** Starts the advisor: registers its job handler on the `advice` queue and marks analyses whose advice finally fails. */
import { analysisRepo, type Database } from '@rc/db';
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
    handlers: { 'advise-analysis': adviseAnalysisJob(deps) },
    onFinalFailure: async ({ payload, error }) => {
      const id = (payload as { analysisId: string }).analysisId;
      await analysisRepo.markFailed(deps.db, id, { code: (error as { code?: string }).code ?? 'advice_failed', message: error.message });
      await deps.bus.publish({ kind: 'analysis', id, status: 'failed', progress: 1, message: error.message, at: new Date().toISOString() });
    },
  });
}
