export * from './engine.ts';
export { startScorer, type Scorer, type ScorerDeps } from './worker.ts';
export { readPostingsOnce, startPostingReader, type PostingReader } from './posting-reader.ts';
export { scoreAnalysisJob } from './jobs/score-analysis.ts';
export { createEngine, loadMeaning } from './create-engine.ts';
export { CrossEncoderEngine } from './cross-encoder-engine.ts';
export { resumeSentences } from './meaning.ts';
export { createTextAnalysis, sharedTextAnalysis, textAnalysisOn, type TextAnalysis } from './text-analysis.ts';
