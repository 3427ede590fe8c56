/** The in-process adapter: jobs run in this process through the same handlers; used when REDIS_URL is unset. */
import { jobCatalog, jobIdFor, parsePayload, type JobName, type JobPayload, type QueueName } from '@rc/contracts';
import {
  backoffDelay,
  JobInterruptedError,
  PermanentJobError,
  RETRY_DEFAULTS,
  type EnqueueOptions,
  type JobDefinition,
  type JobQueue,
  type QueueDepth,
  type WorkOptions,
} from './port.ts';

interface Pending {
  id: string;
  name: JobName;
  payload: unknown;
  attempt: number;
}

interface Lane {
  waiting: Pending[];
  active: number;
  delayed: number;
  failed: number;
  opts?: WorkOptions<QueueName>;
}

export interface InProcessQueueOptions {
  attempts?: number;
  backoffMs?: number;
  onError?: (err: Error, job: { id: string; name: string }) => void;
}

export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly lanes = new Map<QueueName, Lane>();
  /** Ids of jobs waiting, delayed or running: a second enqueue of the same id is ignored, as in BullMQ. */
  private readonly live = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;
  /** Aborted by close(): running handlers stop their long waits and put their claims back. */
  private readonly closing = new AbortController();
  private readonly attempts: number;
  private readonly backoffMs: number;

  constructor(private readonly options: InProcessQueueOptions = {}) {
    this.attempts = options.attempts ?? RETRY_DEFAULTS.attempts;
    this.backoffMs = options.backoffMs ?? RETRY_DEFAULTS.backoffMs;
  }

  private lane(q: QueueName): Lane {
    let lane = this.lanes.get(q);
    if (!lane) {
      lane = { waiting: [], active: 0, delayed: 0, failed: 0 };
      this.lanes.set(q, lane);
    }
    return lane;
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, _opts?: EnqueueOptions): Promise<void> {
    if (this.closed) throw new Error('queue is closed');
    const data = parsePayload(name, payload);
    const id = jobIdFor(name, data);
    if (this.live.has(id)) return;
    this.live.add(id);
    this.lane(jobCatalog[name].queue).waiting.push({ id, name, payload: data, attempt: 1 });
    this.pump(jobCatalog[name].queue);
  }

  async work<Q extends QueueName>(opts: WorkOptions<Q>): Promise<void> {
    this.lane(opts.queue).opts = opts as unknown as WorkOptions<QueueName>;
    this.pump(opts.queue);
  }

  private pump(q: QueueName): void {
    const lane = this.lane(q);
    const opts = lane.opts;
    if (!opts || this.closed) return;
    while (lane.active < opts.concurrency && lane.waiting.length > 0) {
      const job = lane.waiting.shift()!;
      lane.active += 1;
      const p = this.run(lane, opts, job).finally(() => {
        lane.active -= 1;
        this.running.delete(p);
        this.pump(q);
      });
      this.running.add(p);
    }
  }

  private async run(lane: Lane, opts: WorkOptions<QueueName>, job: Pending): Promise<void> {
    const definition = (opts.jobs as Record<string, JobDefinition<JobName>>)[job.name];
    try {
      if (!definition) throw new PermanentJobError(`no handler for ${job.name}`, 'unknown_job');
      await definition.run(job.payload as JobPayload<JobName>, { jobId: job.id, attempt: job.attempt, maxAttempts: this.attempts, signal: this.closing.signal });
      this.live.delete(job.id);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      if (this.closed && (err instanceof JobInterruptedError || err.name === 'AbortError')) {
        // Handed back: the row stays unfinished in the database, and recovery enqueues it when the product starts.
        this.live.delete(job.id);
        return;
      }
      this.options.onError?.(err, { id: job.id, name: job.name });
      const permanent = err instanceof PermanentJobError;
      if (!permanent && job.attempt < this.attempts && !this.closed) {
        lane.delayed += 1;
        const t = setTimeout(() => {
          this.timers.delete(t);
          lane.delayed -= 1;
          lane.waiting.push({ ...job, attempt: job.attempt + 1 });
          this.pump(jobCatalog[job.name].queue);
        }, backoffDelay(job.attempt, this.backoffMs));
        this.timers.add(t);
        return;
      }
      lane.failed += 1;
      this.live.delete(job.id);
      await definition
        ?.onFinalFailure(job.payload as JobPayload<JobName>, err)
        .catch((hookErr: Error) => this.options.onError?.(hookErr, { id: job.id, name: job.name }));
    }
  }

  async depth(queue: QueueName): Promise<QueueDepth> {
    const lane = this.lane(queue);
    return { waiting: lane.waiting.length, active: lane.active, delayed: lane.delayed, failed: lane.failed };
  }

  async ping(): Promise<void> {}

  async tryLease(_name: string, _ttlMs: number): Promise<boolean> {
    return true;
  }

  /** Waits for running jobs; waiting and delayed ones stay unfinished in the database and are recovered at start-up. */
  async close(): Promise<void> {
    this.closed = true;
    this.closing.abort();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  /** Resolves when nothing is waiting, delayed or running (for tests and the CLI). */
  async drain(pollMs = 10): Promise<void> {
    for (;;) {
      const busy = [...this.lanes.values()].some((l) => l.waiting.length || l.active || l.delayed);
      if (!busy) return;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
}
