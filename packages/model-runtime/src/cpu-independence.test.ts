import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The same score on every x86-64 CPU. onnxruntime picks int8 and softmax kernels by what the CPU has; the shipped
// file avoids every kernel that rounds differently (models/rfit/portable.py). This test runs the model twice: on this
// CPU, and on an emulated Haswell (AVX2 and FMA, no AVX-512, no VNNI) under qemu-user, and checks both against the
// fixture's Python logits. A kernel probe proves that the emulated run really took the AVX2 code paths.
const here = dirname(fileURLToPath(import.meta.url));
const modelDir = resolve(here, '../../../models/resume-fit');
const modelFile = join(modelDir, 'onnx/model_quantized.onnx');
const fixtureFile = join(modelDir, 'parity.json');
const probeScript = join(here, 'testing/cpu-probe.mjs');
// A Russian pair (the one the AVX2 kernels moved most before the model was made portable), an English one, and a
// pair cut to 256 tokens.
const CASES = ['ru-nofit', 'en-fit', 'g3-job0-gt'];
const EXACT = 8 * 255 * 127;
const SATURATED = 4 * 32767;
/** The U8S8 probe with weights 64, the widest the sentence embedder holds: no pair reaches the int16 limit. */
const NARROW_EXACT = 8 * 255 * 64;

interface ProbeResult {
  u8s8: number;
  u8u8: number;
  outputs: Record<string, number[]>;
}

function run(command: string, args: string[]): ProbeResult {
  return probe<ProbeResult>(command, args, probeScript, modelFile, fixtureFile, CASES);
}

function probe<T>(command: string, args: string[], script: string, model: string, fixture: string, cases: string[]): T {
  const r = spawnSync(command, [...args, script, model, fixture, ...cases], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`${command} exited with ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const qemu = spawnSync('qemu-x86_64', ['-version'], { encoding: 'utf8' }).status === 0;
const onX64 = arch() === 'x64';
// CI installs qemu-user (.ci/run); elsewhere the test says why it did not run.
if (!qemu && process.env.CI) throw new Error('the cross-CPU test needs qemu-x86_64 (apt-get install -y qemu-user)');

describe.skipIf(!onX64 || !qemu)('the shipped model on different x86-64 CPUs', () => {
  it('gives the same logits on this CPU and on an AVX2-only CPU, equal to the Python reference', () => {
    const fixture = JSON.parse(readFileSync(fixtureFile, 'utf8')) as { cases: Array<{ id: string; logit_onnx_int8: number }> };
    const native = run(process.execPath, []);
    const avx2 = run('qemu-x86_64', ['-cpu', 'Haswell', process.execPath]);
    console.log(`int8 probe: this CPU ${native.u8s8 === EXACT ? 'VNNI (exact U8S8)' : 'AVX2 (saturating U8S8)'}; emulated Haswell ${avx2.u8s8}`);
    // The emulated CPU ran the saturating AVX2 kernel: otherwise this test would compare a CPU with itself.
    expect(avx2.u8s8).toBe(SATURATED);
    expect([EXACT, SATURATED]).toContain(native.u8s8);
    // The kernel the shipped model uses is exact everywhere.
    expect(native.u8u8).toBe(EXACT);
    expect(avx2.u8u8).toBe(EXACT);
    for (const id of CASES) {
      const reference = fixture.cases.find((c) => c.id === id)!.logit_onnx_int8;
      // Same kernels, same arithmetic: bit for bit, not merely close.
      expect(avx2.outputs[id], id).toEqual(native.outputs[id]);
      expect(Math.abs(native.outputs[id]![0]! - reference), id).toBeLessThan(1e-3);
    }
  }, 900_000);
});

// The sentence embedder's file is made portable with int8 weights within ±64 (rfit/portable.py, narrow_weights): the
// U8S8 kernels, which clip wider weights on AVX2, are exact there. Its vectors must be the same bits on every CPU,
// or a requirement's met/partial status would depend on the machine that served it.
const embedDir = resolve(here, '../../../models/sentence-embed');
const embedFile = join(embedDir, 'onnx/model_quantized.onnx');
const embedFixture = join(embedDir, 'parity.json');
// A Russian requirement, an English resume sentence, the Unicode-noise sentence and the one cut to 64 tokens.
const EMBED_CASES = ['s00', 's03', 's08', 's09'];

interface EmbedProbeResult {
  u8s8: number;
  u8u8: number;
  narrow: number;
  outputs: Record<string, number[]>;
}

describe.skipIf(!onX64 || !qemu)('the sentence embedder on different x86-64 CPUs', () => {
  it('gives bit-identical embeddings on this CPU and on an AVX2-only CPU, equal to the Python reference', () => {
    const fixture = JSON.parse(readFileSync(embedFixture, 'utf8')) as { cases: Array<{ id: string; embedding_onnx_int8: number[] }> };
    const native = probe<EmbedProbeResult>(process.execPath, [], probeScript, embedFile, embedFixture, EMBED_CASES);
    const avx2 = probe<EmbedProbeResult>('qemu-x86_64', ['-cpu', 'Haswell', process.execPath], probeScript, embedFile, embedFixture, EMBED_CASES);
    // the emulated CPU ran the AVX2 U8S8 kernel that clips wide weights, and it did not clip the narrow ones
    expect(avx2.u8s8).toBe(SATURATED);
    expect(avx2.narrow).toBe(NARROW_EXACT);
    expect(native.narrow).toBe(NARROW_EXACT);
    for (const id of EMBED_CASES) {
      const reference = fixture.cases.find((c) => c.id === id)!.embedding_onnx_int8;
      expect(native.outputs[id]!.length, id).toBe(reference.length);
      // Every component, bit for bit.
      expect(avx2.outputs[id], id).toEqual(native.outputs[id]);
      let dot = 0;
      for (let i = 0; i < reference.length; i++) dot += native.outputs[id]![i]! * reference[i]!;
      expect(dot, id).toBeGreaterThan(0.999);
    }
  }, 900_000);
});
