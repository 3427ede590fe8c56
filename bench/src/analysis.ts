/**
 * One analysis as a user runs it: a two-page resume against a long posting, through the product's engine (text
 * analysis in its worker, the cross-encoder, matching by meaning with the sentence embedder), each analysis a resume
 * the engine has not seen (no vector cached). Side by side in one run: the engine without matching by meaning, and the
 * sentence embedder alone on the same resumes' sentences, so the cost of each part is broken out. Names the CPU and
 * whether it has AVX-512 VNNI (the int8 kernels run about 4× slower a pair on an AVX2-only CPU).
 * BENCH_EMBED_COMPARE_DIR names another sentence embedder (an earlier sentence-embed folder, e.g. the twelve-layer
 * e5-small) to run as a third engine in the same loop, with the same thresholds; BENCH_CE_COMPARE_DIR another
 * cross-encoder folder for that engine (e.g. the U8U8 resume-fit 2.0.0 taken from git history).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@rc/config';
import { CrossEncoder, SentenceEmbedder } from '@rc/model-runtime';
import { createTextAnalysis, CrossEncoderEngine, resumeSentences } from '@rc/scorer';
import { machine, percentile, writeResult } from './report.ts';

/** Each pair is analysed this many times by each engine (the pairs: every resume of data/bench against every posting). */
const ROUNDS = Number(process.env.BENCH_ANALYSIS_ROUNDS ?? 1);

function cpuFlags(): string {
  try {
    const flags = readFileSync('/proc/cpuinfo', 'utf8').match(/^flags\s*:(.*)$/m)?.[1] ?? '';
    return flags.includes('avx512_vnni') ? 'AVX-512 VNNI' : flags.includes('avx512f') ? 'AVX-512' : flags.includes('avx2') ? 'AVX2 only' : 'no AVX2';
  } catch {
    return 'unknown';
  }
}

export async function benchAnalysis(): Promise<void> {
  // data/bench: two-page CVs (650–900 words, as text from a PDF) and postings of about 600 words, written for timing
  const dir = join(repoRoot, 'data/bench');
  const read = (sub: string) =>
    readdirSync(join(dir, sub))
      .sort()
      .map((f) => readFileSync(join(dir, sub, f), 'utf8'));
  const postings = read('postings');
  const resumes = read('resumes');
  const pairs = postings.flatMap((vacancyText) => resumes.map((resumeText) => ({ vacancyText, resumeText })));
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  const modelDir = join(repoRoot, 'models/resume-fit');
  const ce = await CrossEncoder.load(modelDir);
  const text = createTextAnalysis({});
  const thresholds = ce.info.calibration?.meaning;
  if (!thresholds) throw new Error('the shipped model has no meaning thresholds');
  // no vector cache: every analysis embeds its resume and its posting's rows afresh, as for texts never seen before
  const embedder = await SentenceEmbedder.load(join(repoRoot, 'models/sentence-embed'), { cacheSize: 0 });
  const full = new CrossEncoderEngine(ce, text, { embed: (t, kind) => embedder.embed(t, kind), thresholds });
  const wordsOnly = new CrossEncoderEngine(ce, text);
  const compareDir = process.env.BENCH_EMBED_COMPARE_DIR;
  const ceCompareDir = process.env.BENCH_CE_COMPARE_DIR;
  const other = compareDir ? await SentenceEmbedder.load(compareDir, { cacheSize: 0 }) : null;
  const otherCe = ceCompareDir ? await CrossEncoder.load(ceCompareDir) : null;
  const compared =
    other || otherCe
      ? new CrossEncoderEngine(otherCe ?? ce, text, { embed: (t, kind) => (other ?? embedder).embed(t, kind), thresholds })
      : null;
  await full.analyse(pairs[0]!); // warm-up: workers, sessions
  await compared?.analyse(pairs[0]!);

  const time = async (f: () => Promise<unknown>) => {
    const t = process.hrtime.bigint();
    await f();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const withMeaning: number[] = [];
  const withoutMeaning: number[] = [];
  const withOther: number[] = [];
  // the two engines alternate, pair by pair; consecutive pairs have different resumes, so no reader cache helps
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[(i * 3) % pairs.length]!;
      withMeaning.push(await time(() => full.analyse(pair)));
      withoutMeaning.push(await time(() => wordsOnly.analyse(pair)));
      if (compared) withOther.push(await time(() => compared.analyse(pair)));
    }
  }
  // the embedder alone on the resumes' sentences as the product cuts them: its share of an analysis
  const sentences = [...new Set(resumes.flatMap((r) => resumeSentences(r).map((s) => s.text)))];
  const before = embedder.stats.embedded;
  const perSentence = (await time(() => embedder.embed(sentences, 'passage'))) / sentences.length;
  if (embedder.stats.embedded - before !== sentences.length) throw new Error('the embedder served sentences from a cache');
  const otherPerSentence = other ? (await time(() => other.embed(sentences, 'passage'))) / sentences.length : null;
  const embedderName = `${embedder.info.name} ${embedder.info.version}`;
  const otherName = [other ? `${other.info.name} ${other.info.version}` : null, otherCe ? `${otherCe.info.name} ${otherCe.info.version}` : null]
    .filter(Boolean)
    .join(' and ');
  const ceName = `${ce.info.name} ${ce.info.version}`;
  await embedder.close();
  await other?.close();
  await otherCe?.close();
  await full.close();
  await text.close();

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const a = sorted(withMeaning);
  const b = sorted(withoutMeaning);
  const c = sorted(withOther);
  const data = {
    cpuFeatures: cpuFlags(),
    postingWords: Math.round(postings.reduce((sum, p) => sum + words(p), 0) / postings.length),
    resumeWords: Math.round(resumes.reduce((sum, r) => sum + words(r), 0) / resumes.length),
    analyses: withMeaning.length,
    withMeaning: { p50Ms: percentile(a, 50), p95Ms: percentile(a, 95) },
    wordsOnly: { p50Ms: percentile(b, 50), p95Ms: percentile(b, 95) },
    embedder: embedderName,
    crossEncoder: ceName,
    embedderMsPerSentence: perSentence,
    ...(compared
      ? { compared: { models: otherName, dirs: [compareDir, ceCompareDir].filter(Boolean), p50Ms: percentile(c, 50), p95Ms: percentile(c, 95), embedderMsPerSentence: otherPerSentence } }
      : {}),
    sentencesPerResume: Math.round(resumes.reduce((sum, r) => sum + resumeSentences(r).length, 0) / resumes.length),
  };
  const f = (x: number) => x.toFixed(0);
  writeResult(
    'analysis',
    data,
    `| one analysis (${data.analyses} pairs of data/bench: two-page resumes of ${data.resumeWords} words, postings of ${data.postingWords} words on average, nothing cached), ${machine().cpu} (${data.cpuFeatures}), ${machine().cpus} cores | p50 | p95 |
| --- | --- | --- |
| the product: text analysis in its worker, cross-encoder (${data.crossEncoder}), matching by meaning (${data.embedder}) | ${f(data.withMeaning.p50Ms)} ms | ${f(data.withMeaning.p95Ms)} ms |
${data.compared ? `| the same with ${data.compared.models} (${data.compared.dirs.join(', ')}) | ${f(data.compared.p50Ms)} ms | ${f(data.compared.p95Ms)} ms |\n` : ''}| without matching by meaning (words, vocabulary and facts) | ${f(data.wordsOnly.p50Ms)} ms | ${f(data.wordsOnly.p95Ms)} ms |

The sentence embedder alone: ${data.embedderMsPerSentence.toFixed(1)} ms a sentence${data.compared?.embedderMsPerSentence ? ` (${other!.info.name} ${other!.info.version}: ${data.compared.embedderMsPerSentence.toFixed(1)} ms)` : ''}, about ${data.sentencesPerResume} sentences a resume (only the rows the words leave open are embedded on the posting's side; in the product a resume's sentences are embedded once and cached, here never).`,
  );
}
