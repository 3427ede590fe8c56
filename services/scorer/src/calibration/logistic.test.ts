import { describe, expect, it } from 'vitest';
import { calibrationError, fitLogistic, fitLogisticNonNegative, predict, rocAuc } from './logistic.ts';

/** 4,000 labels drawn from a known logistic model: bias -0.5, the given weights, features uniform (the first on [-2, 2]). */
function sample(seed: number, weights: number[]): { xs: number[][]; ys: number[] } {
  const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < 4000; i++) {
    const x = weights.map((_, k) => (k === 0 ? rnd() * 4 - 2 : rnd()));
    const p = 1 / (1 + Math.exp(-(-0.5 + weights.reduce((s, w, k) => s + w * x[k]!, 0))));
    xs.push(x);
    ys.push(rnd() < p ? 1 : 0);
  }
  return { xs, ys };
}

describe('calibration statistics', () => {
  it('recovers the weights of a known logistic model', () => {
    const { xs, ys } = sample(7, [2, 1.5]);
    const m = fitLogistic(xs, ys, 0);
    expect(m.bias).toBeCloseTo(-0.5, 0);
    expect(m.weights[0]).toBeCloseTo(2, 0);
    expect(m.weights[1]).toBeCloseTo(1.5, 0);
    const probs = xs.map((x) => predict(m, x));
    expect(calibrationError(probs, ys).ece).toBeLessThan(0.05);
  });

  it('keeps every weight at zero or above, refitting the others when one would be negative', () => {
    // the third feature lowers the odds: unconstrained it gets a negative weight
    const { xs, ys } = sample(11, [2, 1.5, -2]);
    expect(fitLogistic(xs, ys, 0).weights[2]).toBeLessThan(-1);
    const m = fitLogisticNonNegative(xs, ys, 0);
    expect(m.weights[2]).toBe(0);
    expect(m.weights[0]).toBeCloseTo(2, 0);
    expect(m.weights[1]).toBeGreaterThan(0);
    // with nothing negative it is the plain fit
    const free = fitLogistic(xs.map((x) => [x[0]!, x[1]!]), ys, 0);
    const held = fitLogisticNonNegative(xs.map((x) => [x[0]!, x[1]!]), ys, 0);
    expect(held.weights).toEqual(free.weights);
    expect(held.bias).toBe(free.bias);
  });

  it('computes ROC AUC and a calibration error that notices overconfidence', () => {
    expect(rocAuc([0.9, 0.8, 0.3, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(rocAuc([0.1, 0.8, 0.3, 0.9], [1, 1, 0, 0])).toBe(0.25);
    expect(rocAuc([0.5, 0.5], [1, 0])).toBe(0.5);
    const labels = Array.from({ length: 100 }, (_, i) => (i < 50 ? 1 : 0));
    expect(calibrationError(labels.map(() => 0.99), labels).ece).toBeCloseTo(0.49, 2);
    expect(calibrationError(labels.map(() => 0.5), labels).ece).toBeCloseTo(0, 5);
  });
});
