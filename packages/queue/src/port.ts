/**
 * The job queue port. Two adapters implement it, BullMQ on Redis and an in-process queue, with the same handlers,
 * the same retry defaults and the same idempotency rule (one live job per deterministic job id).
 */
import type { JobCatalog, JobName, JobPayload, JobResult, QueueName } from '@rc/contracts';

export interface JobContext {
  jobId: string;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  maxAttempts: number;
  /**
   * Aborted when the worker is shutting down. A handler in a long wait (an LLM call) stops, puts its claim back and
   * throws JobInterruptedError: the queue hands the job back for another worker, without counting a failure.
   */
  signal: AbortSignal;
}

export type Handler<N extends JobName> = (payload: JobPayload<N>, ctx: JobContext) => Promise<JobResult<N>>;

/**
 * A job: its work and what happens once it finally fails, side by side (one file per job in each service). The
 * payload is the job catalog's, parsed before either is called.
 */
export interface JobDefinition<N extends JobName> {
  run: Handler<N>;
  /** Called once the job will not be retried again (attempts spent or a permanent error): store the failure. */
  onFinalFailure(payload: JobPayload<N>, error: Error): Promise<void>;
}

/** The jobs a worker of `Q` must provide: a missing one is a compile error. */
export type JobsFor<Q extends QueueName> = {
  [N in JobName as JobCatalog[N]['queue'] extends Q ? N : never]: JobDefinition<N>;
};

export interface WorkOptions<Q extends QueueName> {
  queue: Q;
  jobs: JobsFor<Q>;
  concurrency: number;
}

export interface QueueDepth {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface EnqueueOptions {
  /** When a finished (completed or failed) job with the same id is still remembered, replace it. */
  replaceFinished?: boolean;
}

export interface JobQueue {
  readonly kind: 'bullmq' | 'in-process';
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>, opts?: EnqueueOptions): Promise<void>;
  work<Q extends QueueName>(opts: WorkOptions<Q>): Promise<void>;
  depth(queue: QueueName): Promise<QueueDepth>;
  ping(): Promise<void>;
  /**
   * True when this process may run the chore `name` now: at most one process of the deployment gets it until ttlMs
   * have passed (a Redis key set if absent; always true in-process, where there is only this one).
   */
  tryLease(name: string, ttlMs: number): Promise<boolean>;
  /** Stops taking jobs, waits for running ones, closes connections. */
  close(): Promise<void>;
}

/** Input that can never succeed: the job fails at once, without retries. */
export class PermanentJobError extends Error {
  constructor(
    message: string,
    readonly code: string = 'permanent_error',
  ) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** Thrown by a handler that stopped because its worker is shutting down; the job is handed back, not failed. */
export class JobInterruptedError extends Error {
  constructor(message = 'the worker is shutting down; the job is handed back') {
    super(message);
    this.name = 'JobInterruptedError';
  }
}

export const RETRY_DEFAULTS = {
  /** JOB_MAX_ATTEMPTS's default; the services pass the configured value. */
  attempts: 3,
  backoffMs: 1_000,
  /** Completed and failed jobs kept for inspection; older ones are removed so Redis does not grow forever. */
  keepCompleted: { count: 1_000, age: 24 * 3600 },
  keepFailed: { count: 5_000, age: 7 * 24 * 3600 },
} as const;

export function backoffDelay(attempt: number, base: number = RETRY_DEFAULTS.backoffMs): number {
  return base * 2 ** Math.max(0, attempt - 1);
}

/**
 * What a finally failed job stores and shows as its error. Only our own errors keep their message (a permanent
 * error's reason, a stall); any other exception's message may quote the resume or the vacancy (a driver error
 * carries the query's parameters), so it is replaced by a fixed text and a code.
 */
export function finalError(error: Error, step: 'scoring' | 'advice' | 'ranking'): { code: string; message: string } {
  const own = error as { code?: unknown; name?: string; permanent?: boolean };
  // JobFailure (text-free.ts): a fixed message of ours naming only the error's kind, e.g. a SQLSTATE.
  const ours = error instanceof PermanentJobError || own.permanent === true || own.name === 'StalledJobError' || own.name === 'JobFailure';
  if (ours && typeof own.code === 'string') return { code: own.code, message: error.message.slice(0, 300) };
  return { code: `${step}_failed`, message: `the ${step} step failed on every attempt` };
}
