import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LaneError, OrtLanes, type Feed } from './ort-lanes.ts';

const modelFile = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/resume-fit/onnx/model_quantized.onnx');

/** One pair's model input of n tokens: <s> ids </s>, ids drawn from a seeded generator. */
function pair(seed: number, n: number): Feed[] {
  let s = seed;
  const ids = new BigInt64Array(n);
  for (let i = 0; i < n; i++) ids[i] = BigInt(i === 0 ? 0 : i === n - 1 ? 2 : 5 + ((s = (s * 1103515245 + 12345) % 2147483648) % 60000));
  return [
    { name: 'input_ids', data: ids, dims: [1, n] },
    { name: 'attention_mask', data: new BigInt64Array(n).fill(1n), dims: [1, n] },
  ];
}

describe('inference lanes', () => {
  const open: OrtLanes[] = [];
  const start = async (lanes: number) => {
    const l = await OrtLanes.create(modelFile, { lanes, threadsPerLane: 1, device: 'cpu' });
    open.push(l);
    return l;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.close()));
  });

  it('gives each caller the logit of its own input while the lanes run side by side', async () => {
    const one = await start(1);
    const inputs = Array.from({ length: 6 }, (_, i) => [i + 1, 24 + 7 * i] as const);
    const expected: number[] = [];
    for (const [seed, n] of inputs) expected.push((await one.run(pair(seed, n)))[0]!);
    expect(new Set(expected).size).toBe(inputs.length);

    const two = await start(2);
    expect(two.size).toBe(2);
    expect(two.inputNames).toEqual(['input_ids', 'attention_mask']);
    const got = await Promise.all(inputs.map(async ([seed, n]) => (await two.run(pair(seed, n)))[0]!));
    expect(got).toEqual(expected);
  });

  it('leaves the event loop free while a model run is in flight', async () => {
    const lanes = await start(1);
    let ticks = 0;
    let done = false;
    const spin = () => {
      ticks++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    await lanes.run(pair(7, 256)); // one 256-token pair on one thread: tens of milliseconds of model time
    done = true;
    // A run on the event loop's own thread would let through only the turn or two before it started.
    expect(ticks).toBeGreaterThan(20);
  });

  it('fails only the work a dying lane held, and starts another lane for what comes next', async () => {
    const lanes = await start(2);
    const victim = (lanes as unknown as { lanes: Array<{ worker: { terminate(): Promise<number> } }> }).lanes[0]!;
    // The lane's thread is stopped before its work reaches it: stopping it in the middle of a native run would abort
    // the whole process (a real lane death in native code does that anyway; the crash tests cover the scorer dying).
    const dying = victim.worker.terminate();
    const held = lanes.run(pair(1, 200)); // the least busy lane is the first: this run is on the victim
    const other = lanes.run(pair(2, 200)); // and this one on the second lane
    await dying;
    await expect(held).rejects.toBeInstanceOf(LaneError);
    await expect(other).resolves.toHaveLength(1);
    await expect(lanes.run(pair(3, 16))).resolves.toHaveLength(1);
    await vi.waitFor(() => expect(lanes.size).toBe(2), { timeout: 20_000, interval: 50 });
  });

  it('refuses a file onnxruntime cannot load, saying why, and leaves no lane behind', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'rc-lanes-')), 'model.onnx');
    writeFileSync(bad, 'not an onnx model');
    await expect(OrtLanes.create(bad, { lanes: 2, threadsPerLane: 1, device: 'cpu' })).rejects.toThrow(/could not load .*model\.onnx/);
  });

  it('closes while runs are in native code: they finish, their callers are told, and the process lives on', async () => {
    const lanes = await start(2);
    // Eight runs a lane, so that whatever the CPU's speed, when the first result is back its lane is inside its next
    // run and seven more wait behind it: close() always meets runs in flight, with no sleep that guesses how long a
    // run takes.
    const inFlight = Array.from({ length: 16 }, (_, i) => lanes.run(pair(10 + i, 256)));
    const settledBeforeClose = inFlight.map(() => false);
    inFlight.forEach((p, i) => void p.then(() => (settledBeforeClose[i] = true), () => (settledBeforeClose[i] = true)));
    const outcomes = Promise.allSettled(inFlight);
    await Promise.race(inFlight);
    const unsettled = settledBeforeClose.map((done, i) => (done ? -1 : i)).filter((i) => i >= 0);
    expect(unsettled.length).toBeGreaterThan(0);
    await lanes.close();
    const all = await outcomes;
    for (const i of unsettled) expect(all[i]!.status === 'rejected' && String((all[i] as PromiseRejectedResult).reason)).toMatch(/closed/);
    for (const [i, o] of all.entries()) if (!unsettled.includes(i)) expect(o.status).toBe('fulfilled');
    // Terminating the lanes' threads here instead (as close() once did) aborts this test process with
    // "terminate called after throwing an instance of 'Napi::Error'" when a run returns into the stopped thread.
    expect(lanes.size).toBe(0);
  });

  it('refuses work once closed', async () => {
    const lanes = await start(1);
    await lanes.close();
    await expect(lanes.run(pair(1, 8))).rejects.toThrow(/closed/);
  });
});
