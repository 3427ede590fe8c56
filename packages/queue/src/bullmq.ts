/** The BullMQ adapter: one BullMQ queue per QueueName on Redis, jobs named by JobName. */
import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { jobCatalog, jobIdFor, parsePayload, UnknownJobError, type JobName, type JobPayload, type QueueName } from '@rc/contracts';
import {
  JobInterruptedError,
  PermanentJobError,
  RETRY_DEFAULTS,
  type EnqueueOptions,
  type JobDefinition,
  type JobQueue,
  type QueueDepth,
  type WorkOptions,
} from './port.ts';

/** BullMQ's own messages for a job failed because it stalled or started too many times. */
const STALL_MESSAGES = new Set(['job stalled more than allowable limit']);

/** A job that stalled (its worker died or stopped renewing its lock) more often than it may. */
export class StalledJobError extends Error {
  readonly code = 'job_stalled';
  constructor(detail: string) {
    super(`the job stalled too many times (${detail}): its worker was killed or blocked`);
    this.name = 'StalledJobError';
  }
}

export interface BullQueueOptions {
  url: string;
  prefix: string;
  attempts?: number;
  backoffMs?: number;
  /** How long a worker's lock on a job lasts; a killed worker's job is taken over after about this long. */
  lockDurationMs?: number;
  onError?: (err: Error) => void;
}

export class BullJobQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly producerConnection: Redis;
  private readonly workerConnections: Redis[] = [];
  /** Aborted by close(): running handlers stop their long waits and hand their jobs back. */
  private readonly closing = new AbortController();

  constructor(private readonly opts: BullQueueOptions) {
    // The producer fails fast while Redis is away: the analysis is already stored as queued, and recovery enqueues it.
    this.producerConnection = new Redis(opts.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    this.producerConnection.on('error', (err) => opts.onError?.(err));
  }

  private queue(q: QueueName): Queue {
    let queue = this.queues.get(q);
    if (!queue) {
      queue = new Queue(q, {
        connection: this.producerConnection,
        prefix: this.opts.prefix,
        defaultJobOptions: {
          attempts: this.opts.attempts ?? RETRY_DEFAULTS.attempts,
          backoff: { type: 'exponential', delay: this.opts.backoffMs ?? RETRY_DEFAULTS.backoffMs },
          removeOnComplete: RETRY_DEFAULTS.keepCompleted,
          removeOnFail: RETRY_DEFAULTS.keepFailed,
        },
      });
      queue.on('error', (err) => this.opts.onError?.(err));
      this.queues.set(q, queue);
    }
    return queue;
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, opts: EnqueueOptions = {}): Promise<void> {
    const data = parsePayload(name, payload);
    const jobId = jobIdFor(name, data);
    const queue = this.queue(jobCatalog[name].queue);
    if (opts.replaceFinished) {
      const existing = await queue.getJob(jobId);
      if (existing) {
        const state = await existing.getState();
        if (state === 'completed' || state === 'failed') await existing.remove();
        else return;
      }
    }
    await queue.add(name, data, { jobId });
  }

  async work<Q extends QueueName>(opts: WorkOptions<Q>): Promise<void> {
    const connection = new Redis(this.opts.url, { maxRetriesPerRequest: null });
    connection.on('error', (err) => this.opts.onError?.(err));
    this.workerConnections.push(connection);
    const jobs = opts.jobs as Record<string, JobDefinition<JobName>>;
    const maxAttempts = this.opts.attempts ?? RETRY_DEFAULTS.attempts;
    const worker = new Worker(
      opts.queue,
      async (job: Job, token?: string) => {
        const definition = jobs[job.name];
        if (!definition) throw new UnrecoverableError(new UnknownJobError(job.name).message);
        let payload: JobPayload<JobName>;
        try {
          payload = parsePayload(job.name as JobName, job.data);
        } catch (err) {
          throw new UnrecoverableError(`invalid payload for ${job.name}: ${(err as Error).message}`);
        }
        try {
          return await definition.run(payload, { jobId: job.id ?? '', attempt: job.attemptsMade + 1, maxAttempts, signal: this.closing.signal });
        } catch (err) {
          if (err instanceof JobInterruptedError || (this.closing.signal.aborted && (err as Error).name === 'AbortError')) {
            // Handed back now, not after the lock expires, and without counting an attempt: delayed a moment so the
            // next worker (not this closing one) takes it. The DelayedError tells BullMQ the job has moved.
            await job.moveToDelayed(Date.now() + (this.opts.backoffMs ?? RETRY_DEFAULTS.backoffMs), token);
            throw new DelayedError();
          }
          // BullMQ fails an UnrecoverableError at once; it keeps the permanent error's name and code for finalError.
          if (err instanceof PermanentJobError) throw Object.assign(new UnrecoverableError(err.message), { code: err.code, permanent: true });
          throw err;
        }
      },
      {
        connection,
        prefix: this.opts.prefix,
        concurrency: opts.concurrency,
        lockDuration: this.opts.lockDurationMs ?? 30_000,
        // A job that kills or blocks its worker throws nothing, so `attempts` never counts it: it stalls instead, and
        // BullMQ delivers it again. Stalls are bounded by the same number of tries; past them BullMQ fails the job
        // as unrecoverable on its next delivery, which reaches the 'failed' handler below (onFinalFailure). Starts
        // are not capped here: a job handed back at shutdown starts again without having failed.
        maxStalledCount: Math.max(0, maxAttempts - 1),
        stalledInterval: Math.max(1_000, Math.floor((this.opts.lockDurationMs ?? 30_000) / 2)),
        removeOnComplete: RETRY_DEFAULTS.keepCompleted,
        removeOnFail: RETRY_DEFAULTS.keepFailed,
      },
    );
    worker.on('error', (err) => this.opts.onError?.(err));
    worker.on('failed', (job, err) => {
      const definition = job && jobs[job.name];
      if (!job || !definition) return;
      const attempts = job.opts.attempts ?? 1;
      const final = err.name === 'UnrecoverableError' || job.attemptsMade >= attempts;
      if (!final) return;
      // A payload that breaks its contract names no row to mark failed.
      const payload = jobCatalog[job.name as JobName].payload.safeParse(job.data);
      if (!payload.success) return;
      const error = STALL_MESSAGES.has(err.message) ? new StalledJobError(err.message) : err;
      definition.onFinalFailure(payload.data as JobPayload<JobName>, error).catch((e: Error) => this.opts.onError?.(e));
    });
    this.workers.push(worker);
    await worker.waitUntilReady();
  }

  async depth(q: QueueName): Promise<QueueDepth> {
    const c = await this.queue(q).getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
    return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
  }

  async ping(): Promise<void> {
    await this.producerConnection.ping();
  }

  async tryLease(name: string, ttlMs: number): Promise<boolean> {
    const taken = await this.producerConnection.set(`${this.opts.prefix}:lease:${name}`, randomUUID(), 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
    return taken === 'OK';
  }

  async close(): Promise<void> {
    this.closing.abort();
    await Promise.allSettled(this.workers.map((w) => w.close()));
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    for (const c of [this.producerConnection, ...this.workerConnections]) c.disconnect();
  }

  /** Removes every key of this prefix's queues (tests only). */
  async obliterate(): Promise<void> {
    for (const q of ['scoring', 'advice'] as QueueName[]) await this.queue(q).obliterate({ force: true });
  }
}
