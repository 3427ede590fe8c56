export { LEXICAL_MODEL, partsComponents, scoreLexical, squash, statusFor, type LexicalInput } from './score.ts';
export { FIT_FEATURES, fitFeatures, fitParts, fitScore, partsOf, type FitParts, type FitWeights } from './fit.ts';
export { checkAsk, type AskCheck } from './asks.ts';
