/**
 * A small pool of worker threads that run one module's functions, one call at a time each, under a hard deadline. A
 * call that runs past it has its worker terminated (a timer raced against a synchronous function would fire only after
 * the function returned), and a new worker takes the next call. The queue in front of the pool is bounded: when it is
 * full, a call is refused at once instead of waiting behind minutes of work.
 */
import { Worker, type TransferListItem } from 'node:worker_threads';

/** An error a worker's function threw with a `code`, as it crossed back to this thread. */
export interface ThrownError {
  name: string;
  code: string;
  message: string;
}

/** The errors a pool rejects with: each user of the pool gives its own, with its own codes and HTTP statuses. */
export interface DeadlinePoolErrors {
  /** The call ran past its deadline; its worker was terminated. */
  timeout(timeoutMs: number): Error;
  /** The workers and the queue are full. */
  busy(): Error;
  /** The call needed more heap than a worker may have; its worker died. */
  outOfMemory(): Error;
  /** An error with a code that the function threw, rebuilt here; undefined makes it a plain Error. */
  thrown?(error: ThrownError): Error | undefined;
}

export interface DeadlinePoolOptions {
  /** The module the workers load (a .ts or .js file URL); calls name one of its exported functions. */
  module: URL;
  /** What the pool does, in messages ("extraction", "text analysis"). */
  name: string;
  errors: DeadlinePoolErrors;
  /** Worker threads (default 2): calls run in parallel up to this many. */
  size?: number;
  /** Calls waiting for a worker beyond those running (default 8); more are refused with errors.busy(). */
  maxQueue?: number;
  /** Heap limit of each worker in MB (default 512): a call that needs more fails alone, not the process. */
  maxHeapMb?: number;
}

const SERVE = new URL('./serve.mjs', import.meta.url);

/**
 * The module `name` beside the calling module `base` (its import.meta.url), for a pool to load: `name.ts` while the
 * caller runs from its TypeScript source (tsx, vitest), `name.js` once it is compiled (`pnpm build`, the image).
 */
export function moduleBeside(name: string, base: string): URL {
  return new URL(`./${name}${/\.[cm]?ts$/.test(new URL(base).pathname) ? '.ts' : '.js'}`, base);
}

interface Task {
  fn: string;
  input: unknown;
  transfer: readonly TransferListItem[];
  timeoutMs: number;
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  taskId: number;
  timer: NodeJS.Timeout | undefined;
  gone: boolean;
  /** Settles when the worker is ready or has died. */
  started: Promise<void>;
}

type Reply =
  | { ready: true }
  | { id: number; result: unknown }
  | { id: number; error: ThrownError }
  | { id: number; failure: string };

export class DeadlinePool {
  readonly size: number;
  readonly maxQueue: number;
  private readonly maxHeapMb: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: DeadlinePoolOptions) {
    this.size = Math.max(1, options.size ?? 2);
    this.maxQueue = Math.max(0, options.maxQueue ?? 8);
    this.maxHeapMb = options.maxHeapMb ?? 512;
  }

  /** Calls running, calls waiting, and worker threads alive. */
  get stats(): { busy: number; queued: number; workers: number } {
    return { busy: this.slots.filter((s) => s.task).length, queued: this.queue.length, workers: this.slots.length };
  }

  /**
   * Runs the module's function `fn` on `input` in a worker and resolves with what it returned (plain data: it crosses
   * threads by structured clone). Past `timeoutMs` the worker is terminated and the call rejects with errors.timeout().
   * `transfer` lists buffers of `input` that move to the worker instead of being copied (they are unusable here after).
   */
  run<R>(fn: string, input: unknown, opts: { timeoutMs: number; transfer?: readonly TransferListItem[] }): Promise<R> {
    if (this.closed) return Promise.reject(this.closedError());
    const { busy, queued } = this.stats;
    if (busy + queued >= this.size + this.maxQueue) return Promise.reject(this.options.errors.busy());
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ fn, input, transfer: opts.transfer ?? [], timeoutMs: opts.timeoutMs, resolve: resolve as (r: unknown) => void, reject });
      this.pump();
    });
  }

  /** Starts the workers now rather than on the first call (they then sit idle without holding the process open). */
  async warm(): Promise<void> {
    if (this.closed) return;
    while (this.slots.length < this.size) this.spawn();
    await Promise.all(this.slots.map((s) => s.started));
  }

  /** Stops every worker; calls running or waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(this.closedError());
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.gone = true;
        clearTimeout(slot.timer);
        slot.task?.reject(this.closedError());
        return slot.worker.terminate();
      }),
    );
  }

  private closedError(): Error {
    return new Error(`the ${this.options.name} pool is closed`);
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => s.ready && !s.task);
      if (!slot) break;
      this.dispatch(slot, this.queue.shift()!);
    }
    const starting = this.slots.filter((s) => !s.ready).length;
    for (let n = starting; n < this.queue.length && this.slots.length < this.size; n++) this.spawn();
  }

  private dispatch(slot: Slot, task: Task): void {
    slot.task = task;
    slot.taskId = this.nextId++;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.retire(slot);
      task.reject(this.options.errors.timeout(task.timeoutMs));
    }, task.timeoutMs);
    slot.worker.postMessage({ id: slot.taskId, fn: task.fn, input: task.input }, [...task.transfer]);
  }

  /** Removes a slot and stops its thread; the next call gets a fresh worker. */
  private retire(slot: Slot): void {
    if (slot.gone) return;
    slot.gone = true;
    clearTimeout(slot.timer);
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    void slot.worker.terminate();
    if (!this.closed) this.pump();
  }

  private spawn(): void {
    const { errors, name } = this.options;
    const worker = new Worker(SERVE, { workerData: { module: this.options.module.href }, resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    let started!: () => void;
    const slot: Slot = { worker, ready: false, task: null, taskId: 0, timer: undefined, gone: false, started: new Promise<void>((r) => (started = r)) };
    this.slots.push(slot);
    worker.on('message', (m: Reply) => {
      if ('ready' in m) {
        slot.ready = true;
        started();
        if (!slot.task) worker.unref();
        this.pump();
        return;
      }
      const task = slot.task;
      if (!task || m.id !== slot.taskId || slot.gone) return;
      clearTimeout(slot.timer);
      slot.task = null;
      worker.unref();
      if ('result' in m) task.resolve(m.result);
      else if ('error' in m) task.reject(errors.thrown?.(m.error) ?? new Error(`${name} failed: ${m.error.message}`));
      else task.reject(new Error(`${name} failed: ${m.failure}`));
      this.pump();
    });
    const died = (why: Error) => {
      started();
      if (slot.gone) return;
      const task = slot.task;
      const startup = !slot.ready;
      this.retire(slot);
      if (task) {
        const memory = (why as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        task.reject(memory ? errors.outOfMemory() : new Error(`the ${name} worker stopped: ${why.message}`));
      } else if (startup) {
        // A worker that cannot start would be started again forever: the calls waiting for it are refused instead.
        for (const waiting of this.queue.splice(0)) waiting.reject(new Error(`the ${name} worker could not start: ${why.message}`));
      }
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`exit code ${code}`)));
  }
}
