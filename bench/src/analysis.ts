/**
 * One analysis as a user runs it: a two-page resume against a long posting, through the product's engine (text
 * analysis in its worker, the cross-encoder, matching by meaning with the sentence embedder), each analysis a resume
 * the engine has not seen (no vector cached). Side by side in one run: the engine without matching by meaning, and the
 * sentence embedder alone on the same resumes' sentences, so the cost of each part is broken out. Names the CPU and
 * whether it has AVX-512 VNNI (the int8 kernels run about 4× slower a pair on an AVX2-only CPU).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@rc/config';
import { CrossEncoder, SentenceEmbedder } from '@rc/model-runtime';
import { createTextAnalysis, CrossEncoderEngine, loadMeaning } from '@rc/scorer';
import { machine, percentile, writeResult } from './report.ts';

const RUNS = Number(process.env.BENCH_ANALYSES ?? 20);

function cpuFlags(): string {
  try {
    const flags = readFileSync('/proc/cpuinfo', 'utf8').match(/^flags\s*:(.*)$/m)?.[1] ?? '';
    return flags.includes('avx512_vnni') ? 'AVX-512 VNNI' : flags.includes('avx512f') ? 'AVX-512' : flags.includes('avx2') ? 'AVX2 only' : 'no AVX2';
  } catch {
    return 'unknown';
  }
}

export async function benchAnalysis(): Promise<void> {
  const dir = join(repoRoot, 'data/fit-set');
  const posting = readFileSync(join(dir, 'postings/p-sw-01-en.txt'), 'utf8');
  // the longest resumes of the set: two pages as a PDF gives them
  const resumes = readdirSync(join(dir, 'resumes'))
    .map((f) => readFileSync(join(dir, 'resumes', f), 'utf8'))
    .sort((a, b) => b.length - a.length)
    .slice(0, RUNS * 2);
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  const modelDir = join(repoRoot, 'models/resume-fit');
  const ce = await CrossEncoder.load(modelDir);
  const text = createTextAnalysis({});
  const meaning = await loadMeaning({ EMBED_MODEL_DIR: join(repoRoot, 'models/sentence-embed') }, ce.info.calibration?.meaning);
  if (!meaning) throw new Error('the shipped model has no meaning thresholds');
  const full = new CrossEncoderEngine(ce, text, meaning);
  const wordsOnly = new CrossEncoderEngine(ce, text);
  await full.analyse({ vacancyText: posting, resumeText: resumes.at(-1)! }); // warm-up: workers, sessions

  const time = async (f: () => Promise<unknown>) => {
    const t = process.hrtime.bigint();
    await f();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const withMeaning: number[] = [];
  const withoutMeaning: number[] = [];
  // alternate the two engines on fresh resumes (each resume used by one engine only, so no cache helps either)
  for (let i = 0; i < RUNS; i++) {
    withMeaning.push(await time(() => full.analyse({ vacancyText: posting, resumeText: resumes[2 * i]! })));
    withoutMeaning.push(await time(() => wordsOnly.analyse({ vacancyText: posting, resumeText: resumes[2 * i + 1]! })));
  }
  // the embedder alone on fresh sentences of the same length: its share of an analysis
  const embedder = await SentenceEmbedder.load(join(repoRoot, 'models/sentence-embed'));
  const sentences = resumes
    .slice(0, RUNS)
    .flatMap((r) => r.split(/(?<=[.!?])\s+|\n+/))
    .filter((s) => s.trim().length >= 12)
    .map((s, i) => `${s} (${i})`);
  const perSentence = (await time(() => embedder.embed(sentences, 'passage'))) / sentences.length;
  await embedder.close();
  await full.close();
  await text.close();

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const a = sorted(withMeaning);
  const b = sorted(withoutMeaning);
  const data = {
    cpuFeatures: cpuFlags(),
    postingWords: words(posting),
    resumeWords: Math.round(resumes.slice(0, RUNS * 2).reduce((s, r) => s + words(r), 0) / (RUNS * 2)),
    analyses: RUNS,
    withMeaning: { p50Ms: percentile(a, 50), p95Ms: percentile(a, 95) },
    wordsOnly: { p50Ms: percentile(b, 50), p95Ms: percentile(b, 95) },
    embedderMsPerSentence: perSentence,
    sentencesPerResume: Math.round(sentences.length / RUNS),
  };
  const f = (x: number) => x.toFixed(0);
  writeResult(
    'analysis',
    data,
    `| one analysis (${data.postingWords}-word posting, resumes of ${data.resumeWords} words on average, none seen before), ${machine().cpu} (${data.cpuFeatures}), ${machine().cpus} cores | p50 | p95 |
| --- | --- | --- |
| the product: text analysis in its worker, cross-encoder, matching by meaning | ${f(data.withMeaning.p50Ms)} ms | ${f(data.withMeaning.p95Ms)} ms |
| without matching by meaning (words, vocabulary and facts) | ${f(data.wordsOnly.p50Ms)} ms | ${f(data.wordsOnly.p95Ms)} ms |

The sentence embedder alone: ${data.embedderMsPerSentence.toFixed(1)} ms a sentence, about ${data.sentencesPerResume} sentences a resume (only the rows the words leave open are embedded on the posting's side; a resume's sentences are embedded once and cached).`,
  );
}
