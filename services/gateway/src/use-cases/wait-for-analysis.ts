/** Waiting for an analysis to finish, as the original product's relevancy route answered synchronously. */
import { isFinished } from '@rc/contracts';
import { analysisRepo, type AnalysisView } from '@rc/db';
import type { UseCaseDeps } from './context.ts';

/** Resolves with the analysis once it is done or failed, or with its latest state when the time runs out. */
export async function waitForAnalysis(deps: UseCaseDeps, ownerId: string, id: string, timeoutMs: number, signal?: AbortSignal): Promise<AnalysisView | null> {
  const deadline = Date.now() + timeoutMs;
  let wake: (() => void) | null = null;
  const unsubscribe = deps.bus.subscribe(id, (e) => {
    if (isFinished(e.status)) wake?.();
  });
  try {
    for (;;) {
      const row = await analysisRepo.get(deps.db, ownerId, id);
      if (!row || isFinished(row.status) || Date.now() >= deadline || signal?.aborted) return row;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(500, Math.max(0, deadline - Date.now())));
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  } finally {
    unsubscribe();
  }
}
