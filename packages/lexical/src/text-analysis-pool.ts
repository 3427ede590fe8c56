/**
 * Text analysis off the event loop: a deadline pool (@rc/worker-pool) runs analyseText and analyseTexts in worker
 * threads. In embedded mode the scorer shares its process with the HTTP gateway; a hostile text analysed on the main
 * thread would hold every request until it was done. Past the deadline the worker is terminated and the call rejects
 * with text_analysis_timeout; rankings are cut into chunks so that each call stays bounded.
 */
import { DeadlinePool, moduleBeside } from '@rc/worker-pool';
import type { LexicalInput, PostingRead } from './score.ts';
import type { PairLexical, TextAnalysisInput, TextAnalysisResult } from './text-analysis.ts';

export type TextAnalysisErrorCode = 'text_analysis_timeout' | 'text_analysis_busy' | 'text_analysis_too_large';

const STATUS: Record<TextAnalysisErrorCode, number> = {
  text_analysis_timeout: 422,
  text_analysis_too_large: 422,
  text_analysis_busy: 503,
};

/** A text the analysis could not finish; its message names no text. */
export class TextAnalysisError extends Error {
  readonly code: TextAnalysisErrorCode;
  readonly statusCode: number;
  constructor(code: TextAnalysisErrorCode, message: string) {
    super(message);
    this.name = 'TextAnalysisError';
    this.code = code;
    this.statusCode = STATUS[code];
  }
}

export const TEXT_ANALYSIS_DEFAULTS = {
  /** Several times the slowest 100,000-character hostile pair measured (about 1.5 s on a busy 2-core machine). */
  timeoutMs: 10_000,
  size: 1,
} as const;

/** A ranking's pairs go to the workers in chunks of at most this many pairs and characters, each under the deadline. */
export const TEXT_ANALYSIS_CHUNK = { pairs: 25, chars: 400_000 } as const;

export interface TextAnalysisPoolOptions {
  /** Worker threads (default 1). */
  size?: number;
  /** Deadline of one call in milliseconds (default 10 s): one pair's analysis, or one chunk of a ranking's. */
  timeoutMs?: number;
  /** Calls waiting for a worker beyond those running (default 64): the scorer's job concurrency bounds them anyway. */
  maxQueue?: number;
  /** Heap limit of each worker in MB (default 512). */
  maxHeapMb?: number;
  /** The module whose analyseText and analyseTexts the workers run: tests point it at functions that never end. */
  module?: URL;
}

/** Cuts pairs into runs of at most TEXT_ANALYSIS_CHUNK.pairs pairs and about TEXT_ANALYSIS_CHUNK.chars characters. */
export function chunkPairs<T extends LexicalInput>(pairs: T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const pair of pairs) {
    const size = pair.vacancyText.length + pair.resumeText.length + (pair.vacancyReading?.length ?? 0);
    if (current.length > 0 && (current.length >= TEXT_ANALYSIS_CHUNK.pairs || chars + size > TEXT_ANALYSIS_CHUNK.chars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(pair);
    chars += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export class TextAnalysisPool {
  readonly timeoutMs: number;
  /** Worker threads: a ranking's chunks run on all of them at once. */
  readonly size: number;
  private readonly pool: DeadlinePool;

  constructor(options: TextAnalysisPoolOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? TEXT_ANALYSIS_DEFAULTS.timeoutMs;
    this.size = options.size ?? TEXT_ANALYSIS_DEFAULTS.size;
    this.pool = new DeadlinePool({
      module: options.module ?? moduleBeside('text-analysis', import.meta.url),
      name: 'text analysis',
      size: this.size,
      maxQueue: options.maxQueue ?? 64,
      maxHeapMb: options.maxHeapMb,
      errors: {
        timeout: (ms) => new TextAnalysisError('text_analysis_timeout', `analysing the text took longer than ${ms} ms; it was stopped`),
        busy: () => new TextAnalysisError('text_analysis_busy', 'too many texts are being analysed right now; try again shortly'),
        outOfMemory: () => new TextAnalysisError('text_analysis_too_large', 'analysing the text needed more memory than is allowed'),
      },
    });
  }

  /** Calls running, calls waiting, and worker threads alive. */
  get stats(): { busy: number; queued: number; workers: number } {
    return this.pool.stats;
  }

  /** analyseText in a worker, under the deadline. Rejects with TextAnalysisError. */
  analyseText(input: TextAnalysisInput): Promise<TextAnalysisResult> {
    return this.pool.run<TextAnalysisResult>('analyseText', input, { timeoutMs: this.timeoutMs });
  }

  /**
   * analyseTexts over many pairs, in chunks, each under the deadline, as many chunks at once as there are workers
   * (a ranking's estimate uses every worker); the results come back in the pairs' order, and onProgress gets the share
   * done as chunks finish.
   */
  async analyseTexts(pairs: LexicalInput[], onProgress?: (done: number) => void): Promise<PairLexical[]> {
    const chunks = chunkPairs(pairs.map(({ vacancyText, resumeText, vacancyReading }) => ({ vacancyText, resumeText, ...(vacancyReading ? { vacancyReading } : {}) })));
    const results: PairLexical[][] = new Array(chunks.length);
    let next = 0;
    let done = 0;
    const runner = async () => {
      while (next < chunks.length) {
        const k = next++;
        try {
          results[k] = await this.pool.run<PairLexical[]>('analyseTexts', chunks[k]!, { timeoutMs: this.timeoutMs });
        } catch (err) {
          next = chunks.length; // one chunk failed the ranking: start no more
          throw err;
        }
        done += chunks[k]!.length;
        onProgress?.(done / pairs.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.size, chunks.length) }, runner));
    return results.flat();
  }

  /**
   * The readings of postings to store with their vacancies (see postingReadingAndTerms), in chunks of at most
   * TEXT_ANALYSIS_CHUNK.pairs texts, each under the deadline; one worker at a time, so live analyses keep the others.
   */
  async readPostings(texts: string[]): Promise<PostingRead[]> {
    const out: PostingRead[] = [];
    for (const chunk of chunkPairs(texts.map((vacancyText) => ({ vacancyText, resumeText: '' })))) {
      out.push(...(await this.pool.run<PostingRead[]>('readPostings', chunk.map((p) => p.vacancyText), { timeoutMs: this.timeoutMs })));
    }
    return out;
  }

  /** Starts the workers now rather than on the first call. */
  warm(): Promise<void> {
    return this.pool.warm();
  }

  /** Stops every worker; calls running or waiting are refused. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
