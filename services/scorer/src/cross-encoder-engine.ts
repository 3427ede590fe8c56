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
import type { CrossEncoder } from '@rc/model-runtime';
import { lexicalPairs, type AnalysisInput, type PairText, type ScoringEngine } from './engine.ts';
import { sharedTextAnalysis, type TextAnalysis } from './text-analysis.ts';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * 1e4) / 1e4;

export class CrossEncoderEngine implements ScoringEngine {
  readonly engine = 'cross-encoder' as const;
  readonly model: string;

  /** `text`: the text analysis this engine owns and closes; without one, the process's shared one. */
  constructor(
    private readonly ce: CrossEncoder,
    private readonly ownText?: TextAnalysis,
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
  ): Promise<{ lexical: Scoring; facts: ResumeFactsResult; pairLogit: number; coverage: number; overlap: number; resumeTokensCut: number }> {
    const analysing = this.text.analyseText(pair);
    const encoded = this.ce.tokenizer.pair(pair.vacancyText, pair.resumeText);
    const [{ lexical, facts }, [pairLogit]] = await Promise.all([analysing, this.ce.logitsOf([encoded])]);
    return {
      lexical,
      facts,
      pairLogit: pairLogit!,
      coverage: lexical.components.requirement_coverage ?? 0,
      overlap: lexical.components.document_overlap ?? 0,
      resumeTokensCut: encoded.truncatedSecond,
    };
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
    const score = round(this.probability(f.pairLogit, f.coverage, f.overlap));
    return {
      score,
      verdict: verdictFor(score),
      requirements: f.lexical.requirements,
      language: f.lexical.language,
      engine: 'cross-encoder',
      model: this.model,
      components: {
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
      const lexical = this.text.analyseTexts(slice);
      const [logits, lexicalParts] = await Promise.all([this.ce.logitsOf(slice.map((p) => this.ce.tokenizer.pairHead(p.vacancyText, p.resumeText))), lexical]);
      logits.forEach((l, j) => {
        const c = lexicalParts[j]!.components;
        out[i + j] = this.probability(l, c.requirement_coverage ?? 0, c.document_overlap ?? 0);
      });
      onProgress?.(Math.min(1, (i + slice.length) / pairs.length));
    }
    return out;
  }

  /**
   * The lexical part of the calibrated score (coverage and overlap with their fitted weights): what the final score
   * adds the model's logit to. Without a combined calibration, the lexical score.
   */
  prescorePairs(pairs: PairText[]): Promise<number[]> {
    if (!this.ce.info.calibration?.combined) return lexicalPairs(this.text, pairs, (s) => s.score);
    return lexicalPairs(this.text, pairs, (s) => this.lexicalPart(s.components.requirement_coverage ?? 0, s.components.document_overlap ?? 0));
  }

  async close(): Promise<void> {
    await this.ce.close();
    await this.ownText?.close();
  }
}
