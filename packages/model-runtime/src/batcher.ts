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
}

export class Batcher<T> {
  private pending: Request<T>[] = [];
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly run: (items: T[], paddedLength: number) => Promise<Float32Array>,
    private readonly lengthOf: (item: T) => number,
    private readonly opts: BatcherOptions,
  ) {}

  get queued(): number {
    return this.pending.length;
  }

  submit(item: T): Promise<number> {
    if (this.closed) return Promise.reject(new Error('the model runtime is closed'));
    if (this.pending.length >= this.opts.maxQueue) return Promise.reject(new QueueFullError('the scorer queue is full'));
    return new Promise<number>((resolve, reject) => {
      this.pending.push({ item, length: this.lengthOf(item), resolve, reject });
      this.schedule();
    });
  }

  /** Submits many at once: they are batched together without waiting for the timer. */
  submitMany(items: T[]): Promise<number[]> {
    if (this.pending.length + items.length > this.opts.maxQueue && this.pending.length > 0) {
      return Promise.reject(new QueueFullError('the scorer queue is full'));
    }
    const all = items.map(
      (item) => new Promise<number>((resolve, reject) => this.pending.push({ item, length: this.lengthOf(item), resolve, reject })),
    );
    this.schedule(true);
    return Promise.all(all);
  }

  private schedule(now = false): void {
    if (this.running) return;
    if (now || this.pending.length >= this.opts.maxBatch) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      void this.drain();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.drain();
      }, this.opts.maxWaitMs);
    }
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending.length > 0) {
        // Take a window of the oldest requests, sort it by length and cut it into batches.
        const window = this.pending.splice(0, this.opts.maxBatch * 8).sort((x, y) => x.length - y.length);
        while (window.length > 0) {
          const batch: Request<T>[] = [];
          while (window.length > 0 && batch.length < this.opts.maxBatch) {
            const next = window[0]!;
            if (batch.length > 0 && next.length * (batch.length + 1) > this.opts.maxTokens) break;
            batch.push(window.shift()!);
          }
          const padded = batch[batch.length - 1]!.length;
          try {
            const out = await this.run(
              batch.map((r) => r.item),
              padded,
            );
            batch.forEach((r, i) => r.resolve(out[i]!));
          } catch (err) {
            batch.forEach((r) => r.reject(err as Error));
          }
        }
      }
    } finally {
      this.running = false;
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const r of this.pending.splice(0)) r.reject(new Error('the model runtime is closed'));
  }
}
