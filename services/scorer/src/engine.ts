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
  close(): Promise<void>;
}

export class LexicalEngine implements ScoringEngine {
  readonly engine = 'lexical' as const;
  readonly model = 'bm25-lexical-v1';

  async analyse(pair: PairText): Promise<Scoring> {
    return scoreLexical(pair);
  }

  async scorePairs(pairs: PairText[], onProgress?: (done: number) => void): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < pairs.length; i++) {
      out.push(scoreLexical(pairs[i]!).score);
      if (onProgress && i % 25 === 24) onProgress((i + 1) / pairs.length);
      // Yield now and then so a long ranking does not starve the event loop (HTTP, other jobs).
      if (i % 50 === 49) await new Promise((r) => setImmediate(r));
    }
    onProgress?.(1);
    return out;
  }

  async close(): Promise<void> {}
}
