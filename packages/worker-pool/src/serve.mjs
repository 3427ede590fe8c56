// The worker of a DeadlinePool: loads one module and runs its exported functions, one call at a time, off the main
// thread. Results go back as plain data; an error goes back as its code and message when it has a code. The pool
// terminates this thread when a call runs past its deadline, which a timer on the main thread could not do to a
// synchronous function. In development the module is TypeScript and tsx loads it, as it does everywhere else in the
// product; built (`pnpm build`, the image) it is the compiled JavaScript and Node loads it alone, without tsx.
import { parentPort, workerData } from 'node:worker_threads';

const isTypeScript = /\.[cm]?ts$/.test(new URL(workerData.module).pathname);
const functions = isTypeScript
  ? await (await import('tsx/esm/api')).tsImport(workerData.module, import.meta.url)
  : await import(workerData.module);

parentPort.on('message', async ({ id, fn, input }) => {
  try {
    if (typeof functions[fn] !== 'function') throw new Error(`the worker's module exports no function ${fn}`);
    parentPort.postMessage({ id, result: await functions[fn](input) });
  } catch (err) {
    const code = err && typeof err === 'object' ? err.code : undefined;
    const message = err instanceof Error ? err.message : String(err);
    if (typeof code === 'string') parentPort.postMessage({ id, error: { name: String(err.name), code, message } });
    else parentPort.postMessage({ id, failure: message });
  }
});
parentPort.postMessage({ ready: true });
