export * from './engine.ts';
export { startScorer, type ScorerDeps } from './worker.ts';
export { createEngine } from './create-engine.ts';
