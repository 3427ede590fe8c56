/**
 * The scorer's text analysis (lexical scoring, the resume's facts) in worker threads under a deadline (@rc/lexical's
 * TextAnalysisPool). A text that runs past the deadline, or needs more memory than a worker has, fails its job at once
 * with a stable code: the same text would do the same on every retry.
 */
import type { Config } from '@rc/config';
import { TextAnalysisError, TextAnalysisPool, type LexicalInput, type PairLexical, type PostingRead, type TextAnalysisInput, type TextAnalysisResult } from '@rc/lexical';
import { PermanentJobError } from '@rc/queue';

export interface TextAnalysis {
  analyseText(input: TextAnalysisInput): Promise<TextAnalysisResult>;
  analyseTexts(pairs: LexicalInput[], onProgress?: (done: number) => void): Promise<PairLexical[]>;
  /** The postings' readings to store with their vacancies, and the terms rankings shortlist them by (@rc/lexical). */
  readPostings(texts: string[]): Promise<PostingRead[]>;
  close(): Promise<void>;
}

/** A deadline or memory failure as a permanent job error with its code; a full pool stays retryable. */
function permanent(err: unknown): never {
  if (err instanceof TextAnalysisError && err.code !== 'text_analysis_busy') throw new PermanentJobError(err.message, err.code);
  throw err;
}

export function textAnalysisOn(pool: TextAnalysisPool): TextAnalysis {
  return {
    analyseText: (input) => pool.analyseText(input).catch(permanent),
    analyseTexts: (pairs, onProgress) => pool.analyseTexts(pairs, onProgress).catch(permanent),
    readPostings: (texts) => pool.readPostings(texts),
    close: () => pool.close(),
  };
}

/**
 * A text analysis with its own pool, whose workers start now, in the background: loading the text readers into a
 * worker takes seconds on a busy machine, which the first analysis would otherwise wait out. Idle workers do not hold
 * the process open.
 */
export function createTextAnalysis(config: Partial<Pick<Config, 'TEXT_ANALYSIS_TIMEOUT_MS' | 'TEXT_ANALYSIS_WORKERS'>>): TextAnalysis {
  const pool = new TextAnalysisPool({ timeoutMs: config.TEXT_ANALYSIS_TIMEOUT_MS, size: config.TEXT_ANALYSIS_WORKERS });
  void pool.warm();
  return textAnalysisOn(pool);
}

let shared: TextAnalysis | undefined;

/** The process's text analysis with the default deadline, for engines built without one (tests, tools). */
export function sharedTextAnalysis(): TextAnalysis {
  shared ??= createTextAnalysis({});
  return shared;
}
