/**
 * The text analysis of a (vacancy, resume) pair that the scorer runs off its event loop (text-analysis-pool.ts): the
 * lexical scoring and the resume reader's facts. These are the functions the analysis workers call; what they return
 * is plain data, so it crosses from the worker to the scorer unchanged.
 */
import type { ResumeFactsResult, Scoring } from '@rc/contracts';
import { resumeSummary } from '@rc/text';
import { pairTitles, postingReadingAndTerms, resumeFactsAt, scoreLexical, type LexicalInput, type PostingRead } from './score.ts';

export interface TextAnalysisInput {
  vacancyText: string;
  resumeText: string;
  /** What "present" in the resume's dates means (ISO); the current time by default. */
  now?: string;
  /** The posting's reading stored with the vacancy, if any (see postingReadingAndTerms). */
  vacancyReading?: string | null;
}

export interface TextAnalysisResult {
  lexical: Scoring;
  facts: ResumeFactsResult;
  /** The posting's title and the resume's headline and job titles (see pairTitles). */
  titles: { vacancy: string | null; resume: string[] };
}

/** The lexical part of a pair's score, as rankings read it for many pairs. */
export interface PairLexical {
  score: number;
  components: Record<string, number>;
}

export function analyseText(input: TextAnalysisInput): TextAnalysisResult {
  const now = input.now === undefined ? undefined : new Date(input.now);
  const lexical = scoreLexical({ vacancyText: input.vacancyText, resumeText: input.resumeText, now, vacancyReading: input.vacancyReading });
  const facts = resumeSummary(resumeFactsAt(input.resumeText, now));
  return { lexical, facts, titles: pairTitles(input.vacancyText, input.resumeText, now, input.vacancyReading) };
}

/** The readings of postings, to store with their vacancies, and the terms rankings shortlist them by. */
export function readPostings(texts: string[]): PostingRead[] {
  return texts.map(postingReadingAndTerms);
}

/** Lexical score and components of each pair; the pool hands it bounded chunks (see TEXT_ANALYSIS_CHUNK). */
export function analyseTexts(pairs: LexicalInput[]): PairLexical[] {
  return pairs.map((pair) => {
    const { score, components } = scoreLexical(pair);
    return { score, components };
  });
}
