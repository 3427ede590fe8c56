/**
 * A scoring engine turns (vacancy, resume) into a Scoring: the overall score, the verdict and the per-requirement
 * results with evidence. The cross-encoder is the product's engine; the lexical one stands in when no model is set.
 */
import type { Scoring } from '@rc/contracts';
import type { PairLexical, PostingRead } from '@rc/lexical';
import { readingOrder, RecentTexts } from '@rc/text';
import { sharedTextAnalysis, type TextAnalysis } from './text-analysis.ts';

export interface PairText {
  vacancyText: string;
  resumeText: string;
  /** The posting's reading stored with the vacancy, when it has one (used only if it is of this text and code). */
  vacancyReading?: string | null;
}

/** A pair to analyse, and what "present" in the resume's dates means (ISO; an analysis passes when it was accepted). */
export interface AnalysisInput extends PairText {
  now?: string;
}

export interface ScoringEngine {
  readonly engine: 'cross-encoder' | 'lexical';
  readonly model: string;
  /** The full analysis of one pair: score, verdict, requirements with evidence, the resume's facts. */
  analyse(pair: AnalysisInput): Promise<Scoring>;
  /** Whole-pair fit scores (0..1) for many pairs, for rankings; onProgress gets the share done. */
  scorePairs(pairs: PairText[], onProgress?: (done: number) => void): Promise<number[]>;
  /**
   * The scores a ranking shows when it lists the best `limit` of these pairs: each pair that can be among them gets
   * its full score, the same an analysis gives; a pair that cannot gets null. The cross-encoder's engine reads every
   * pair's parts first and gives the model's whole-pair judgement only to the best `limit` + `MODEL_MARGIN` by them
   * (the logit's weight is small next to the parts'); the lexical engine scores them all.
   */
  scoreBest(pairs: PairText[], limit: number, onProgress?: (done: number) => void): Promise<Array<number | null>>;
  /**
   * A cheap estimate that orders pairs as scorePairs would, without the model: rankings read it over the whole
   * shortlist and give the full score to the best of them.
   */
  prescorePairs(pairs: PairText[]): Promise<number[]>;
  /** The postings' readings to store with their vacancies, so that rankings need not read them again. */
  readPostings(texts: string[]): Promise<PostingRead[]>;
  close(): Promise<void>;
}

/** Lexical scores of many pairs, analysed in the text-analysis workers (HTTP and other jobs go on meanwhile). */
export async function lexicalPairs(
  text: TextAnalysis,
  pairs: PairText[],
  score: (s: PairLexical) => number,
  onProgress?: (done: number) => void,
): Promise<number[]> {
  const out = (await text.analyseTexts(pairs, onProgress)).map(score);
  onProgress?.(1);
  return out;
}

export class LexicalEngine implements ScoringEngine {
  readonly engine = 'lexical' as const;
  readonly model = 'bm25-lexical-v1';

  /** `text`: the text analysis this engine owns and closes; without one, the process's shared one, started now. */
  constructor(private readonly text?: TextAnalysis) {
    if (!text) sharedTextAnalysis();
  }

  async analyse(pair: AnalysisInput): Promise<Scoring> {
    const { lexical, facts } = await (this.text ?? sharedTextAnalysis()).analyseText(pair);
    return { ...lexical, resume_facts: facts };
  }

  scorePairs(pairs: PairText[], onProgress?: (done: number) => void): Promise<number[]> {
    return lexicalPairs(this.text ?? sharedTextAnalysis(), pairs, (s) => s.score, onProgress);
  }

  scoreBest(pairs: PairText[], _limit: number, onProgress?: (done: number) => void): Promise<Array<number | null>> {
    return this.scorePairs(pairs, onProgress);
  }

  /** The lexical score is cheap already: the estimate is the score itself. */
  prescorePairs(pairs: PairText[]): Promise<number[]> {
    return lexicalPairs(this.text ?? sharedTextAnalysis(), pairs, (s) => s.score);
  }

  readPostings(texts: string[]): Promise<PostingRead[]> {
    return (this.text ?? sharedTextAnalysis()).readPostings(texts);
  }

  async close(): Promise<void> {
    await this.text?.close();
  }
}

/** Resumes put in reading order lately: a ranking pairs one resume with thousands of vacancies. */
const ordered = new RecentTexts<string>(16);

/** The pair with its resume in reading order (a two-column PDF's left column, then its right: see `readingOrder`). */
export function inReadingOrder<T extends PairText>(pair: T): T {
  const resumeText = ordered.get(pair.resumeText, readingOrder);
  return resumeText === pair.resumeText ? pair : { ...pair, resumeText };
}

/**
 * An engine that reads every resume in reading order: a CV laid out in two columns, extracted from a PDF with its
 * layout kept, had its jobs beside its skills and certificates on the same lines, and no job was read. Scores,
 * evidence and the resume's facts are of the resume so ordered (evidence quotes its lines, whole).
 */
export class ReadingOrderEngine implements ScoringEngine {
  constructor(private readonly inner: ScoringEngine) {}
  get engine() {
    return this.inner.engine;
  }
  get model() {
    return this.inner.model;
  }
  analyse(pair: AnalysisInput): Promise<Scoring> {
    return this.inner.analyse(inReadingOrder(pair));
  }
  scorePairs(pairs: PairText[], onProgress?: (done: number) => void): Promise<number[]> {
    return this.inner.scorePairs(pairs.map(inReadingOrder), onProgress);
  }
  scoreBest(pairs: PairText[], limit: number, onProgress?: (done: number) => void): Promise<Array<number | null>> {
    return this.inner.scoreBest(pairs.map(inReadingOrder), limit, onProgress);
  }
  prescorePairs(pairs: PairText[]): Promise<number[]> {
    return this.inner.prescorePairs(pairs.map(inReadingOrder));
  }
  readPostings(texts: string[]): Promise<PostingRead[]> {
    return this.inner.readPostings(texts);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
