/**
 * The product's scoring engine: the cross-encoder reads the whole (vacancy, resume) pair for the calibrated score, and
 * each requirement against its most likely evidence lines for the requirement table. Long resumes are cut into
 * overlapping windows; the pair's score is the best window's.
 */
import { verdictFor, type RequirementResult, type Scoring } from '@rc/contracts';
import { scoreLexical, statusFor } from '@rc/lexical';
import type { CrossEncoder } from '@rc/model-runtime';
import { splitSentences, terms, type TextSpan } from '@rc/text';
import type { PairText, ScoringEngine } from './engine.ts';

/** Evidence lines per requirement that the cross-encoder reads (chosen by term overlap, plus the lexical best). */
const CANDIDATES = 3;
/** Share of the cross-encoder in a requirement's score; the rest is the lexical coverage. */
const REQUIREMENT_MODEL_SHARE = 0.5;
/** Resume windows read for the pair score at most (a 3-page resume needs about 4). */
const MAX_WINDOWS = 6;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * 1e4) / 1e4;

export class CrossEncoderEngine implements ScoringEngine {
  readonly engine = 'cross-encoder' as const;
  readonly model: string;

  constructor(private readonly ce: CrossEncoder) {
    this.model = `${ce.info.name}@${ce.info.version}`;
  }

  /** The pair's encodings: the vacancy with each window of the resume (one window when it all fits). */
  private pairWindows(vacancyText: string, resumeText: string) {
    const tok = this.ce.tokenizer;
    const a = tok.ids(vacancyText);
    const b = tok.ids(resumeText);
    const budget = tok.maxLength - tok.specialCount;
    const first = tok.pairFromIds(a, b);
    if (first.truncatedSecond === 0) return [first];
    const kept = first.inputIds.length - tok.specialCount;
    const bPerWindow = Math.max(32, kept - Math.min(a.length, Math.floor(budget / 2)));
    const stride = Math.max(16, Math.floor(bPerWindow * 0.75));
    const windows = [first];
    for (let start = stride; start < b.length && windows.length < MAX_WINDOWS; start += stride) {
      windows.push(tok.pairFromIds(a, b.slice(start, start + bPerWindow)));
      if (start + bPerWindow >= b.length) break;
    }
    return windows;
  }

  /** What the calibrated score is computed from: the pair's best window logit and the lexical requirement coverage. */
  async features(pair: PairText): Promise<{ lexical: Scoring; pairLogit: number; coverage: number; windows: number }> {
    const lexical = scoreLexical(pair);
    const windows = this.pairWindows(pair.vacancyText, pair.resumeText);
    const logits = await this.ce.logitsOf(windows);
    return { lexical, pairLogit: Math.max(...logits), coverage: lexical.components.requirement_coverage ?? 0, windows: windows.length };
  }

  /** The calibrated probability of fit: the combined calibration when the model ships one, else Platt on the logit. */
  probability(pairLogit: number, coverage: number): number {
    const combined = this.ce.info.calibration?.combined;
    if (combined) return sigmoid(combined.bias + combined.weights.logit * pairLogit + combined.weights.coverage * coverage);
    return this.ce.probability(pairLogit);
  }

  async analyse(pair: PairText): Promise<Scoring> {
    const lexical = scoreLexical(pair);
    const windows = this.pairWindows(pair.vacancyText, pair.resumeText);
    const sentences = splitSentences(pair.resumeText).map((s) => ({ ...s, terms: new Set(terms(s.text)) }));

    const candidates: TextSpan[][] = lexical.requirements.map((req) => {
      const reqTerms = new Set(terms(req.text));
      const ranked = sentences
        .map((s) => ({ s, overlap: [...reqTerms].filter((t) => s.terms.has(t)).length }))
        .filter((x) => x.overlap > 0)
        .sort((x, y) => y.overlap - x.overlap)
        .slice(0, CANDIDATES)
        .map((x) => x.s as TextSpan);
      const ev = req.evidence;
      if (ev && !ranked.some((s) => s.start === ev.start)) ranked.push({ text: ev.text, start: ev.start, end: ev.end });
      return ranked;
    });
    const reqPairs = lexical.requirements.flatMap((req, i) => candidates[i]!.map((s) => this.ce.tokenizer.pair(req.text, s.text)));
    const logits = await this.ce.logitsOf([...windows, ...reqPairs]);

    const pairLogit = Math.max(...logits.slice(0, windows.length));
    const coverage = lexical.components.requirement_coverage ?? 0;
    const modelScore = this.probability(pairLogit, coverage);
    let k = windows.length;
    const requirements: RequirementResult[] = lexical.requirements.map((req, i) => {
      const cands = candidates[i]!;
      if (cands.length === 0) return { ...req, score: round(req.score * (1 - REQUIREMENT_MODEL_SHARE)), status: statusFor(req.score * (1 - REQUIREMENT_MODEL_SHARE)), evidence: null };
      let best = -Infinity;
      let bestSpan = cands[0]!;
      for (const s of cands) {
        const l = logits[k++]!;
        if (l > best) {
          best = l;
          bestSpan = s;
        }
      }
      const score = round((1 - REQUIREMENT_MODEL_SHARE) * req.score + REQUIREMENT_MODEL_SHARE * sigmoid(best));
      return { ...req, score, status: statusFor(score), evidence: { text: bestSpan.text, start: bestSpan.start, end: bestSpan.end } };
    });

    const score = round(modelScore);
    return {
      score,
      verdict: verdictFor(score),
      requirements,
      language: lexical.language,
      engine: 'cross-encoder',
      model: this.model,
      components: {
        pair_logit: round(pairLogit),
        pair_probability: round(this.ce.probability(pairLogit)),
        calibrated: round(modelScore),
        windows: windows.length,
        lexical_score: lexical.score,
        requirement_coverage: lexical.components.requirement_coverage ?? 0,
      },
    };
  }

  async scorePairs(pairs: PairText[], onProgress?: (done: number) => void): Promise<number[]> {
    const out: number[] = new Array(pairs.length);
    const chunk = 32;
    for (let i = 0; i < pairs.length; i += chunk) {
      const slice = pairs.slice(i, i + chunk);
      const encoded = slice.map((p) => this.ce.tokenizer.pair(p.vacancyText, p.resumeText));
      const logits = await this.ce.logitsOf(encoded);
      logits.forEach((l, j) => (out[i + j] = this.ce.probability(l)));
      onProgress?.(Math.min(1, (i + slice.length) / pairs.length));
    }
    return out;
  }

  async close(): Promise<void> {
    await this.ce.close();
  }
}
