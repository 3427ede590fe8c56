/**
 * Extraction off the event loop: a small pool of worker threads parses files one at a time each, under a hard
 * deadline. A file that runs past it has its worker terminated (a timer raced against a synchronous parse would fire
 * only after the parse), and a new worker takes the next file. The queue in front of the pool is bounded: when it is
 * full, a file is refused at once with 503 instead of waiting behind minutes of parsing.
 */
import { Worker } from 'node:worker_threads';
import { EXTRACTION_DEFAULTS, ExtractionError, type ExtractedText, type ExtractionErrorCode, type ExtractTextInput } from './types.ts';

export interface ExtractionPoolOptions {
  /** Worker threads (default 2): files are parsed in parallel up to this many. */
  size?: number;
  /** Files waiting for a worker beyond those being parsed (default 8); more are refused with extraction_busy. */
  maxQueue?: number;
  /** Heap limit of each worker in MB (default 512): a file that needs more fails alone, not the process. */
  maxHeapMb?: number;
}

const WORKER = new URL('./extract.worker.mjs', import.meta.url);

interface Task {
  input: Omit<ExtractTextInput, 'data'> & { data: ArrayBuffer };
  timeoutMs: number;
  resolve: (r: ExtractedText) => void;
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
  | { id: number; result: ExtractedText }
  | { id: number; error: { code: ExtractionErrorCode; message: string } }
  | { id: number; failure: string };

export class ExtractionPool {
  readonly size: number;
  readonly maxQueue: number;
  private readonly maxHeapMb: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: ExtractionPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 2);
    this.maxQueue = Math.max(0, options.maxQueue ?? 8);
    this.maxHeapMb = options.maxHeapMb ?? 512;
  }

  /** Files being parsed, files waiting, and worker threads alive. */
  get stats(): { busy: number; queued: number; workers: number } {
    return { busy: this.slots.filter((s) => s.task).length, queued: this.queue.length, workers: this.slots.length };
  }

  /** Extracts a file's text in a worker; rejects with ExtractionError (extraction_timeout past the deadline). */
  extract(input: ExtractTextInput): Promise<ExtractedText> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    if (input.data.length === 0) return Promise.reject(new ExtractionError('empty_file', 'The file is empty.'));
    const { busy, queued } = this.stats;
    if (busy + queued >= this.size + this.maxQueue) {
      return Promise.reject(new ExtractionError('extraction_busy', 'Too many files are being read right now; try again in a few seconds.'));
    }
    // The worker gets its own copy of the bytes, moved rather than copied again on the way.
    const data = new Uint8Array(input.data.length);
    data.set(input.data);
    return new Promise<ExtractedText>((resolve, reject) => {
      this.queue.push({
        input: { ...input, data: data.buffer },
        timeoutMs: input.timeoutMs ?? EXTRACTION_DEFAULTS.timeoutMs,
        resolve,
        reject,
      });
      this.pump();
    });
  }

  /** Starts the workers now rather than on the first file (they then sit idle without holding the process open). */
  async warm(): Promise<void> {
    while (this.slots.length < this.size) this.spawn();
    await Promise.all(this.slots.map((s) => s.started));
  }

  /** Stops every worker; files being parsed or waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const closedError = () => new Error('the extraction pool is closed');
    for (const task of this.queue.splice(0)) task.reject(closedError());
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.gone = true;
        clearTimeout(slot.timer);
        slot.task?.reject(closedError());
        return slot.worker.terminate();
      }),
    );
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
      task.reject(new ExtractionError('extraction_timeout', `Reading the file took longer than ${task.timeoutMs} ms; it was stopped.`));
    }, task.timeoutMs);
    slot.worker.postMessage({ id: slot.taskId, input: task.input }, [task.input.data]);
  }

  /** Removes a slot and stops its thread; the next file gets a fresh worker. */
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
    const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
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
      else if ('error' in m) task.reject(new ExtractionError(m.error.code, m.error.message));
      else task.reject(new Error(`extraction failed: ${m.failure}`));
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
        task.reject(
          memory
            ? new ExtractionError('file_unreadable', 'The file needs more memory to read than is allowed.')
            : new Error(`the extraction worker stopped: ${why.message}`),
        );
      } else if (startup) {
        // A worker that cannot start would be started again forever: the files waiting for it are refused instead.
        for (const waiting of this.queue.splice(0)) waiting.reject(new Error(`the extraction worker could not start: ${why.message}`));
      }
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`exit code ${code}`)));
  }
}

let shared: ExtractionPool | undefined;

/** The process's pool, started on first use with the default size. */
export function sharedExtractionPool(): ExtractionPool {
  shared ??= new ExtractionPool();
  return shared;
}

/** Extracts a file's text in the shared pool's workers, under its deadline. Throws ExtractionError. */
export function extractText(input: ExtractTextInput): Promise<ExtractedText> {
  return sharedExtractionPool().extract(input);
}
