export { CPU_BATCH_TOKENS, CrossEncoder, pairFeeds, type Calibration, type CrossEncoderOptions, type ModelInfo } from './cross-encoder.ts';
export { PairTokenizer, type EncodedPair, type Truncation } from './pair-tokenizer.ts';
export { Batcher, QueueFullError, type BatcherOptions } from './batcher.ts';
export { laneSessionOptions } from './ort-lanes.ts';
export { SentenceEmbedder, cosine, type EmbedKind, type EmbedderStats, type SentenceEmbedderInfo, type SentenceEmbedderOptions } from './sentence-embedder.ts';
