/**
 * `pnpm model:fit-score`: fits the fit score's weights (packages/lexical/src/fit.ts) on the FIT part of the realistic
 * fit set (data/fit-set; the held-out postings are never read here): a logistic model over the parts (must-have and
 * nice-to-have coverage, years, title, overlap) with and without the cross-encoder's logit, with the grades as soft
 * targets so strong pairs land above the strong verdict, partial ones in the middle and unrelated ones near zero.
 * Writes `fit` into MODEL_DIR/calibration.json (with the logit) and packages/lexical/src/fit-weights.json (without).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigOrExit, repoRoot } from '@rc/config';
import { FIT_FEATURES, fitFeatures, fitScore, partsOf, type FitWeights } from '@rc/lexical';
import { CrossEncoder } from '@rc/model-runtime';
import { CrossEncoderEngine } from '../cross-encoder-engine.ts';
import { loadFitSet } from '../evaluation/fit-set.ts';
import { GRADE_RANK, type Grade } from '../evaluation/fit-set-metrics.ts';
import { fitLogistic } from './logistic.ts';

/** What each grade's score should be near: strong above 0.7, partial in 0.4–0.7, adjacent low, unrelated ≈ 0. */
export const GRADE_TARGET: Record<Grade, number> = { strong: 0.9, partial: 0.55, adjacent: 0.08, unrelated: 0.01 };
/** The most a pair with a must-have missing scores: a partial fit at best. */
export const CAP_MISSING_MUST = 0.65;

const config = loadConfigOrExit();
const set = loadFitSet(join(repoRoot, 'data/fit-set'));
const fitPart = new Set(set.split.fit);
const labels = set.labels.filter((l) => fitPart.has(l.posting));

const ce = await CrossEncoder.load(config.MODEL_DIR);
const engine = new CrossEncoderEngine(ce);
const rows: Array<{ x: number[]; logit: number; grade: Grade; missing: number; posting: string }> = [];
for (const l of labels) {
  // the parts exactly as an analysis computes them (rows refined by meaning where the engine can)
  const s = await engine.analyse({ vacancyText: set.postings.get(l.posting)!, resumeText: set.resumes.get(l.resume)! });
  const parts = partsOf(s.components);
  rows.push({ x: fitFeatures(parts), logit: s.components.pair_logit!, grade: l.grade, missing: parts.must_missing, posting: l.posting });
}
await engine.close();

const ys = rows.map((r) => GRADE_TARGET[r.grade]);
const withLogit = fitLogistic(rows.map((r) => [...r.x, r.logit]), ys, 1e-2);
const without = fitLogistic(rows.map((r) => r.x), ys, 1e-2);
const weightsOf = (m: { bias: number; weights: number[] }, logit: boolean): FitWeights => ({
  bias: round(m.bias),
  weights: {
    ...(Object.fromEntries(FIT_FEATURES.map((n, i) => [n, round(m.weights[i]!)])) as FitWeights['weights']),
    ...(logit ? { pair_logit: round(m.weights[FIT_FEATURES.length]!) } : {}),
  },
  cap_missing_must: CAP_MISSING_MUST,
});
function round(x: number) {
  return Math.round(x * 1e4) / 1e4;
}

// Pairwise order on the fit part, per posting, as a quick report of what was fitted (pnpm eval reports both parts).
function pairwise(score: (i: number) => number): number {
  let right = 0;
  let all = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < rows.length; j++) {
      if (rows[i]!.posting !== rows[j]!.posting || GRADE_RANK[rows[i]!.grade] <= GRADE_RANK[rows[j]!.grade]) continue;
      all++;
      const d = score(i) - score(j);
      right += d > 0 ? 1 : d === 0 ? 0.5 : 0;
    }
  }
  return right / all;
}
const model = weightsOf(withLogit, true);
const lexical = weightsOf(without, false);
const partsAt = (i: number) => ({ ...partsOf({}), must_missing: rows[i]!.missing });
const scoreWith = (w: FitWeights, logit: boolean) => (i: number) => {
  const p = partsAt(i);
  FIT_FEATURES.forEach((n, k) => ((p as unknown as Record<string, number>)[n] = rows[i]!.x[k]!));
  return fitScore(p, w, logit ? rows[i]!.logit : undefined).score;
};
console.log(`fit part: ${rows.length} pairs of ${fitPart.size} postings`);
console.log(`with the logit: ${JSON.stringify(model)}\n  pairwise order ${(100 * pairwise(scoreWith(model, true))).toFixed(1)} %`);
console.log(`without: ${JSON.stringify(lexical)}\n  pairwise order ${(100 * pairwise(scoreWith(lexical, false))).toFixed(1)} %`);

const fitted_on = `fit part of data/fit-set (${rows.length} graded pairs, ${fitPart.size} postings; held-out postings never read), soft targets ${JSON.stringify(GRADE_TARGET)}`;
const calibrationPath = join(config.MODEL_DIR, 'calibration.json');
const calibration = JSON.parse(readFileSync(calibrationPath, 'utf8')) as Record<string, unknown>;
calibration.fit = { ...model, features: [...FIT_FEATURES, 'pair_logit'], fitted_on };
writeFileSync(calibrationPath, JSON.stringify(calibration, null, 2) + '\n');
writeFileSync(
  join(repoRoot, 'packages/lexical/src/fit-weights.json'),
  JSON.stringify({ ...lexical, features: FIT_FEATURES, fitted_on }, null, 2) + '\n',
);
