import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrossEncoder } from './cross-encoder.ts';

// The shipped model in onnxruntime-node with the JavaScript tokenizer must give what the training pipeline's Python
// gave on the same pairs: the same token ids, the same int8 logits, and logits close to the PyTorch fp32 model's.
// The int8 logits do not depend on the CPU that computed them (cpu-independence.test.ts), so the fixture written on
// one machine is the reference on every other.
const modelDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/resume-fit');
const fixturePath = join(modelDir, 'parity.json');

interface Case {
  id: string;
  vacancy: string;
  resume: string;
  input_ids: number[];
  truncated: boolean;
  logit_torch_fp32: number;
  logit_onnx_int8: number;
}

describe('parity of the shipped model with the training pipeline', () => {
  let ce: CrossEncoder;
  let fixture: { max_length: number; cases: Case[]; tolerance: Record<string, number | string> };
  beforeAll(async () => {
    expect(existsSync(fixturePath), 'models/resume-fit/parity.json is shipped with the model').toBe(true);
    fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));
    ce = await CrossEncoder.load(modelDir);
  });
  afterAll(async () => {
    await ce?.close();
  });

  it('tokenizes every pair to exactly the ids of the Hugging Face tokenizer, truncation included', () => {
    expect(fixture.cases.some((c) => c.truncated)).toBe(true);
    expect(fixture.cases.some((c) => /[а-яё]/i.test(c.vacancy))).toBe(true);
    for (const c of fixture.cases) {
      expect(ce.tokenizer.pair(c.vacancy, c.resume).inputIds, c.id).toEqual(c.input_ids);
    }
  });

  it('gives the int8 logits of Python onnxruntime and stays close to PyTorch fp32', async () => {
    const logits = await ce.logits(fixture.cases.map((c) => [c.vacancy, c.resume]));
    const vsOnnx = Math.max(...fixture.cases.map((c, i) => Math.abs(logits[i]! - c.logit_onnx_int8)));
    const vsTorch = Math.max(...fixture.cases.map((c, i) => Math.abs(logits[i]! - c.logit_torch_fp32)));
    console.log(`parity over ${fixture.cases.length} pairs: max |node int8 − python int8| = ${vsOnnx.toExponential(2)}, max |node int8 − torch fp32| = ${vsTorch.toFixed(4)}`);
    expect(vsOnnx).toBeLessThan(1e-3);
    // The gap to fp32 is int8 quantization, already present in Python: node adds nothing to it.
    const pythonGap = Math.max(...fixture.cases.map((c) => Math.abs(c.logit_onnx_int8 - c.logit_torch_fp32)));
    expect(Math.abs(vsTorch - pythonGap)).toBeLessThan(1e-3);
    // Dynamic int8's own error, the same in Python: at most 0.96 logit on these pairs for the shipped model (a Russian
    // pair; the model card reports it over 3,000 held-out pairs). A larger gap means a broken export, not rounding.
    expect(vsTorch).toBeLessThan(1.25);
  });

  it('scores a pair the same whatever else is scored with it', async () => {
    const pairs = fixture.cases.map((c): [string, string] => [c.vacancy, c.resume]);
    const batched = await ce.logits(pairs);
    const single: number[] = [];
    for (const p of pairs) single.push((await ce.logits([p]))[0]!);
    expect(Math.max(...batched.map((b, i) => Math.abs(b - single[i]!)))).toBeLessThan(1e-4);
  });
});
