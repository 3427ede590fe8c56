/**
 * Sentence embedder throughput (models/sentence-embed, int8): sentences per second for requirement- and resume-like
 * sentences of 8-40 tokens, by lanes × threads and sentences per call, side by side with bare onnxruntime-node (one
 * session, one sentence a call, ids already made) in the same run. The cache is off, so every sentence runs the model.
 * BENCH_EMBED_COMPARE_DIR names another model folder (an earlier sentence-embed, e.g. the twelve-layer e5-small) to
 * measure beside the shipped one in the same run.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { SentenceEmbedder, laneSessionOptions } from '@rc/model-runtime';
import { writeResult } from './report.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const modelDir = join(root, 'models/sentence-embed');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);

function sentences(): string[] {
  const rows = readFileSync(join(root, 'data/dev/similarity/pairs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { requirement: string; resume: string });
  return [...new Set(rows.flatMap((r) => [r.requirement, r.resume]))];
}

async function timed(run: () => Promise<number>): Promise<number> {
  await run(); // warm-up
  let done = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) done += await run();
  return done / ((performance.now() - t0) / 1000);
}

export async function benchEmbedder(): Promise<void> {
  const texts = sentences();
  const rows: Array<{ setup: string; sentencesPerSecond: number }> = [];
  const probe = await SentenceEmbedder.load(modelDir, { lanes: 1, intraOpThreads: 1, cacheSize: 0 });
  const encoded = texts.map((t) => probe.encode(t, 'passage'));
  const shipped = `${probe.info.name} ${probe.info.version}`;
  await probe.close();
  const lengths = encoded.map((e) => e.length).sort((a, b) => a - b);
  const other = process.env.BENCH_EMBED_COMPARE_DIR;
  if (other) {
    const cmp = await SentenceEmbedder.load(other, { lanes: 2, intraOpThreads: 1, cacheSize: 0 });
    const sps = await timed(async () => (await cmp.embed(texts, 'passage')).length);
    rows.push({ setup: `${cmp.info.name} ${cmp.info.version} (${other}), 2 lane(s) × 1 thread(s), its default of ${cmp.info.maxBatch} a call`, sentencesPerSecond: sps });
    console.log(rows.at(-1));
    await cmp.close();
  }

  for (const threads of [1, 2]) {
    const session = await ort.InferenceSession.create(join(modelDir, 'onnx/model_quantized.onnx'), laneSessionOptions('cpu', threads));
    const sps = await timed(async () => {
      for (const ids of encoded) {
        const n = ids.length;
        await session.run({
          input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, n]),
          attention_mask: new ort.Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]),
        });
      }
      return encoded.length;
    });
    await session.release();
    rows.push({ setup: `${shipped}: bare onnxruntime-node, ${threads} thread(s), 1 a call, unpadded`, sentencesPerSecond: sps });
    console.log(rows.at(-1));
  }
  for (const [lanes, threads] of [
    [1, 1],
    [1, 2],
    [2, 1],
  ] as const) {
    for (const maxBatch of [1, 16]) {
      const emb = await SentenceEmbedder.load(modelDir, { lanes, intraOpThreads: threads, maxBatch, cacheSize: 0 });
      const sps = await timed(async () => (await emb.embed(texts, 'passage')).length);
      await emb.close();
      rows.push({ setup: `${shipped}: SentenceEmbedder, ${lanes} lane(s) × ${threads} thread(s), ${maxBatch === 1 ? '1 a call' : `up to ${maxBatch} a call (default)`}`, sentencesPerSecond: sps });
      console.log(rows.at(-1));
    }
  }
  const md = [
    `Sentence embedder (int8, ${texts.length} sentences of ${lengths[0]}-${lengths.at(-1)} tokens, median ${lengths[lengths.length >> 1]}, prefix and specials included; cache off):`,
    '',
    '| setup | sentences/s |',
    '| --- | --- |',
    ...rows.map((r) => `| ${r.setup} | ${r.sentencesPerSecond.toFixed(1)} |`),
  ].join('\n');
  writeResult('embedder', { sentences: texts.length, tokens: { min: lengths[0], max: lengths.at(-1) }, seconds: SECONDS, rows }, md);
}
