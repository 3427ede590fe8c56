/**
 * Enqueues the first job of a row just stored as queued. If the queue is away the row stays queued and the recovery
 * loop enqueues it later: the request is still accepted, and nothing accepted is lost.
 */
import type { JobName, JobPayload } from '@rc/contracts';
import type { UseCaseDeps, UseCaseLog } from './context.ts';

export async function enqueueOrLeaveToRecovery<N extends JobName>(deps: Pick<UseCaseDeps, 'queue'>, log: UseCaseLog, name: N, payload: JobPayload<N>): Promise<void> {
  try {
    await deps.queue.enqueue(name, payload);
  } catch (err) {
    log.warn({ err: (err as Error).message, ...payload }, 'enqueue failed; the recovery loop will enqueue it');
  }
}
