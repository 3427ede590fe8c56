export {
  LEXICAL_MODEL,
  pairTitles,
  partsComponents,
  postingReadingAndTerms,
  resumeFactsAt,
  scoreLexical,
  shortlistResume,
  shortlistScore,
  SIDE_CREDENTIAL_KINDS,
  SIDE_PROJECT_MOST,
  statusFor,
  type LexicalInput,
  type PostingRead,
  type ReadingTerms,
  type ShortlistResume,
} from './score.ts';
export { FIT_FEATURES, fitFeatures, fitParts, fitScore, partsOf, type FitParts, type FitWeights } from './fit.ts';
export { checkAsk, type AskCheck } from './asks.ts';
export { skillsAsked, skillsShown } from './weights.ts';
export { readingVersion, textFingerprint } from './reading.ts';
export { analyseText, analyseTexts, readPostings, type PairLexical, type TextAnalysisInput, type TextAnalysisResult } from './text-analysis.ts';
export {
  chunkPairs,
  TEXT_ANALYSIS_CHUNK,
  TEXT_ANALYSIS_DEFAULTS,
  TextAnalysisError,
  TextAnalysisPool,
  type TextAnalysisErrorCode,
  type TextAnalysisPoolOptions,
} from './text-analysis-pool.ts';
