/**
 * One runtime of the scorer benchmark in a process of its own (bench/src/scorer.ts forks one per runtime). Runtimes
 * that share a process slow each other: an idle onnxruntime session of ours beside transformers.js cost it 10–15 %
 * of its pairs/s. So each loads alone, then scores the round it is told to while the others wait, and reports the
 * peak RSS of its own process.
 *
 * Spec (argv[2], JSON): { kind: 'ours', dir, variant, maxBatch?, lanes? } | { kind: 'naive', dir, dtype } |
 * { kind: 'bare', dir, batch }.
 * Messages: { round: number } -> { pairsPerSecond, logits, peakRssMiB, lanes?, threadsPerLane? }; { close: true } -> exits.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-node';
import { CrossEncoder, laneSessionOptions, pairFeeds, PairTokenizer, type Truncation } from '@rc/model-runtime';
import { readScreening } from '@rc/testing/screening';

export const PAIRS_PER_ROUND = Number(process.env.BENCH_PAIRS ?? 96);

/**
 * Pairs for one round: the round's group of the screening data (rounds 0, 1, 2 read groups 3, 1, 2), each of its
 * first n vacancies with its own resume or another one. No text repeats within a round or across rounds, so nothing
 * is served from our tokenizer's recent texts; the warm-up reads group 3's last vacancies, which no round uses.
 */
export function samplePairs(n: number, round: number | 'warm-up'): Array<[string, string]> {
  const group = round === 'warm-up' ? 3 : [3, 1, 2][round % 3]!;
  const tests = readScreening(`testset${group}`);
  const resumes = readScreening(`resumes${group}`).map((r) => r[0]!);
  if (round === 'warm-up') return tests.slice(-4).map((t) => [t[0]!, t[1]!]);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; pairs.length < n; i++) {
    const jd = tests[i % tests.length]![0]!;
    pairs.push([jd, i % 2 === 0 ? tests[i % tests.length]![1]! : resumes[(i * 7) % resumes.length]!]);
  }
  return pairs;
}

export type RunnerSpec =
  | { kind: 'ours'; dir: string; variant: 'int8' | 'fp32'; maxBatch?: number; lanes?: number }
  | { kind: 'naive'; dir: string; dtype: 'q8' | 'fp32' }
  /** onnxruntime alone on the int8 file: one session, one thread, pairs tokenized before the clock starts. */
  | { kind: 'bare'; dir: string; batch: number };

export interface RoundResult {
  pairsPerSecond: number;
  logits: number[];
  peakRssMiB: number;
  lanes?: number;
  threadsPerLane?: number;
}

/** Logits of the pairs, and the seconds to count when not the whole call (the bare runner leaves tokenizing out). */
type Score = (pairs: Array<[string, string]>) => Promise<{ logits: ArrayLike<number>; seconds?: number }>;

async function ours(spec: Extract<RunnerSpec, { kind: 'ours' }>) {
  const ce = await CrossEncoder.load(spec.dir, {
    variant: spec.variant,
    ...(spec.maxBatch ? { batch: { maxBatch: spec.maxBatch } } : {}),
    ...(spec.lanes ? { lanes: spec.lanes } : {}),
  });
  const score: Score = async (p) => ({ logits: await ce.logits(p) });
  return { score, info: { lanes: ce.info.lanes, threadsPerLane: ce.info.threadsPerLane } };
}

async function naive(spec: Extract<RunnerSpec, { kind: 'naive' }>) {
  const tf = await import('@huggingface/transformers');
  tf.env.allowRemoteModels = false;
  tf.env.localModelPath = dirname(spec.dir) + '/';
  const name = spec.dir.split('/').pop()!;
  const tokenizer = await tf.AutoTokenizer.from_pretrained(name);
  const model = await tf.AutoModelForSequenceClassification.from_pretrained(name, { dtype: spec.dtype, device: 'cpu' });
  // The text-classification pipeline takes no text pair, so call what it calls (tokenizer, then model), one pair at a time.
  const score: Score = async (pairs) => {
    const logits: number[] = [];
    for (const [a, b] of pairs) {
      const out = await model(tokenizer(a, { text_pair: b, truncation: true, max_length: 256 }));
      logits.push((out.logits.data as Float32Array)[0]!);
    }
    return { logits };
  };
  return { score, info: {} };
}

/**
 * The int8 file's own cost: what any runtime that runs it pays. One onnxruntime session with the options our lanes
 * use and one intra-op thread, fed pairs tokenized beforehand, one pair per call or `batch` pairs a call (batched
 * scores of a dynamically quantized model depend on the batch; only the time counts here).
 */
async function bare(spec: Extract<RunnerSpec, { kind: 'bare' }>) {
  const meta = JSON.parse(readFileSync(join(spec.dir, 'model-info.json'), 'utf8')) as { max_length: number; truncation: Truncation };
  const tokenizer = new PairTokenizer(spec.dir, meta.max_length, meta.truncation);
  const session = await ort.InferenceSession.create(join(spec.dir, 'onnx/model_quantized.onnx'), laneSessionOptions('cpu', 1));
  const withTypeIds = session.inputNames.includes('token_type_ids');
  const score: Score = async (pairs) => {
    const encoded = pairs.map(([a, b]) => tokenizer.pairHead(a, b));
    const logits: number[] = [];
    const t = performance.now();
    for (let i = 0; i < encoded.length; i += spec.batch) {
      const rows = encoded.slice(i, i + spec.batch);
      const feeds = pairFeeds(rows, Math.max(...rows.map((r) => r.inputIds.length)), tokenizer.padId, withTypeIds);
      const out = await session.run(Object.fromEntries(feeds.map((f) => [f.name, new ort.Tensor('int64', f.data, f.dims)])));
      logits.push(...(out[session.outputNames[0]!]!.data as Float32Array));
    }
    return { logits, seconds: (performance.now() - t) / 1000 };
  };
  return { score, info: { threadsPerLane: 1 } };
}

// Runs only when forked as a runner; scorer.ts imports this file for samplePairs and the types.
if (process.send && import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const spec = JSON.parse(process.argv[2]!) as RunnerSpec;
  let peak = process.memoryUsage().rss;
  setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20).unref();
  const { score, info } = spec.kind === 'ours' ? await ours(spec) : spec.kind === 'naive' ? await naive(spec) : await bare(spec);
  await score(samplePairs(0, 'warm-up'));
  process.on('message', (m: { round?: number; close?: boolean }) => {
    if (m.close) process.exit(0);
    const pairs = samplePairs(PAIRS_PER_ROUND, m.round!);
    const t = performance.now();
    void score(pairs).then(({ logits, seconds }) => {
      const pairsPerSecond = pairs.length / (seconds ?? (performance.now() - t) / 1000);
      peak = Math.max(peak, process.memoryUsage().rss);
      const result: RoundResult = { pairsPerSecond, logits: Array.from(logits), peakRssMiB: Math.round(peak / 2 ** 20), ...info };
      process.send!(result);
    });
  });
  process.send({ ready: true });
}
