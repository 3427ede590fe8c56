// Runs the int8 kernel probes and a shipped model (the cross-encoder or the sentence embedder) on fixture inputs, and
// prints what this CPU computed as JSON: the model's first output per case, every float32 printed exactly, so equal
// JSON means equal bits. Plain JavaScript with no imports of our own, so that it runs under an emulated CPU
// (qemu-x86_64 -cpu Haswell) as cheaply as natively. Usage: node cpu-probe.mjs MODEL_FILE FIXTURE_JSON CASE_ID...
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';

const here = dirname(fileURLToPath(import.meta.url));
const [modelFile, fixtureFile, ...ids] = process.argv.slice(2);
// The lanes' session options (laneSessionOptions in ort-lanes.ts), one thread.
const options = { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' };

async function probe(name) {
  const s = await ort.InferenceSession.create(join(here, name), options);
  const out = await s.run({ a: new ort.Tensor('uint8', new Uint8Array(8).fill(255), [1, 8]) });
  await s.release();
  return Number(out.y.data[0]);
}

const fixture = JSON.parse(readFileSync(fixtureFile, 'utf8'));
const session = await ort.InferenceSession.create(modelFile, options);
const outputs = {};
for (const id of ids) {
  const c = fixture.cases.find((x) => x.id === id);
  if (!c) throw new Error(`no case ${id}`);
  // padded as the runtime pads it where the fixture says so (the sentence embedder: to a multiple of 8 tokens)
  const multiple = fixture.pad_to_multiple ?? 1;
  const n = Math.ceil(c.input_ids.length / multiple) * multiple;
  const ids = new BigInt64Array(n).fill(1n);
  c.input_ids.forEach((id, i) => (ids[i] = BigInt(id)));
  const mask = new BigInt64Array(n);
  mask.fill(1n, 0, c.input_ids.length);
  const feeds = {
    input_ids: new ort.Tensor('int64', ids, [1, n]),
    attention_mask: new ort.Tensor('int64', mask, [1, n]),
  };
  outputs[id] = Array.from((await session.run(feeds))[session.outputNames[0]].data);
}
console.log(
  JSON.stringify({ u8s8: await probe('probe-u8s8.onnx'), u8u8: await probe('probe-u8u8.onnx'), narrow: await probe('probe-u8s8-narrow.onnx'), outputs }),
);
