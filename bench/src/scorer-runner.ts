/**
 * One runtime of the scorer benchmark in a process of its own (bench/src/scorer.ts forks one per runtime). Runtimes
 * that share a process slow each other: an idle onnxruntime session of ours beside transformers.js cost it 10–15 %
 * of its pairs/s. So each loads alone, then scores the round it is told to while the others wait, and reports the
 * peak RSS of its own process.
 *
 * Spec (argv[2], JSON): { kind: 'ours', dir, variant, maxBatch?, lanes? } | { kind: 'naive', dir, dtype }.
 * Messages: { round: number } -> { pairsPerSecond, logits, peakRssMiB, lanes?, threadsPerLane? }; { close: true } -> exits.
 */
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CrossEncoder } from '@rc/model-runtime';
import { readScreening } from '@rc/text/testing';

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
  | { kind: 'naive'; dir: string; dtype: 'q8' | 'fp32' };

export interface RoundResult {
  pairsPerSecond: number;
  logits: number[];
  peakRssMiB: number;
  lanes?: number;
  threadsPerLane?: number;
}

type Score = (pairs: Array<[string, string]>) => Promise<ArrayLike<number>>;

async function ours(spec: Extract<RunnerSpec, { kind: 'ours' }>) {
  const ce = await CrossEncoder.load(spec.dir, {
    variant: spec.variant,
    ...(spec.maxBatch ? { batch: { maxBatch: spec.maxBatch } } : {}),
    ...(spec.lanes ? { lanes: spec.lanes } : {}),
  });
  const score: Score = (p) => ce.logits(p);
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
    return logits;
  };
  return { score, info: {} };
}

// Runs only when forked as a runner; scorer.ts imports this file for samplePairs and the types.
if (process.send && import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const spec = JSON.parse(process.argv[2]!) as RunnerSpec;
  let peak = process.memoryUsage().rss;
  setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20).unref();
  const { score, info } = spec.kind === 'ours' ? await ours(spec) : await naive(spec);
  await score(samplePairs(0, 'warm-up'));
  process.on('message', (m: { round?: number; close?: boolean }) => {
    if (m.close) process.exit(0);
    const pairs = samplePairs(PAIRS_PER_ROUND, m.round!);
    const t = performance.now();
    void score(pairs).then((logits) => {
      const pairsPerSecond = pairs.length / ((performance.now() - t) / 1000);
      peak = Math.max(peak, process.memoryUsage().rss);
      const result: RoundResult = { pairsPerSecond, logits: Array.from(logits), peakRssMiB: Math.round(peak / 2 ** 20), ...info };
      process.send!(result);
    });
  });
  process.send({ ready: true });
}
