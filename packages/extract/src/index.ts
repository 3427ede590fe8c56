export {
  EXTRACTION_DEFAULTS,
  ExtractionError,
  extractText,
  sniffFileType,
  type ExtractedText,
  type ExtractionErrorCode,
  type ExtractTextInput,
  type FileType,
} from './extract.ts';
