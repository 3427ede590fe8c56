/**
 * Extraction off the event loop: a deadline pool (@rc/worker-pool) parses files in worker threads, one at a time each. A
 * file that runs past its deadline has its worker terminated and is refused with 422 extraction_timeout; a full queue
 * refuses a file at once with 503 extraction_busy instead of letting it wait behind minutes of parsing.
 */
import { DeadlinePool, moduleBeside } from '@rc/worker-pool';
import { EXTRACTION_DEFAULTS, ExtractionError, type ExtractedText, type ExtractionErrorCode, type ExtractTextInput } from './types.ts';

export interface ExtractionPoolOptions {
  /** Worker threads (default 2): files are parsed in parallel up to this many. */
  size?: number;
  /** Files waiting for a worker beyond those being parsed (default 8); more are refused with extraction_busy. */
  maxQueue?: number;
  /** Heap limit of each worker in MB (default 512): a file that needs more fails alone, not the process. */
  maxHeapMb?: number;
}

// The parsers load in the workers only: PDF.js is loaded on the first PDF, so a worker that reads plain text (the
// CLI's usual case) starts quickly.
const PARSERS = moduleBeside('extract', import.meta.url);

const isExtractionCode = (code: string): code is ExtractionErrorCode =>
  (['unsupported_file_type', 'empty_file', 'file_unreadable', 'too_many_pages', 'no_text_found', 'extraction_timeout', 'file_too_large_uncompressed', 'extraction_busy'] as const).includes(code as ExtractionErrorCode);

export class ExtractionPool {
  private readonly pool: DeadlinePool;

  constructor(options: ExtractionPoolOptions = {}) {
    this.pool = new DeadlinePool({
      module: PARSERS,
      name: 'extraction',
      size: options.size,
      maxQueue: options.maxQueue,
      maxHeapMb: options.maxHeapMb,
      errors: {
        timeout: (ms) => new ExtractionError('extraction_timeout', `Reading the file took longer than ${ms} ms; it was stopped.`),
        busy: () => new ExtractionError('extraction_busy', 'Too many files are being read right now; try again in a few seconds.'),
        outOfMemory: () => new ExtractionError('file_unreadable', 'The file needs more memory to read than is allowed.'),
        thrown: (e) => (e.name === 'ExtractionError' && isExtractionCode(e.code) ? new ExtractionError(e.code, e.message) : undefined),
      },
    });
  }

  get size(): number {
    return this.pool.size;
  }

  get maxQueue(): number {
    return this.pool.maxQueue;
  }

  /** Files being parsed, files waiting, and worker threads alive. */
  get stats(): { busy: number; queued: number; workers: number } {
    return this.pool.stats;
  }

  /** Extracts a file's text in a worker; rejects with ExtractionError (extraction_timeout past the deadline). */
  extract(input: ExtractTextInput): Promise<ExtractedText> {
    if (input.data.length === 0) return Promise.reject(new ExtractionError('empty_file', 'The file is empty.'));
    // The worker gets its own copy of the bytes, moved rather than copied again on the way.
    const data = new Uint8Array(input.data.length);
    data.set(input.data);
    const timeoutMs = input.timeoutMs ?? EXTRACTION_DEFAULTS.timeoutMs;
    return this.pool.run<ExtractedText>('extractTextHere', { ...input, data }, { timeoutMs, transfer: [data.buffer] });
  }

  /** Starts the workers now rather than on the first file (they then sit idle without holding the process open). */
  warm(): Promise<void> {
    return this.pool.warm();
  }

  /** Stops every worker; files being parsed or waiting are refused. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

let shared: ExtractionPool | undefined;

/** The process's pool, started on first use with the default size. */
export function sharedExtractionPool(): ExtractionPool {
  shared ??= new ExtractionPool();
  return shared;
}

/** Extracts a file's text in the shared pool's workers, under its deadline. Throws ExtractionError. */
export function extractText(input: ExtractTextInput): Promise<ExtractedText> {
  return sharedExtractionPool().extract(input);
}
