/**
 * Scorer throughput, side by side in one run on the same model and the same pairs (screening data, a different group
 * each round): our runtime (int8 with fused attention in lanes and in one lane, the int8 file as exported, fp32 batched
 * and one pair per call), the naive approach (transformers.js, one pair at a time: on the shipped file, on the file as
 * exported, and with its default fp32), and the original product's approach (Python CrossEncoder.predict pattern,
 * max_length=512) where the Python environment exists. Each runtime runs in a process of its own
 * (scorer-runner.ts), one at a time. Beside them, onnxruntime alone on the int8 file (one thread, pairs tokenized
 * beforehand): the file's own cost, which bounds what any runtime of it can reach. Also the latency of one full analysis and the scorer process's RSS.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CPU_BATCH_TOKENS, CrossEncoder } from '@rc/model-runtime';
import { CrossEncoderEngine } from '@rc/scorer';
import { readScreening } from '@rc/testing/screening';
import { percentile, writeResult } from './report.ts';
import { PAIRS_PER_ROUND, samplePairs, type RoundResult, type RunnerSpec } from './scorer-runner.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODEL_DIR = process.env.MODEL_DIR ?? join(root, 'models/resume-fit');
const BUILD = join(root, 'models/build');
const PYTHON = join(root, 'models/.venv/bin/python');
const N = PAIRS_PER_ROUND;
/** Rounds measured, after WARM_ROUNDS that are not: a process's first rounds on this machine run slow. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARM_ROUNDS = Number(process.env.BENCH_WARM_ROUNDS ?? 2);

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

async function analysisLatency(lanes?: number) {
  const ce = await CrossEncoder.load(MODEL_DIR, lanes ? { lanes } : {});
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
  return { lanes: ce.info.lanes, threadsPerLane: ce.info.threadsPerLane, p50: percentile(ms, 50), p95: percentile(ms, 95), samples: ms.length, resumeChars: Math.round(tests.slice(1, 31).reduce((s, r) => s + r[1]!.length, 0) / 30) };
}

/** A runtime loaded in a process of its own, scoring the round it is told to. */
interface Runner {
  once(round: number): Promise<RoundResult>;
  close(): void;
}

async function runner(spec: RunnerSpec): Promise<Runner> {
  const child: ChildProcess = fork(join(dirname(fileURLToPath(import.meta.url)), 'scorer-runner.ts'), [JSON.stringify(spec)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`benchmark runner ${JSON.stringify(spec)} exited with code ${code}`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        resolve(m);
      });
    });
  await next(); // ready
  return {
    once: (round) => {
      const reply = next() as Promise<RoundResult>;
      child.send({ round });
      return reply;
    },
    close: () => void child.send({ close: true }),
  };
}

export async function benchScorer() {
  const pairs = samplePairs(N, 0);
  const fp32 = fp32Sources();
  const fp32Dir = fp32 && folderWith(fp32.onnx, 'model.onnx');
  // What the naive pipeline loads with its defaults: the fp32 file as exported (attention not fused) where it is kept.
  const fp32Exported = fp32 && existsSync(fp32.onnx.replace(/\.onnx$/, '.unfused.onnx')) ? fp32.onnx.replace(/\.onnx$/, '.unfused.onnx') : null;
  const naiveFp32Dir = fp32Exported ? folderWith(fp32Exported, 'model.onnx') : fp32Dir;
  // the int8 file as exported, before its attention was fused (pipeline.py optimize keeps it in models/build/onnx)
  const unfusedFile = join(BUILD, 'onnx/model_quantized.unfused.onnx');
  const unfusedDir = existsSync(unfusedFile) ? folderWith(unfusedFile, 'model_quantized.onnx') : null;
  // the int8 file before pipeline.py portable made its logits CPU-independent (U8S8 weights, fused attention)
  const cpuDependentFile = join(BUILD, 'onnx/model_quantized.cpu-dependent.onnx');
  const cpuDependentDir = existsSync(cpuDependentFile) ? folderWith(cpuDependentFile, 'model_quantized.onnx') : null;
  const specs: Record<string, RunnerSpec | null> = {
    int8: { kind: 'ours', dir: MODEL_DIR, variant: 'int8' },
    // the same model in one lane that has every core (how the scorer ran before it had lanes)
    int8OneLane: { kind: 'ours', dir: MODEL_DIR, variant: 'int8', lanes: 1 },
    int8Unfused: unfusedDir ? { kind: 'ours', dir: unfusedDir, variant: 'int8' } : null,
    int8CpuDependent: cpuDependentDir ? { kind: 'ours', dir: cpuDependentDir, variant: 'int8' } : null,
    bareCpuDependent: cpuDependentDir ? { kind: 'bare', dir: cpuDependentDir, batch: 1 } : null,
    fp32: fp32Dir ? { kind: 'ours', dir: fp32Dir, variant: 'fp32' } : null,
    fp32Single: fp32Dir ? { kind: 'ours', dir: fp32Dir, variant: 'fp32', maxBatch: 1 } : null,
    naive: { kind: 'naive', dir: MODEL_DIR, dtype: 'q8' },
    naiveUnfused: unfusedDir ? { kind: 'naive', dir: unfusedDir, dtype: 'q8' } : null,
    naiveFp32: naiveFp32Dir ? { kind: 'naive', dir: naiveFp32Dir, dtype: 'fp32' } : null,
    // the file's own cost, which every runtime of it pays: onnxruntime alone, one thread, pairs tokenized beforehand
    bare: { kind: 'bare', dir: MODEL_DIR, batch: 1 },
    bare8: { kind: 'bare', dir: MODEL_DIR, batch: 8 },
  };
  const runners: Record<string, Runner> = {};
  for (const [name, spec] of Object.entries(specs)) if (spec) runners[name] = await runner(spec);
  // Rounds in turn, so that a slow spell of a shared machine falls on every runtime alike; the median round counts.
  // The first rounds are not counted: every runtime scores them too, but a process's first seconds of work run slow here.
  const rounds: Record<string, RoundResult[]> = {};
  for (let r = 0; r < WARM_ROUNDS + ROUNDS; r++) {
    for (const [name, run] of Object.entries(runners)) (rounds[name] ??= []).push(await run.once(r));
  }
  // Speed: the median measured round. Agreement: round 0, whose pairs every runtime (and PyTorch below) scored.
  const median = (name: string): RoundResult | null => {
    const runs = rounds[name];
    if (!runs) return null;
    const measured = runs.slice(WARM_ROUNDS).sort((a, b) => a.pairsPerSecond - b.pairsPerSecond);
    return { ...runs[runs.length - 1]!, pairsPerSecond: measured[Math.floor(measured.length / 2)]!.pairsPerSecond, logits: runs[0]!.logits };
  };
  for (const run of Object.values(runners)) run.close();
  const int8 = median('int8')!;
  const int8OneLane = median('int8OneLane')!;
  const int8Unfused = median('int8Unfused');
  const int8CpuDependent = median('int8CpuDependent');
  const bareCpuDependent = median('bareCpuDependent');
  const fp32Run = median('fp32');
  const fp32Single = median('fp32Single');
  const naiveRun = median('naive')!;
  const naiveUnfused = median('naiveUnfused');
  const naiveFp32 = median('naiveFp32');
  const bare = median('bare')!;
  const bare8 = median('bare8')!;
  // No runtime of this file scores faster than every core running it alone, one pair after another, with nothing else
  // to do: the highest pairs/s the file allows here, and so the highest multiple of naive any runtime of it can reach.
  const cores = availableParallelism();
  const ceiling = cores * Math.max(bare.pairsPerSecond, bare8.pairsPerSecond);
  const py512 = python(pairs, 512, fp32?.torchDir);
  const py256 = python(pairs, 256, fp32?.torchDir);
  const latency = await analysisLatency();
  const latencyOneLane = await analysisLatency(1);

  const data = {
    pairs: pairs.length,
    maxLength: 256,
    fp32Weights: fp32?.weights ?? null,
    ours: {
      int8: { pairsPerSecond: int8.pairsPerSecond, peakRssMiB: int8.peakRssMiB, lanes: int8.lanes, threadsPerLane: int8.threadsPerLane },
      int8OneLane: { pairsPerSecond: int8OneLane.pairsPerSecond, threads: int8OneLane.threadsPerLane, peakRssMiB: int8OneLane.peakRssMiB, maxAbsDiffVsLanes: maxDiff(int8OneLane.logits, int8.logits) },
      int8CpuDependent: int8CpuDependent && { pairsPerSecond: int8CpuDependent.pairsPerSecond, maxAbsDiffVsShipped: maxDiff(int8CpuDependent.logits, int8.logits), onnxruntimeAlonePairsPerSecond: bareCpuDependent?.pairsPerSecond ?? null },
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
    onnxruntimeAlone: {
      onePairPerCall: { pairsPerSecond: bare.pairsPerSecond, cpuMsPerPair: 1000 / bare.pairsPerSecond, maxAbsDiffVsOurs: maxDiff(bare.logits, int8.logits) },
      batchesOf8: { pairsPerSecond: bare8.pairsPerSecond, cpuMsPerPair: 1000 / bare8.pairsPerSecond },
      cores,
      ceilingPairsPerSecond: ceiling,
      oursShareOfCeiling: int8.pairsPerSecond / ceiling,
      highestSpeedupOverNaive: ceiling / naiveRun.pairsPerSecond,
    },
    speedupOverNaive: int8.pairsPerSecond / naiveRun.pairsPerSecond,
    speedupOverNaiveAsExported: naiveUnfused ? int8.pairsPerSecond / naiveUnfused.pairsPerSecond : null,
    speedupOverNaiveFp32: naiveFp32 ? int8.pairsPerSecond / naiveFp32.pairsPerSecond : null,
    speedupOverPython512: py512 ? int8.pairsPerSecond / py512.pairsPerSecond : null,
    analysisLatencyMs: latency,
    analysisLatencyMsOneLane: latencyOneLane,
  };
  const f = (x: number | null | undefined, d = 1) => (x == null ? 'n/a' : x.toFixed(d));
  writeResult(
    'scorer',
    data,
    `
| scorer, ${pairs.length} pairs a round (no text repeated), 256 tokens, median of ${ROUNDS} rounds taken in turn after ${WARM_ROUNDS} not counted | pairs/s | agreement |
| --- | --- | --- |
| ours, int8, the same logits on every x86-64 CPU (shipped: uint8 weights, explicit attention; one pair per call: dynamic quantization makes batched scores depend on the batch), ${int8.lanes} lanes × ${int8.threadsPerLane} thread${(int8.threadsPerLane ?? 1) > 1 ? 's' : ''} | ${f(int8.pairsPerSecond)} | — |
| same, one lane × ${int8OneLane.threadsPerLane} threads | ${f(int8OneLane.pairsPerSecond)} | vs lanes: max abs diff ${f(data.ours.int8OneLane.maxAbsDiffVsLanes, 6)} |
${int8CpuDependent ? `| ours, int8 before it was made CPU-independent (int8 weights, fused attention; its logits depend on the CPU) | ${f(int8CpuDependent.pairsPerSecond)} | vs shipped: max abs diff ${f(data.ours.int8CpuDependent?.maxAbsDiffVsShipped ?? null, 4)} |\n| onnxruntime alone on that file, one thread, one pair per call | ${f(bareCpuDependent?.pairsPerSecond)} | — |\n` : ''}${int8Unfused ? `| ours, int8 as exported (attention not fused) | ${f(int8Unfused.pairsPerSecond)} | vs fused: max abs diff ${f(data.ours.int8AsExported?.maxAbsDiffVsFused ?? null, 6)} |\n` : ''}| ours, fp32, batched by length, at most ${CPU_BATCH_TOKENS} tokens a call | ${f(fp32Run?.pairsPerSecond)} | vs PyTorch fp32 at 256: max abs diff ${f(data.python.maxLength256?.maxAbsDiffVsOursFp32 ?? null, 6)} |
| ours, fp32, one pair per call | ${f(fp32Single?.pairsPerSecond)} | vs ours fp32 batched: max abs diff ${f(data.ours.fp32OnePairPerCall?.maxAbsDiffVsBatched ?? null, 6)} |
| naive: transformers.js, one pair at a time, the shipped int8 file | ${f(naiveRun.pairsPerSecond)} | vs ours int8: max abs diff ${f(data.naive.maxAbsDiffVsOursInt8, 6)} (its pair truncation differs) |
${naiveUnfused ? `| naive on the int8 file as exported | ${f(naiveUnfused.pairsPerSecond)} | — |\n` : ''}| naive with its defaults: the fp32 file${fp32Exported ? ' as exported' : ''}, one pair at a time | ${f(naiveFp32?.pairsPerSecond)} | vs ours fp32: max abs diff ${f(data.naiveFp32?.maxAbsDiffVsOursFp32 ?? null, 6)} |
| onnxruntime alone on the shipped int8 file, one thread, pairs tokenized beforehand, one pair per call | ${f(bare.pairsPerSecond)} (${f(data.onnxruntimeAlone.onePairPerCall.cpuMsPerPair)} ms of CPU a pair) | vs ours int8: max abs diff ${f(data.onnxruntimeAlone.onePairPerCall.maxAbsDiffVsOurs, 6)} |
| same, batches of 8 | ${f(bare8.pairsPerSecond)} (${f(data.onnxruntimeAlone.batchesOf8.cpuMsPerPair)} ms) | — |
| original's approach: PyTorch fp32, batches of 32 (CrossEncoder.predict pattern), max_length 512 | ${f(py512?.pairsPerSecond)} | — |
| same, max_length 256 (as trained) | ${f(py256?.pairsPerSecond)} | vs ours int8: max abs diff ${f(data.python.maxLength256?.maxAbsDiffVsOursInt8 ?? null, 4)} |

fp32 rows and PyTorch: ${fp32?.weights ?? 'not available (no Python environment)'}.${unfusedDir ? '' : ' The int8 file as exported (before attention fusion) is a build product of the model pipeline (models/build), absent here, so its rows are left out.'} Our int8 is ${f(data.speedupOverNaive)}× the naive approach on the same file, ${naiveUnfused ? `${f(data.speedupOverNaiveAsExported)}× naive on the file as exported, ` : ''}${f(data.speedupOverNaiveFp32)}× naive with its defaults (fp32${fp32Exported ? ' as exported' : ''}), and ${f(data.speedupOverPython512)}× the original's. What the file allows: ${cores} cores × the faster of the two rows above = ${f(ceiling)} pairs/s, with tokenizing, scheduling and every other cost at zero. Ours reaches ${f(100 * data.onnxruntimeAlone.oursShareOfCeiling, 0)} % of it; run with these session options, no runtime of this file can pass ${f(data.onnxruntimeAlone.highestSpeedupOverNaive)}× the naive approach here. One full analysis at a time (cross-encoder pair score, requirement table with evidence, calibration; ${latency.resumeChars}-character resumes): p50 ${f(latency.p50, 0)} ms, p95 ${f(latency.p95, 0)} ms with ${latency.lanes} lanes (one lane, ${latency.threadsPerLane} thread${latency.threadsPerLane > 1 ? 's' : ''}, scores its pair); p50 ${f(latencyOneLane.p50, 0)} ms, p95 ${f(latencyOneLane.p95, 0)} ms with one lane × ${latencyOneLane.threadsPerLane} threads. Peak RSS of a process holding only our int8 scorer, while scoring: ${int8.peakRssMiB} MiB with ${int8.lanes} lanes, ${int8OneLane.peakRssMiB} MiB with one. Each runtime runs in a process of its own, one at a time.
`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchScorer();
