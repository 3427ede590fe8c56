/**
 * Scorer throughput, side by side in one run on the same model and the same pairs (screening data, a different group
 * each round): our runtime (int8 with fused attention, the int8 file as exported, fp32 batched and one pair per call),
 * the naive approach (transformers.js, one pair at a time: on the shipped file, on the file as exported, and with its
 * default fp32), and the original product's approach (Python CrossEncoder.predict pattern, max_length=512) where the
 * Python environment exists. Also the latency of one full analysis and the process RSS.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CrossEncoder } from '@rc/model-runtime';
import { CrossEncoderEngine } from '@rc/scorer';
import { readScreening } from '@rc/text/testing';
import { percentile, writeResult } from './report.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODEL_DIR = process.env.MODEL_DIR ?? join(root, 'models/resume-fit');
const BUILD = join(root, 'models/build');
const PYTHON = join(root, 'models/.venv/bin/python');
const N = Number(process.env.BENCH_PAIRS ?? 96);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * The PyTorch model and the fp32 export of the shipped model: the training pipeline's (models/build/finetuned and
 * models/build/onnx/model.onnx, not in the repository) or, on a clone without them, the ones `pipeline.py recover`
 * rebuilds from the shipped int8 file (models/build/recovered; run here when the Python environment exists).
 */
function fp32Sources(): { torchDir: string; onnx: string; weights: string } | null {
  const trained = { torchDir: join(BUILD, 'finetuned'), onnx: join(BUILD, 'onnx/model.onnx'), weights: 'trained fp32 weights' };
  if (process.env.TORCH_MODEL_DIR && process.env.FP32_ONNX) return { torchDir: process.env.TORCH_MODEL_DIR, onnx: process.env.FP32_ONNX, weights: 'given' };
  if (existsSync(trained.torchDir) && existsSync(trained.onnx)) return trained;
  const recovered = { torchDir: join(BUILD, 'recovered/finetuned'), onnx: join(BUILD, 'recovered/onnx/model.onnx'), weights: 'the shipped int8 weights, dequantized (pipeline.py recover)' };
  if (!existsSync(recovered.onnx) && existsSync(PYTHON)) {
    try {
      execFileSync(PYTHON, [join(root, 'models/pipeline.py'), 'recover'], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      console.warn(`pipeline.py recover failed: ${(err as { stderr?: Buffer }).stderr?.toString().slice(-500)}`);
    }
  }
  return existsSync(recovered.onnx) && existsSync(recovered.torchDir) ? recovered : null;
}

/** A model folder in the shipped layout whose onnx/<name> is the given file (a symlink), beside the shipped tokenizer. */
function folderWith(onnxFile: string, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rc-model-'));
  for (const f of readdirSync(MODEL_DIR)) if (statSync(join(MODEL_DIR, f)).isFile()) copyFileSync(join(MODEL_DIR, f), join(dir, f));
  mkdirSync(join(dir, 'onnx'));
  symlinkSync(onnxFile, join(dir, 'onnx', name));
  return dir;
}

/**
 * Pairs for one round: the round's group of the screening data (rounds 0, 1, 2 read groups 3, 1, 2), each of its
 * first n vacancies with its own resume or another one. No text repeats within a round or across rounds, so nothing
 * is served from our tokenizer's recent texts; the warm-up reads group 3's last vacancies, which no round uses.
 */
function samplePairs(n: number, round: number | 'warm-up'): Array<[string, string]> {
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

function rssSampler() {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return () => {
    clearInterval(t);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
  };
}

interface Run {
  pairsPerSecond: number;
  logits: ArrayLike<number>;
}

/** A loaded scorer that can be timed again and again over the same pairs. */
interface Runner {
  once(pairs: Array<[string, string]>): Promise<Run>;
  close(): Promise<void>;
}

async function timed(pairs: Array<[string, string]>, score: (p: Array<[string, string]>) => Promise<ArrayLike<number>>): Promise<Run> {
  const t = performance.now();
  const logits = await score(pairs);
  return { pairsPerSecond: pairs.length / ((performance.now() - t) / 1000), logits };
}

async function ours(dir: string, variant: 'int8' | 'fp32', pairs: Array<[string, string]>, maxBatch?: number): Promise<Runner> {
  const ce = await CrossEncoder.load(dir, { variant, ...(maxBatch ? { batch: { maxBatch } } : {}) });
  await ce.logits(samplePairs(0, 'warm-up'));
  return { once: (p) => timed(p, (x) => ce.logits(x)), close: () => ce.close() };
}

async function naive(pairs: Array<[string, string]>, dir = MODEL_DIR, dtype: 'q8' | 'fp32' = 'q8'): Promise<Runner> {
  const tf = await import('@huggingface/transformers');
  tf.env.allowRemoteModels = false;
  tf.env.localModelPath = dirname(dir) + '/';
  const name = dir.split('/').pop()!;
  const tokenizer = await tf.AutoTokenizer.from_pretrained(name);
  const model = await tf.AutoModelForSequenceClassification.from_pretrained(name, { dtype, device: 'cpu' });
  // The text-classification pipeline takes no text pair, so call what it calls (tokenizer, then model), one pair at a time.
  const one = async ([a, b]: [string, string]) => {
    const inputs = tokenizer(a, { text_pair: b, truncation: true, max_length: 256 });
    const out = await model(inputs);
    return (out.logits.data as Float32Array)[0]!;
  };
  for (const p of samplePairs(0, 'warm-up')) await one(p);
  const runner: Runner = {
    once: (p) =>
      timed(p, async (x) => {
        const logits: number[] = [];
        for (const pair of x) logits.push(await one(pair));
        return logits;
      }),
    close: async () => {
      await model.dispose();
    },
  };
  return runner;
}

function python(pairs: Array<[string, string]>, maxLength: number, torchDir: string | undefined) {
  if (!existsSync(PYTHON) || !torchDir || !existsSync(torchDir)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'rc-bench-'));
  writeFileSync(join(dir, 'pairs.json'), JSON.stringify(pairs));
  // The original product's pattern (sentence-transformers CrossEncoder.predict): tokenize a batch of 32 pairs with
  // padding, run the PyTorch model under no_grad, collect the logits. The model's own PyTorch class is used, since
  // its mean-pooling head is not a stock sequence-classification head.
  const script = `
import json, sys, time, torch
sys.path.insert(0, sys.argv[5])
from rfit.common import TorchScorer, load_tokenizer
torch.set_num_threads(${benchThreads()})
pairs = json.load(open(sys.argv[1]))
tok = load_tokenizer(sys.argv[6])
scorer = TorchScorer(sys.argv[2], tok)
L = int(sys.argv[3])
def predict(ps, batch=32):
    out = []
    for i in range(0, len(ps), batch):
        chunk = ps[i:i + batch]
        enc = tok([a for a, _ in chunk], [b for _, b in chunk], truncation="longest_first", max_length=L, padding=True, return_tensors="np")
        out.extend(float(x) for x in scorer.logits_from_encoding(enc))
    return out
predict(pairs[:8])
t = time.perf_counter()
s = predict(pairs)
dt = time.perf_counter() - t
json.dump({"seconds": dt, "logits": s}, open(sys.argv[4], "w"))
`;
  writeFileSync(join(dir, 'run.py'), script);
  try {
    execFileSync(PYTHON, [join(dir, 'run.py'), join(dir, 'pairs.json'), torchDir, String(maxLength), join(dir, 'out.json'), join(root, 'models'), MODEL_DIR], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    console.warn(`python baseline failed: ${(err as { stderr?: Buffer }).stderr?.toString().slice(-500)}`);
    return null;
  }
  const r = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { seconds: number; logits: number[] };
  return { pairsPerSecond: pairs.length / r.seconds, seconds: r.seconds, logits: r.logits };
}

function benchThreads(): number {
  return Number(process.env.BENCH_THREADS ?? 2);
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

async function analysisLatency() {
  const ce = await CrossEncoder.load(MODEL_DIR);
  const engine = new CrossEncoderEngine(ce);
  const tests = readScreening('testset3');
  await engine.analyse({ vacancyText: tests[0]![0]!, resumeText: tests[0]![1]! });
  const ms: number[] = [];
  for (let i = 1; i <= 30; i++) {
    const t = performance.now();
    await engine.analyse({ vacancyText: tests[i]![0]!, resumeText: tests[i]![1]! });
    ms.push(performance.now() - t);
  }
  await engine.close();
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), samples: ms.length, resumeChars: Math.round(tests.slice(1, 31).reduce((s, r) => s + r[1]!.length, 0) / 30) };
}

export async function benchScorer() {
  const pairs = samplePairs(N, 0);
  // Peak RSS of our int8 scorer alone, before the other runtimes are loaded into this process. It scores round 2's
  // pairs: rounds 0 and 1 bring 384 other texts, more than the tokenizer keeps, before round 2 comes.
  const stopRss = rssSampler();
  const int8Runner = await ours(MODEL_DIR, 'int8', pairs);
  await int8Runner.once(samplePairs(N, 2));
  const int8PeakRssMiB = stopRss();
  const fp32 = fp32Sources();
  const fp32Dir = fp32 && folderWith(fp32.onnx, 'model.onnx');
  // What the naive pipeline loads with its defaults: the fp32 file as exported (attention not fused) where it is kept.
  const fp32Exported = fp32 && existsSync(fp32.onnx.replace(/\.onnx$/, '.unfused.onnx')) ? fp32.onnx.replace(/\.onnx$/, '.unfused.onnx') : null;
  const naiveFp32Dir = fp32Exported ? folderWith(fp32Exported, 'model.onnx') : fp32Dir;
  // the int8 file as exported, before its attention was fused (pipeline.py optimize keeps it in models/build/onnx)
  const unfusedFile = join(BUILD, 'onnx/model_quantized.unfused.onnx');
  const unfusedDir = existsSync(unfusedFile) ? folderWith(unfusedFile, 'model_quantized.onnx') : null;
  const runners: Record<string, Runner | null> = {
    int8: int8Runner,
    int8Unfused: unfusedDir ? await ours(unfusedDir, 'int8', pairs) : null,
    fp32: fp32Dir ? await ours(fp32Dir, 'fp32', pairs) : null,
    fp32Single: fp32Dir ? await ours(fp32Dir, 'fp32', pairs, 1) : null,
    naive: await naive(pairs),
    naiveUnfused: unfusedDir ? await naive(pairs, unfusedDir) : null,
    naiveFp32: naiveFp32Dir ? await naive(pairs, naiveFp32Dir, 'fp32') : null,
  };
  // Rounds in turn, so that a slow spell of a shared machine falls on every runtime alike; the median round counts.
  const rounds: Record<string, Run[]> = {};
  for (let r = 0; r < ROUNDS; r++) {
    const roundPairs = samplePairs(N, r);
    for (const [name, runner] of Object.entries(runners)) if (runner) (rounds[name] ??= []).push(await runner.once(roundPairs));
  }
  // Speed: the median round. Agreement: round 0, whose pairs every runtime (and PyTorch below) scored.
  const median = (name: string): Run | null => {
    const runs = rounds[name];
    if (!runs) return null;
    const speed = [...runs].sort((a, b) => a.pairsPerSecond - b.pairsPerSecond)[Math.floor(runs.length / 2)]!.pairsPerSecond;
    return { pairsPerSecond: speed, logits: runs[0]!.logits };
  };
  for (const runner of Object.values(runners)) await runner?.close();
  const int8 = { ...median('int8')!, peakRssMiB: int8PeakRssMiB };
  const int8Unfused = median('int8Unfused');
  const fp32Run = median('fp32');
  const fp32Single = median('fp32Single');
  const naiveRun = median('naive')!;
  const naiveUnfused = median('naiveUnfused');
  const naiveFp32 = median('naiveFp32');
  const py512 = python(pairs, 512, fp32?.torchDir);
  const py256 = python(pairs, 256, fp32?.torchDir);
  const latency = await analysisLatency();

  const data = {
    pairs: pairs.length,
    maxLength: 256,
    fp32Weights: fp32?.weights ?? null,
    ours: {
      int8: { pairsPerSecond: int8.pairsPerSecond, peakRssMiB: int8.peakRssMiB },
      int8AsExported: int8Unfused && { pairsPerSecond: int8Unfused.pairsPerSecond, maxAbsDiffVsFused: maxDiff(int8Unfused.logits, int8.logits) },
      fp32: fp32Run && { pairsPerSecond: fp32Run.pairsPerSecond },
      fp32OnePairPerCall: fp32Single && { pairsPerSecond: fp32Single.pairsPerSecond, maxAbsDiffVsBatched: maxDiff(fp32Single.logits, fp32Run!.logits) },
    },
    naive: { pairsPerSecond: naiveRun.pairsPerSecond, maxAbsDiffVsOursInt8: maxDiff(naiveRun.logits, int8.logits) },
    naiveAsExported: naiveUnfused && { pairsPerSecond: naiveUnfused.pairsPerSecond },
    naiveFp32: naiveFp32 && { asExported: !!fp32Exported, pairsPerSecond: naiveFp32.pairsPerSecond, maxAbsDiffVsOursFp32: maxDiff(naiveFp32.logits, fp32Run!.logits) },
    python: {
      maxLength512: py512 && { pairsPerSecond: py512.pairsPerSecond },
      maxLength256: py256 && { pairsPerSecond: py256.pairsPerSecond, maxAbsDiffVsOursFp32: fp32Run ? maxDiff(py256.logits, fp32Run.logits) : null, maxAbsDiffVsOursInt8: maxDiff(py256.logits, int8.logits) },
    },
    speedupOverNaive: int8.pairsPerSecond / naiveRun.pairsPerSecond,
    speedupOverNaiveAsExported: naiveUnfused ? int8.pairsPerSecond / naiveUnfused.pairsPerSecond : null,
    speedupOverNaiveFp32: naiveFp32 ? int8.pairsPerSecond / naiveFp32.pairsPerSecond : null,
    speedupOverPython512: py512 ? int8.pairsPerSecond / py512.pairsPerSecond : null,
    analysisLatencyMs: latency,
  };
  const f = (x: number | null | undefined, d = 1) => (x == null ? 'n/a' : x.toFixed(d));
  writeResult(
    'scorer',
    data,
    `
| scorer, ${pairs.length} pairs a round (no text repeated), 256 tokens, median of ${ROUNDS} rounds taken in turn | pairs/s | agreement |
| --- | --- | --- |
| ours, int8, attention fused (shipped; one pair per call: dynamic quantization makes batched scores depend on the batch) | ${f(int8.pairsPerSecond)} | — |
| ours, int8 as exported (attention not fused) | ${f(int8Unfused?.pairsPerSecond)} | vs fused: max abs diff ${f(data.ours.int8AsExported?.maxAbsDiffVsFused ?? null, 6)} |
| ours, fp32, batched by length | ${f(fp32Run?.pairsPerSecond)} | vs PyTorch fp32 at 256: max abs diff ${f(data.python.maxLength256?.maxAbsDiffVsOursFp32 ?? null, 6)} |
| ours, fp32, one pair per call | ${f(fp32Single?.pairsPerSecond)} | vs ours fp32 batched: max abs diff ${f(data.ours.fp32OnePairPerCall?.maxAbsDiffVsBatched ?? null, 6)} |
| naive: transformers.js, one pair at a time, the shipped int8 file | ${f(naiveRun.pairsPerSecond)} | vs ours int8: max abs diff ${f(data.naive.maxAbsDiffVsOursInt8, 6)} (its pair truncation differs) |
| naive on the int8 file as exported | ${f(naiveUnfused?.pairsPerSecond)} | — |
| naive with its defaults: the fp32 file${fp32Exported ? ' as exported' : ''}, one pair at a time | ${f(naiveFp32?.pairsPerSecond)} | vs ours fp32: max abs diff ${f(data.naiveFp32?.maxAbsDiffVsOursFp32 ?? null, 6)} |
| original's approach: PyTorch fp32, batches of 32 (CrossEncoder.predict pattern), max_length 512 | ${f(py512?.pairsPerSecond)} | — |
| same, max_length 256 (as trained) | ${f(py256?.pairsPerSecond)} | vs ours int8: max abs diff ${f(data.python.maxLength256?.maxAbsDiffVsOursInt8 ?? null, 4)} |

fp32 rows and PyTorch: ${fp32?.weights ?? 'not available (no Python environment)'}. Our int8 is ${f(data.speedupOverNaive)}× the naive approach on the same file, ${f(data.speedupOverNaiveAsExported)}× naive on the file as exported, ${f(data.speedupOverNaiveFp32)}× naive with its defaults (fp32${fp32Exported ? ' as exported' : ''}), and ${f(data.speedupOverPython512)}× the original's. One full analysis (cross-encoder pair score, requirement table with evidence, calibration; ${latency.resumeChars}-character resumes): p50 ${f(latency.p50, 0)} ms, p95 ${f(latency.p95, 0)} ms. Peak RSS while scoring: ${int8.peakRssMiB} MiB (int8).
`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchScorer();
