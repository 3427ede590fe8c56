import { describe, expect, it } from 'vitest';
import { calibrationError, fitLogistic, fitLogisticNonNegative, predict, rocAuc } from './logistic.ts';

describe('calibration statistics', () => {
  it('recovers the weights of a known logistic model', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const x = [rnd() * 4 - 2, rnd()];
      const p = 1 / (1 + Math.exp(-(-0.5 + 2 * x[0]! + 1.5 * x[1]!)));
      xs.push(x);
      ys.push(rnd() < p ? 1 : 0);
    }
    const m = fitLogistic(xs, ys, 0);
    expect(m.bias).toBeCloseTo(-0.5, 0);
    expect(m.weights[0]).toBeCloseTo(2, 0);
    expect(m.weights[1]).toBeCloseTo(1.5, 0);
    const probs = xs.map((x) => predict(m, x));
    expect(calibrationError(probs, ys).ece).toBeLessThan(0.05);
  });

  it('keeps every weight at zero or above, refitting the others when one would be negative', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const x = [rnd() * 4 - 2, rnd(), rnd()];
      // the third feature lowers the odds: unconstrained it gets a negative weight
      const p = 1 / (1 + Math.exp(-(-0.5 + 2 * x[0]! + 1.5 * x[1]! - 2 * x[2]!)));
      xs.push(x);
      ys.push(rnd() < p ? 1 : 0);
    }
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
