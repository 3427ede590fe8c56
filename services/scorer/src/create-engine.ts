/** Picks the scoring engine: the cross-encoder from MODEL_DIR, or the lexical scorer when MODEL_DIR=none. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@rc/config';
import { CrossEncoder, SentenceEmbedder } from '@rc/model-runtime';
import { CrossEncoderEngine, type MeaningOptions } from './cross-encoder-engine.ts';
import { LexicalEngine, ReadingOrderEngine, type ScoringEngine } from './engine.ts';
import { createTextAnalysis } from './text-analysis.ts';

export async function createEngine(
  config: Pick<Config, 'MODEL_DIR'> &
    Partial<Pick<Config, 'SCORER_DEVICE' | 'SCORER_LANES' | 'SCORER_THREADS' | 'EMBED_MODEL_DIR' | 'TEXT_ANALYSIS_TIMEOUT_MS' | 'TEXT_ANALYSIS_WORKERS'>>,
  log?: { info(obj: object, msg: string): void },
): Promise<ScoringEngine> {
  if (config.MODEL_DIR === 'none') return new ReadingOrderEngine(new LexicalEngine(createTextAnalysis(config)));
  if (!existsSync(join(config.MODEL_DIR, 'tokenizer.json'))) {
    // A misconfigured MODEL_DIR must not silently fall back: the score would change meaning.
    throw new Error(`MODEL_DIR=${config.MODEL_DIR} has no tokenizer.json; set MODEL_DIR=none for the lexical scorer`);
  }
  const ce = await CrossEncoder.load(config.MODEL_DIR, {
    device: config.SCORER_DEVICE,
    lanes: config.SCORER_LANES || undefined,
    intraOpThreads: config.SCORER_THREADS || undefined,
  });
  const engine = new CrossEncoderEngine(ce, createTextAnalysis(config), await loadMeaning(config, ce.info.calibration?.meaning));
  // Warm-up: the first run allocates and optimises; do it before taking jobs.
  await engine.analyse({ vacancyText: 'Warm-up vacancy: Python developer.', resumeText: 'Warm-up resume: Python developer, 3 years.' });
  log?.info({ model: engine.model, file: ce.info.file, lanes: ce.info.lanes, threadsPerLane: ce.info.threadsPerLane, maxBatch: ce.info.maxBatch, batchTokens: ce.info.batchTokens }, 'cross-encoder loaded');
  return new ReadingOrderEngine(engine);
}

/**
 * The sentence embedder for matching by meaning, with the cosines the fit score was fitted with (calibration.json's
 * `meaning`); none when EMBED_MODEL_DIR=none or the cross-encoder ships no thresholds (its score was fitted without).
 */
export async function loadMeaning(
  config: Partial<Pick<Config, 'EMBED_MODEL_DIR' | 'SCORER_LANES' | 'SCORER_THREADS'>>,
  thresholds: MeaningOptions['thresholds'] | undefined,
): Promise<MeaningOptions | undefined> {
  const dir = config.EMBED_MODEL_DIR;
  if (!dir || dir === 'none' || !thresholds) return undefined;
  if (!existsSync(join(dir, 'tokenizer.json'))) {
    throw new Error(`EMBED_MODEL_DIR=${dir} has no tokenizer.json; set EMBED_MODEL_DIR=none to match by words alone`);
  }
  const embedder = await SentenceEmbedder.load(dir, { lanes: config.SCORER_LANES || undefined, intraOpThreads: config.SCORER_THREADS || undefined });
  return { embed: (texts, kind) => embedder.embed(texts, kind), thresholds, close: () => embedder.close() };
}
