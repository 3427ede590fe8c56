// The extraction worker: parses one file at a time off the main thread. The pool stops it (terminate) when a file
// runs past its deadline, which a timer on the main thread could not do to a synchronous parse. The parsers are
// TypeScript; tsx loads them here as it does everywhere else in the product.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

// PDF.js is loaded on the first PDF, not here: a worker that reads plain text (the CLI's usual case) starts quickly.
const { extractTextHere, ExtractionError } = await tsImport('./extract.ts', import.meta.url);

parentPort.on('message', async ({ id, input }) => {
  try {
    const result = await extractTextHere({ ...input, data: new Uint8Array(input.data) });
    parentPort.postMessage({ id, result });
  } catch (err) {
    if (err instanceof ExtractionError) parentPort.postMessage({ id, error: { code: err.code, message: err.message } });
    else parentPort.postMessage({ id, failure: err instanceof Error ? err.message : String(err) });
  }
});
parentPort.postMessage({ ready: true });
