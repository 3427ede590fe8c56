/** Small statistics for calibration: logistic regression by Newton's method, ROC AUC and expected calibration error. */

export interface LogisticModel {
  weights: number[];
  bias: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function predict(m: LogisticModel, x: number[]): number {
  return sigmoid(m.bias + m.weights.reduce((s, w, i) => s + w * x[i]!, 0));
}

/** Fits p(y=1|x) = σ(b + w·x) with a little L2 on w, by Newton–Raphson (a few features, a few hundred rows). */
export function fitLogistic(xs: number[][], ys: number[], l2 = 1e-3, iterations = 50): LogisticModel {
  const d = xs[0]!.length + 1;
  let beta = new Array<number>(d).fill(0);
  const row = (x: number[]) => [1, ...x];
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    xs.forEach((x, n) => {
      const r = row(x);
      const p = sigmoid(r.reduce((s, v, i) => s + v * beta[i]!, 0));
      for (let i = 0; i < d; i++) {
        grad[i]! += (p - ys[n]!) * r[i]!;
        for (let j = 0; j < d; j++) hess[i]![j]! += p * (1 - p) * r[i]! * r[j]!;
      }
    });
    for (let i = 1; i < d; i++) {
      grad[i]! += l2 * beta[i]!;
      hess[i]![i]! += l2;
    }
    const step = solve(hess, grad);
    beta = beta.map((b, i) => b - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1) };
}

/**
 * fitLogistic with every weight at zero or above (the bias free): a feature whose weight comes out negative is fixed at
 * zero and the rest refitted, the most negative first, until none is. For a score whose parts are all "more is
 * better" (more must-haves shown, more of the years asked): showing more never lowers it.
 */
export function fitLogisticNonNegative(xs: number[][], ys: number[], l2 = 1e-3): LogisticModel {
  const d = xs[0]!.length;
  const active = new Set(Array.from({ length: d }, (_, i) => i));
  for (;;) {
    const keep = [...active];
    const m = fitLogistic(xs.map((x) => keep.map((i) => x[i]!)), ys, l2);
    const weights = new Array<number>(d).fill(0);
    keep.forEach((i, k) => (weights[i] = m.weights[k]!));
    let worst = -1;
    for (const i of keep) if (weights[i]! < 0 && (worst < 0 || weights[i]! < weights[worst]!)) worst = i;
    if (worst < 0) return { bias: m.bias, weights };
    active.delete(worst);
    if (active.size === 0) return { bias: fitLogistic(xs.map(() => []), ys, l2).bias, weights: new Array<number>(d).fill(0) };
  }
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / pivot;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((r, i) => r[n]! / (r[i]! || 1e-12));
}

export function rocAuc(scores: number[], labels: number[]): number {
  const pos = scores.filter((_, i) => labels[i] === 1);
  const neg = scores.filter((_, i) => labels[i] === 0);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return pos.length && neg.length ? wins / (pos.length * neg.length) : NaN;
}

/** Expected calibration error over equal-width bins, with the reliability table. */
export function calibrationError(probs: number[], labels: number[], bins = 10) {
  const table = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, count: 0, meanPredicted: 0, observed: 0 }));
  probs.forEach((p, i) => {
    const b = table[Math.min(bins - 1, Math.floor(p * bins))]!;
    b.count++;
    b.meanPredicted += p;
    b.observed += labels[i]!;
  });
  let ece = 0;
  for (const b of table) {
    if (!b.count) continue;
    b.meanPredicted /= b.count;
    b.observed /= b.count;
    ece += (b.count / probs.length) * Math.abs(b.meanPredicted - b.observed);
  }
  return { ece, table };
}
