/**
 * What extraction takes and gives, its errors with their HTTP statuses, and the sniffing of a file's type: the light
 * part of the package, which the main thread loads; the parsers load only in the extraction workers.
 */
import type { HiddenText } from './hidden.ts';

export type ExtractionErrorCode =
  | 'unsupported_file_type'
  | 'empty_file'
  | 'file_unreadable'
  | 'too_many_pages'
  | 'no_text_found'
  | 'extraction_timeout'
  | 'file_too_large_uncompressed'
  | 'extraction_busy';

const STATUS: Record<ExtractionErrorCode, number> = {
  unsupported_file_type: 415,
  empty_file: 400,
  file_unreadable: 422,
  too_many_pages: 422,
  no_text_found: 422,
  extraction_timeout: 422,
  file_too_large_uncompressed: 422,
  extraction_busy: 503,
};

export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;
  readonly statusCode: number;
  constructor(code: ExtractionErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExtractionError';
    this.code = code;
    this.statusCode = STATUS[code];
  }
}

export type FileType = 'pdf' | 'docx' | 'txt';

export interface ExtractTextInput {
  data: Buffer | Uint8Array;
  /** Used in messages only: the type comes from the content. */
  fileName?: string;
  mimeType?: string;
  /** PDFs with more pages are refused (default 30). */
  maxPages?: number;
  /** Deadline for the whole extraction in its worker (default 15 s); past it the worker is stopped. */
  timeoutMs?: number;
  /** Longer text is cut at this many characters (default 100,000). */
  maxChars?: number;
  /** Largest uncompressed size of any XML part of a DOCX, word/document.xml included (default 25 MB). */
  maxUncompressedBytes?: number;
}

export interface ExtractedText {
  text: string;
  fileType: FileType;
  pages?: number;
  /** The text was longer than maxChars and was cut. */
  truncated: boolean;
  /** Text the file hid from its reader, left out of `text`; null when there was none. */
  hiddenText: HiddenText | null;
}

export const EXTRACTION_DEFAULTS = {
  maxPages: 30,
  timeoutMs: 15_000,
  maxChars: 100_000,
  maxUncompressedBytes: 25 * 1024 * 1024,
} as const;

type Sniffed = 'pdf' | 'zip' | 'text' | 'binary';

/** Whether the bytes at `at` are `bytes`. */
export function startsWith(data: Uint8Array, bytes: number[], at = 0): boolean {
  return bytes.every((b, i) => data[at + i] === b);
}

/** What the bytes are: a PDF (%PDF- within the first KiB), a ZIP, text (UTF-8/UTF-16 BOM, no NUL) or neither. */
export function sniffFileType(data: Uint8Array): Sniffed {
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.length, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff])) return 'text';
  if (data.includes(0)) return 'binary';
  if (head.startsWith('{\\rtf')) return 'binary';
  return 'text';
}
