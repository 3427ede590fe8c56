/**
 * The product's scoring engine. The cross-encoder reads the (vacancy, resume) pair as it was trained (256 tokens, both
 * sides cut longest-first); the lexical scorer reads every line of both texts. The score is one calibrated logistic
 * model over the cross-encoder's logit and the lexical requirement coverage and document overlap (calibration.json,
 * fitted on pairs held out of training; `pnpm model:calibrate`).
 *
 * The requirement table (status and evidence per requirement) comes from the lexical scorer: the cross-encoder was
 * trained on whole pairs, and scoring single requirements against single resume lines with it was measured to carry
 * no signal (a requirement scored higher against an unrelated line as often as against the line that covers it).
 */
import { verdictFor, type ResumeFactsResult, type Scoring } from '@rc/contracts';
import { fitScore, partsOf, type FitWeights, type PostingRead, type TextAnalysisResult } from '@rc/lexical';
import type { CrossEncoder } from '@rc/model-runtime';
import { lexicalPairs, type AnalysisInput, type PairText, type ScoringEngine } from './engine.ts';
import { refineByMeaning, type Embed, type MeaningThresholds, type PairTitles } from './meaning.ts';
import { sharedTextAnalysis, type TextAnalysis } from './text-analysis.ts';

/** Matching by meaning: a sentence embedder and the cosines at which a sentence shows a requirement. */
export interface MeaningOptions {
  embed: Embed;
  thresholds: MeaningThresholds;
  close?: () => Promise<void>;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * How many pairs past a ranking's length get the model's logit. With the shipped calibration the logit moves a score
 * by a few hundredths at most (a weight of 0.045 on logits within about ±5), so a pair a place or two below the list
 * by its parts can still rise into it; one further down did not on any ranking measured.
 */
export const MODEL_MARGIN = 2;

export class CrossEncoderEngine implements ScoringEngine {
  readonly engine = 'cross-encoder' as const;
  readonly model: string;

  /** `text`: the text analysis this engine owns and closes; without one, the process's shared one. */
  constructor(
    private readonly ce: CrossEncoder,
    private readonly ownText?: TextAnalysis,
    private readonly meaning?: MeaningOptions,
  ) {
    this.model = `${ce.info.name}@${ce.info.version}`;
    if (!ownText) sharedTextAnalysis();
  }

  private get text(): TextAnalysis {
    return this.ownText ?? sharedTextAnalysis();
  }

  /**
   * What the calibrated score is computed from: the pair's logit as the model was trained and calibrated (the first
   * 256 tokens), the lexical requirement coverage and document overlap, and how many resume tokens the model did not
   * read (the lexical features read them all).
   */
  async features(
    pair: AnalysisInput,
  ): Promise<{ lexical: Scoring; facts: ResumeFactsResult; titles: PairTitles; pairLogit: number; coverage: number; overlap: number; resumeTokensCut: number }> {
    const analysing = this.text.analyseText(pair).then(async (analysis) => ({
      facts: analysis.facts,
      titles: analysis.titles,
      lexical: await this.byMeaning(analysis, pair.resumeText),
    }));
    const encoded = this.ce.tokenizer.pair(pair.vacancyText, pair.resumeText);
    const [{ lexical, facts, titles }, [pairLogit]] = await Promise.all([analysing, this.ce.logitsOf([encoded])]);
    return {
      lexical,
      facts,
      titles,
      pairLogit: pairLogit!,
      coverage: lexical.components.requirement_coverage ?? 0,
      overlap: lexical.components.document_overlap ?? 0,
      resumeTokensCut: encoded.truncatedSecond,
    };
  }

  /**
   * The score of a pair from its lexical components and logit: the fit model over the parts when the model ships
   * one (a missing must-have capping it), else the older combined calibration, else Platt on the logit.
   */
  scoreOf(components: Record<string, number>, pairLogit: number): { score: number; capped: boolean } {
    const fit = this.fitWeightsFor(components);
    if (fit) return fitScore(partsOf(components), fit.weights, fit.withLogit ? pairLogit : undefined);
    return { score: this.probability(pairLogit, components.requirement_coverage ?? 0, components.document_overlap ?? 0), capped: false };
  }

  /**
   * The fit score's weights for a pair, and whether they weigh the logit; none without a fitted `fit`. The
   * cross-encoder reads a pair in one language; where the posting and the resume differ it has learned little, so
   * such a pair is scored by its parts alone, with the weights fitted without the model's judgement.
   */
  private fitWeightsFor(components: Record<string, number>): { weights: FitWeights; withLogit: boolean } | null {
    const { fit, fit_cross_language: cross } = this.ce.info.calibration ?? {};
    if (!fit) return null;
    if (cross && components.cross_language === 1) return { weights: cross as FitWeights, withLogit: false };
    return { weights: fit as FitWeights, withLogit: true };
  }

  /**
   * Each pair's scoring by its parts, as an analysis reads them: with matching by meaning the rows are needed, not only
   * the parts, so each pair is analysed whole.
   */
  private partsOfPairs(pairs: PairText[]): Promise<Array<{ components: Record<string, number> }>> {
    if (!this.meaning) return this.text.analyseTexts(pairs);
    return Promise.all(pairs.map((p) => this.text.analyseText(p).then((analysis) => this.byMeaning(analysis, p.resumeText))));
  }

  /** The fit score from a pair's parts without the model's logit (needs a fitted `fit`): the estimate rankings order by. */
  private scoreWithoutLogit(components: Record<string, number>): number {
    return fitScore(partsOf(components), this.fitWeightsFor(components)!.weights).score;
  }

  /** The text analysis's rows with those the words left open raised by meaning, when the engine matches by meaning. */
  private byMeaning({ lexical, titles }: TextAnalysisResult, resumeText: string): Promise<Scoring> {
    if (!this.meaning) return Promise.resolve(lexical);
    return refineByMeaning(lexical, resumeText, this.meaning.embed, this.meaning.thresholds, titles);
  }

  /** The calibrated probability of fit: the combined calibration when the model ships one, else Platt on the logit. */
  probability(pairLogit: number, coverage: number, overlap: number): number {
    const combined = this.ce.info.calibration?.combined;
    if (combined) return sigmoid(combined.bias + combined.weights.logit * pairLogit + this.lexicalPart(coverage, overlap));
    return this.ce.probability(pairLogit);
  }

  /** The combined calibration's lexical terms: what its log-odds add to the model's weighted logit. */
  private lexicalPart(coverage: number, overlap: number): number {
    const w = this.ce.info.calibration!.combined!.weights;
    return w.coverage * coverage + (w.overlap ?? 0) * overlap;
  }

  async analyse(pair: AnalysisInput): Promise<Scoring> {
    const f = await this.features(pair);
    const fit = this.scoreOf(f.lexical.components, f.pairLogit);
    const score = round(fit.score);
    return {
      score,
      verdict: verdictFor(score),
      requirements: f.lexical.requirements,
      language: f.lexical.language,
      engine: 'cross-encoder',
      model: this.model,
      components: {
        ...f.lexical.components,
        capped: fit.capped ? 1 : 0,
        pair_logit: round(f.pairLogit),
        pair_probability: round(this.ce.probability(f.pairLogit)),
        requirement_coverage: round(f.coverage),
        document_overlap: round(f.overlap),
        resume_tokens_cut: f.resumeTokensCut,
        lexical_score: f.lexical.score,
      },
      resume_facts: f.facts,
    };
  }

  /** Calibrated scores of many pairs, for rankings: the same score an analysis of each pair would give. */
  async scorePairs(pairs: PairText[], onProgress?: (done: number) => void): Promise<number[]> {
    const out: number[] = new Array(pairs.length);
    const chunk = 32;
    for (let i = 0; i < pairs.length; i += chunk) {
      const slice = pairs.slice(i, i + chunk);
      const logits = this.ce.logitsOf(slice.map((p) => this.ce.tokenizer.pairHead(p.vacancyText, p.resumeText)));
      const [scored, parts] = await Promise.all([logits, this.partsOfPairs(slice)]);
      scored.forEach((l, j) => {
        out[i + j] = this.scoreOf(parts[j]!.components, l).score;
      });
      onProgress?.(Math.min(1, (i + slice.length) / pairs.length));
    }
    return out;
  }

  /**
   * Full scores for the pairs that can make a ranking's best `limit`, null for the rest. Every pair's parts are read
   * first (the text analysis and matching by meaning, as `scorePairs` reads them); the fit score without the model's
   * logit then orders them, and the cross-encoder runs on the best `limit` + `MODEL_MARGIN` only. A pair in two
   * languages is scored by its parts alone, so it always gets its full score. On rankings of 1,000 vacancies (the
   * README's "Ranking") the best 10 of the 12 were the best 10 by the full score of all 20 every time.
   */
  async scoreBest(pairs: PairText[], limit: number, onProgress?: (done: number) => void): Promise<Array<number | null>> {
    const keep = limit + MODEL_MARGIN;
    if (pairs.length <= keep || !this.ce.info.calibration?.fit) return this.scorePairs(pairs, onProgress);
    const parts = await this.partsOfPairs(pairs);
    onProgress?.(0.5);
    const out: Array<number | null> = new Array(pairs.length).fill(null);
    const byParts = parts
      .map((s, i) => ({ i, s: this.scoreWithoutLogit(s.components), withLogit: this.fitWeightsFor(s.components)!.withLogit }))
      .sort((a, b) => b.s - a.s || a.i - b.i);
    const modelled: number[] = [];
    byParts.forEach(({ i, s, withLogit }, rank) => {
      // (a pair in two languages: its parts are its score)
      if (!withLogit) out[i] = s;
      else if (rank < keep) modelled.push(i);
    });
    const logits = await this.ce.logitsOf(modelled.map((i) => this.ce.tokenizer.pairHead(pairs[i]!.vacancyText, pairs[i]!.resumeText)));
    modelled.forEach((i, k) => (out[i] = this.scoreOf(parts[i]!.components, logits[k]!).score));
    onProgress?.(1);
    return out;
  }

  /**
   * The lexical part of the calibrated score (coverage and overlap with their fitted weights): what the final score
   * adds the model's logit to. Without a combined calibration, the lexical score.
   */
  prescorePairs(pairs: PairText[]): Promise<number[]> {
    // without the logit's term: the parts' share of the score, in the same order as the full score mostly puts them;
    // a pair in two languages is scored by its parts alone, so its estimate is its score
    if (this.ce.info.calibration?.fit) {
      return lexicalPairs(this.text, pairs, (s) => this.scoreWithoutLogit(s.components));
    }
    if (!this.ce.info.calibration?.combined) return lexicalPairs(this.text, pairs, (s) => s.score);
    return lexicalPairs(this.text, pairs, (s) => this.lexicalPart(s.components.requirement_coverage ?? 0, s.components.document_overlap ?? 0));
  }

  readPostings(texts: string[]): Promise<PostingRead[]> {
    return this.text.readPostings(texts);
  }

  async close(): Promise<void> {
    await this.meaning?.close?.();
    await this.ce.close();
    await this.ownText?.close();
  }
}
