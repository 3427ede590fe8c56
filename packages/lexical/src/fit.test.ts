import { describe, expect, it } from 'vitest';
import { fitScore, partsOf, type FitWeights } from './fit.ts';

const weights: FitWeights = {
  bias: -3.5,
  weights: { must_coverage: 0.5, nice_coverage: 0.7, experience_fit: 0.1, title_fit: 2.3, document_overlap: 4.8 },
  cap_missing_must: 0.65,
};
// a pair whose title and skills overlap fully: strong by its parts alone
const base = { title_fit: 1, document_overlap: 1, experience_fit: 1, nice_coverage: 1, must_total: 4 };

describe('fitScore caps', () => {
  it('holds a pair that shows fewer than half its must-haves below a strong fit, whatever the missing kinds', () => {
    const one = fitScore(partsOf({ ...base, must_coverage: 0.37, must_met: 1, must_partial: 1, must_missing: 0 }), weights);
    expect(one.uncapped).toBeGreaterThan(0.7);
    expect(one).toMatchObject({ capped: true });
    expect(one.score).toBeLessThan(0.65);
    // half of them shown (two met, or one met and two partly) is not capped by this rule
    expect(fitScore(partsOf({ ...base, must_coverage: 0.5, must_met: 2, must_partial: 0, must_missing: 0 }), weights).capped).toBe(false);
    expect(fitScore(partsOf({ ...base, must_coverage: 0.5, must_met: 1, must_partial: 2, must_missing: 0 }), weights).capped).toBe(false);
    // a posting without must-haves is never capped by it
    expect(fitScore(partsOf({ ...base, must_total: 0, must_coverage: 1 }), weights).capped).toBe(false);
  });

  it('leaves must-have personal qualities out of the share of must-haves shown', () => {
    // five asks and three qualities: three asks shown, no quality in words; 3 of 8 would cap, 3 of 5 does not
    const qualities = { ...base, must_total: 8, must_coverage: 0.4, must_met: 3, must_partial: 0, must_missing: 0, must_quality_total: 3, must_quality_shown: 0 };
    expect(fitScore(partsOf(qualities), weights).capped).toBe(false);
    // and two asks of five are still too few
    expect(fitScore(partsOf({ ...qualities, must_met: 2 }), weights).capped).toBe(true);
    // a quality shown counts for itself only: three qualities shown and one ask of five caps
    expect(fitScore(partsOf({ ...qualities, must_met: 4, must_quality_shown: 3 }), weights).capped).toBe(true);
  });

  it('holds a pair whose dated jobs show fewer years than the must-have years ask below a strong fit', () => {
    const full = { ...base, must_coverage: 0.9, must_met: 4, must_partial: 0, must_missing: 0, years_asked: 3 };
    // 2.8 years against 3 asked: the same job, short of the years
    const short = fitScore(partsOf({ ...full, years_shown: 2.8, experience_fit: 2.8 / 3 }), weights);
    expect(short.uncapped).toBeGreaterThan(0.7);
    expect(short).toMatchObject({ capped: true });
    expect(short.score).toBeLessThan(0.65);
    // the years asked, or more, are not held
    expect(fitScore(partsOf({ ...full, years_shown: 3 }), weights).capped).toBe(false);
    expect(fitScore(partsOf({ ...full, years_shown: 9.5 }), weights).capped).toBe(false);
    // years read from the years overall (no dated job names what is asked) are too loose a reading to hold it
    expect(fitScore(partsOf({ ...full, years_shown: 0, years_overall: 2, experience_fit: 1 / 3 }), weights).capped).toBe(false);
    // nor a resume that dates nothing, nor a posting that asks no years
    expect(fitScore(partsOf({ ...full }), weights).capped).toBe(false);
    expect(fitScore(partsOf({ ...full, years_asked: 0, years_shown: 1 }), weights).capped).toBe(false);
  });
});
