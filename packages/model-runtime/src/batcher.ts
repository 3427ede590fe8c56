/**
 * Dynamic batching across concurrent callers: requests wait at most maxWaitMs to be grouped, are sorted by length so
 * a batch pads little, and the queue is bounded so overload is refused instead of growing memory without end.
 */
export class QueueFullError extends Error {
  readonly code = 'scorer_overloaded';
}

interface Request<T> {
  item: T;
  length: number;
  resolve: (v: number) => void;
  reject: (e: Error) => void;
}

export interface BatcherOptions {
  maxBatch: number;
  /** Most tokens (batch × padded length) in one run, so long inputs make smaller batches. */
  maxTokens: number;
  maxWaitMs: number;
  maxQueue: number;
  /** Batches in flight at once (one per inference lane). */
  concurrency: number;
}

export class Batcher<T> {
  private pending: Request<T>[] = [];
  /** Batches already cut from a length-sorted window, waiting for a free lane. */
  private ready: Request<T>[][] = [];
  private inflight = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly opts: BatcherOptions;

  constructor(
    private readonly run: (items: T[], paddedLength: number) => Promise<Float32Array>,
    private readonly lengthOf: (item: T) => number,
    opts: Omit<BatcherOptions, 'concurrency'> & { concurrency?: number },
  ) {
    this.opts = { ...opts, concurrency: Math.max(1, opts.concurrency ?? 1) };
  }

  get queued(): number {
    return this.pending.length + this.ready.reduce((n, b) => n + b.length, 0);
  }

  submit(item: T): Promise<number> {
    if (this.closed) return Promise.reject(new Error('the model runtime is closed'));
    if (this.queued >= this.opts.maxQueue) return Promise.reject(new QueueFullError('the scorer queue is full'));
    return new Promise<number>((resolve, reject) => {
      this.pending.push({ item, length: this.lengthOf(item), resolve, reject });
      this.schedule();
    });
  }

  /** Submits many at once: they are batched together without waiting for the timer. */
  submitMany(items: T[]): Promise<number[]> {
    if (this.closed) return Promise.reject(new Error('the model runtime is closed'));
    const queued = this.queued;
    if (queued + items.length > this.opts.maxQueue && queued > 0) {
      return Promise.reject(new QueueFullError('the scorer queue is full'));
    }
    const all = items.map(
      (item) => new Promise<number>((resolve, reject) => this.pending.push({ item, length: this.lengthOf(item), resolve, reject })),
    );
    this.schedule(true);
    return Promise.all(all);
  }

  private schedule(now = false): void {
    if (this.inflight >= this.opts.concurrency) return; // a finishing batch pumps again
    if (now || this.inflight > 0 || this.pending.length >= this.opts.maxBatch) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.pump();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, this.opts.maxWaitMs);
    }
  }

  /** The next batch: take a window of the oldest requests, sort it by length and cut it into batches. */
  private nextBatch(): Request<T>[] | undefined {
    if (this.ready.length === 0 && this.pending.length > 0) {
      const window = this.pending.splice(0, this.opts.maxBatch * 8).sort((x, y) => x.length - y.length);
      while (window.length > 0) {
        const batch: Request<T>[] = [];
        while (window.length > 0 && batch.length < this.opts.maxBatch) {
          const next = window[0]!;
          if (batch.length > 0 && next.length * (batch.length + 1) > this.opts.maxTokens) break;
          batch.push(window.shift()!);
        }
        this.ready.push(batch);
      }
    }
    return this.ready.shift();
  }

  /** Starts batches while a lane is free and work is waiting. */
  private pump(): void {
    while (this.inflight < this.opts.concurrency && !this.closed) {
      const batch = this.nextBatch();
      if (!batch) return;
      this.inflight++;
      const padded = batch[batch.length - 1]!.length;
      let started: Promise<Float32Array>;
      try {
        started = this.run(
          batch.map((r) => r.item),
          padded,
        );
      } catch (err) {
        started = Promise.reject(err as Error);
      }
      started
        .then(
          (out) => batch.forEach((r, i) => r.resolve(out[i]!)),
          (err: Error) => batch.forEach((r) => r.reject(err)),
        )
        .finally(() => {
          this.inflight--;
          this.pump();
        });
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const waiting = [...this.ready.flat(), ...this.pending];
    this.ready = [];
    this.pending = [];
    for (const r of waiting) r.reject(new Error('the model runtime is closed'));
  }
}
