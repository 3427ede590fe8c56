/** Text of uploaded files (PDF, DOCX, TXT), read in worker threads under a deadline, without hidden text. */
export {
  EXTRACTION_DEFAULTS,
  ExtractionError,
  sniffFileType,
  type ExtractedText,
  type ExtractionErrorCode,
  type ExtractTextInput,
  type FileType,
} from './types.ts';
export { ExtractionPool, extractText, sharedExtractionPool, type ExtractionPoolOptions } from './pool.ts';
export type { HiddenText, HiddenTextReason } from './hidden.ts';
