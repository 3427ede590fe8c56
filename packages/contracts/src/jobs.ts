/**
 * Every job that travels between the services, keyed by name: its payload and its result. Payloads carry ids,
 * never resume or vacancy text, so no personal data sits in Redis.
 */
import { z } from 'zod';

const id = z.string().uuid();

export const jobCatalog = {
  'score-analysis': {
    queue: 'scoring',
    payload: z.object({ analysisId: id }),
    result: z.object({ analysisId: id, status: z.enum(['scored', 'skipped', 'failed']) }),
  },
  'advise-analysis': {
    queue: 'advice',
    payload: z.object({ analysisId: id }),
    result: z.object({ analysisId: id, status: z.enum(['done', 'skipped', 'failed']) }),
  },
  'rank': {
    queue: 'scoring',
    payload: z.object({ rankingId: id }),
    result: z.object({ rankingId: id, status: z.enum(['done', 'skipped', 'failed']) }),
  },
} as const;

export type JobCatalog = typeof jobCatalog;
export type JobName = keyof JobCatalog;
export type JobPayload<N extends JobName> = z.infer<JobCatalog[N]['payload']>;
export type JobResult<N extends JobName> = z.infer<JobCatalog[N]['result']>;
export type QueueName = JobCatalog[JobName]['queue'];

export const jobNames = Object.keys(jobCatalog) as JobName[];

export function jobsOfQueue(queue: QueueName): JobName[] {
  return jobNames.filter((n) => jobCatalog[n].queue === queue);
}

/** Deterministic job ids make enqueueing idempotent: the same analysis is never scored by two live jobs. */
export function jobIdFor<N extends JobName>(name: N, payload: JobPayload<N>): string {
  const key = 'analysisId' in payload ? payload.analysisId : (payload as { rankingId: string }).rankingId;
  return `${name}.${key}`;
}

export class UnknownJobError extends Error {
  constructor(name: string) {
    super(`Unknown job name: ${name}`);
  }
}

export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  const entry = jobCatalog[name];
  if (!entry) throw new UnknownJobError(String(name));
  return entry.payload.parse(data) as JobPayload<N>;
}

/** Progress of an analysis or ranking, published as it moves, and streamed to clients over SSE. */
export const progressEventSchema = z.object({
  kind: z.enum(['analysis', 'ranking']),
  id,
  status: z.string(),
  progress: z.number().min(0).max(1),
  message: z.string().optional(),
  at: z.string(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;
