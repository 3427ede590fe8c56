/**
 * Inference lanes: each lane is a worker thread holding its own onnxruntime session. Scoring then never blocks the
 * event loop (the gateway shares the process in embedded mode), and the cores are split between lanes instead of
 * spreading one small pair over all of them: on two cores two one-thread lanes score about 5 % more pairs per second
 * than one two-thread session, and on many cores the gap grows, because a 256-token pair is too small a piece of work
 * to keep many threads busy.
 *
 * A lane that dies fails only the work it held, and is started again for the next.
 */
import { Worker } from 'node:worker_threads';
import type { InferenceSession } from 'onnxruntime-node';

export interface LanesOptions {
  lanes: number;
  threadsPerLane: number;
  device: 'cpu' | 'cuda';
}

/** The onnxruntime options of a lane's session (the benchmark's bare onnxruntime rows use the same). */
export function laneSessionOptions(device: 'cpu' | 'cuda', threads: number): InferenceSession.SessionOptions {
  return {
    executionProviders: device === 'cuda' ? ['cuda', 'cpu'] : ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  };
}

export interface Feed {
  name: string;
  data: BigInt64Array;
  dims: number[];
}

interface Pending {
  resolve: (v: Float32Array) => void;
  reject: (e: Error) => void;
}

interface Lane {
  worker: Worker;
  inflight: Map<number, Pending>;
  dead: boolean;
}

const WORKER = new URL('./ort-lane.worker.mjs', import.meta.url);

export class LaneError extends Error {
  readonly code = 'scorer_lane_failed';
}

export class OrtLanes {
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly file: string,
    private readonly opts: LanesOptions,
    private readonly lanes: Lane[],
    readonly inputNames: readonly string[],
  ) {}

  static async create(file: string, opts: LanesOptions): Promise<OrtLanes> {
    const started = await Promise.allSettled(Array.from({ length: Math.max(1, opts.lanes) }, () => OrtLanes.start(file, opts)));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    const ok = started.filter((s): s is PromiseFulfilledResult<{ lane: Lane; inputNames: string[] }> => s.status === 'fulfilled');
    if (failed) {
      await Promise.all(ok.map((s) => s.value.lane.worker.terminate()));
      throw failed.reason as Error;
    }
    const lanes = new OrtLanes(file, opts, [], ok[0]!.value.inputNames);
    for (const s of ok) lanes.adopt(s.value.lane);
    return lanes;
  }

  private static start(file: string, opts: LanesOptions): Promise<{ lane: Lane; inputNames: string[] }> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: { file, sessionOptions: laneSessionOptions(opts.device, opts.threadsPerLane) } });
      const fail = (err: Error) => {
        worker.off('message', onReady);
        void worker.terminate();
        reject(err);
      };
      const onReady = (m: { ready?: boolean; error?: string; inputNames?: string[] }) => {
        if (m.ready === undefined) return;
        worker.off('error', fail);
        worker.off('exit', onExit);
        if (!m.ready) return fail(new Error(`onnxruntime could not load ${file}: ${m.error}`));
        worker.off('message', onReady);
        resolve({ lane: { worker, inflight: new Map(), dead: false }, inputNames: m.inputNames! });
      };
      const onExit = (code: number) => reject(new Error(`an inference lane exited with code ${code} while loading ${file}`));
      worker.on('message', onReady);
      worker.once('error', fail);
      worker.once('exit', onExit);
    });
  }

  /** Wires a started lane: results to their callers; a crash fails what it held and starts a replacement. */
  private adopt(lane: Lane): void {
    this.lanes.push(lane);
    lane.worker.unref(); // an idle lane does not keep the process alive; a busy one is ref'd in run()
    lane.worker.on('message', (m: { id: number; data?: Float32Array; error?: string }) => {
      const p = lane.inflight.get(m.id);
      if (!p) return;
      lane.inflight.delete(m.id);
      if (lane.inflight.size === 0) lane.worker.unref();
      if (m.error !== undefined) p.reject(new LaneError(`inference failed: ${m.error}`));
      else p.resolve(m.data!);
    });
    const died = (why: string) => {
      if (lane.dead) return;
      lane.dead = true;
      this.lanes.splice(this.lanes.indexOf(lane), 1);
      for (const p of lane.inflight.values()) p.reject(new LaneError(`an inference lane stopped: ${why}`));
      lane.inflight.clear();
      if (this.closed) return;
      OrtLanes.start(this.file, this.opts).then(
        (s) => (this.closed ? void s.lane.worker.terminate() : this.adopt(s.lane)),
        () => undefined, // the next run() finds fewer lanes; with none left it says so
      );
    };
    lane.worker.on('error', (err) => died(err.message));
    lane.worker.on('exit', (code) => died(`exit code ${code}`));
  }

  get size(): number {
    return this.lanes.length;
  }

  /** Runs one batch on the least busy lane; resolves with the first output's data. */
  run(feeds: Feed[]): Promise<Float32Array> {
    if (this.closed) return Promise.reject(new Error('the model runtime is closed'));
    const lane = this.lanes.reduce<Lane | undefined>((best, l) => (!best || l.inflight.size < best.inflight.size ? l : best), undefined);
    if (!lane) return Promise.reject(new LaneError('no inference lane is running'));
    const id = this.nextId++;
    return new Promise<Float32Array>((resolve, reject) => {
      lane.inflight.set(id, { resolve, reject });
      lane.worker.ref();
      lane.worker.postMessage(
        { id, feeds: feeds.map((f) => [f.name, 'int64', f.data, f.dims]) },
        feeds.map((f) => f.data.buffer as ArrayBuffer),
      );
    });
  }

  /**
   * Fails what is waiting, then closes each lane by message: a lane finishes the run it is in (tens of milliseconds)
   * and exits by itself. worker.terminate() during a run would abort the whole process (see ort-lane.worker.mjs), so
   * it is the last resort, for a lane that has not exited after CLOSE_GRACE_MS.
   */
  async close(): Promise<void> {
    this.closed = true;
    const lanes = this.lanes.splice(0);
    for (const lane of lanes) {
      lane.dead = true;
      for (const p of lane.inflight.values()) p.reject(new Error('the model runtime is closed'));
      lane.inflight.clear();
    }
    await Promise.all(lanes.map((l) => closeLane(l.worker)));
  }
}

/** How long a closing lane may take to finish its run and exit before it is terminated. */
const CLOSE_GRACE_MS = 30_000;

function closeLane(worker: Worker): Promise<void> {
  if (worker.threadId === -1) return Promise.resolve(); // already exited
  return new Promise((resolve) => {
    const timer = setTimeout(() => void worker.terminate().finally(resolve), CLOSE_GRACE_MS);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.ref(); // the caller awaits this exit
    worker.postMessage({ close: true });
  });
}
