/**
 * A scoring engine turns (vacancy, resume) into a Scoring: the overall score, the verdict and the per-requirement
 * results with evidence. The cross-encoder is the product's engine; the lexical one stands in when no model is set.
 */
import type { Scoring } from '@rc/contracts';
import { scoreLexical } from '@rc/lexical';

export interface PairText {
  vacancyText: string;
  resumeText: string;
}

export interface ScoringEngine {
  readonly engine: 'cross-encoder' | 'lexical';
  readonly model: string;
  /** The full analysis of one pair: score, verdict, requirements with evidence. */
  analyse(pair: PairText): Promise<Scoring>;
  /** Whole-pair fit scores (0..1) for many pairs, for rankings; onProgress gets the share done. */
  scorePairs(pairs: PairText[], onProgress?: (done: number) => void): Promise<number[]>;
  /**
   * A cheap estimate that orders pairs as scorePairs would, without the model: rankings read it over the whole
   * shortlist and give the full score to the best of them.
   */
  prescorePairs(pairs: PairText[]): Promise<number[]>;
  close(): Promise<void>;
}

/** Lexical scores of many pairs, yielding to the event loop now and then (HTTP and other jobs go on meanwhile). */
export async function lexicalPairs(
  pairs: PairText[],
  score: (s: Scoring) => number,
  onProgress?: (done: number) => void,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < pairs.length; i++) {
    out.push(score(scoreLexical(pairs[i]!)));
    if (onProgress && i % 25 === 24) onProgress((i + 1) / pairs.length);
    if (i % 50 === 49) await new Promise((r) => setImmediate(r));
  }
  onProgress?.(1);
  return out;
}

export class LexicalEngine implements ScoringEngine {
  readonly engine = 'lexical' as const;
  readonly model = 'bm25-lexical-v1';

  async analyse(pair: PairText): Promise<Scoring> {
    return scoreLexical(pair);
  }

  scorePairs(pairs: PairText[], onProgress?: (done: number) => void): Promise<number[]> {
    return lexicalPairs(pairs, (s) => s.score, onProgress);
  }

  /** The lexical score is cheap already: the estimate is the score itself. */
  prescorePairs(pairs: PairText[]): Promise<number[]> {
    return lexicalPairs(pairs, (s) => s.score);
  }

  async close(): Promise<void> {}
}
