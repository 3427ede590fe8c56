// One inference lane: an onnxruntime session in a worker thread, so that scoring never blocks the event loop and
// several lanes can run side by side on a machine with cores to spare. Plain JavaScript: worker threads load it
// directly under tsx, vitest and node alike. Protocol (see ort-lanes.ts):
//   in:  { id, feeds: [[name, 'int64', BigInt64Array, dims], ...] }      out: { id, data: Float32Array } | { id, error }
//   in:  { close: true }: finish the runs already started, release the session, exit
//   at start: { ready: true, inputNames } | { ready: false, error }
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';

const { file, sessionOptions } = workerData; // sessionOptions: laneSessionOptions() in ort-lanes.ts

async function start() {
  const session = await ort.InferenceSession.create(file, sessionOptions);
  // Warm-up: the first run allocates and prepares kernels; do it before the lane takes work.
  const n = 8;
  const ids = new BigInt64Array(n).fill(5n);
  const warm = {};
  for (const name of session.inputNames) {
    warm[name] = new ort.Tensor('int64', name === 'input_ids' ? ids : name === 'attention_mask' ? new BigInt64Array(n).fill(1n) : new BigInt64Array(n), [1, n]);
  }
  await session.run(warm);
  return session;
}

start().then(
  (session) => {
    // Runs execute synchronously on this thread (onnxruntime-node calls the native run inside a setImmediate), so a
    // message is read only between runs. Ending the thread from outside (worker.terminate()) while a run is in
    // native code aborts the whole process when the run returns; the lane is therefore closed with a message: runs
    // already started finish, later ones are refused, the session is released and the thread exits by itself.
    const running = new Set();
    let closing = false;
    parentPort.on('message', (message) => {
      if (message && message.close) {
        closing = true;
        void Promise.allSettled(running)
          .then(() => session.release())
          .finally(() => process.exit(0));
        return;
      }
      const { id, feeds } = message;
      if (closing) return void parentPort.postMessage({ id, error: 'the lane is closing' });
      const run = (async () => {
        try {
          const tensors = {};
          for (const [name, type, data, dims] of feeds) tensors[name] = new ort.Tensor(type, data, dims);
          const out = await session.run(tensors);
          const data = Float32Array.from(out[session.outputNames[0]].data);
          parentPort.postMessage({ id, data }, [data.buffer]);
        } catch (err) {
          parentPort.postMessage({ id, error: String(err && err.message ? err.message : err) });
        }
      })();
      running.add(run);
      void run.finally(() => running.delete(run));
    });
    parentPort.postMessage({ ready: true, inputNames: session.inputNames });
  },
  (err) => parentPort.postMessage({ ready: false, error: String(err && err.message ? err.message : err) }),
);
