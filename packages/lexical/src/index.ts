export { LEXICAL_MODEL, scoreLexical, squash, statusFor, type LexicalInput } from './score.ts';
export { analyseText, analyseTexts, type PairLexical, type TextAnalysisInput, type TextAnalysisResult } from './text-analysis.ts';
export {
  chunkPairs,
  TEXT_ANALYSIS_CHUNK,
  TEXT_ANALYSIS_DEFAULTS,
  TextAnalysisError,
  TextAnalysisPool,
  type TextAnalysisErrorCode,
  type TextAnalysisPoolOptions,
} from './text-analysis-pool.ts';
