/**
 * The metrics of the realistic fit set (data/fit-set): graded pairs scored by an engine, summarised as ordering,
 * score levels and verdict agreement. Pure functions, so the test can check each one on hand-computed cases.
 */
import type { Verdict } from '@rc/contracts';

export const GRADES = ['strong', 'partial', 'adjacent', 'unrelated'] as const;
export type Grade = (typeof GRADES)[number];
/** Higher is a better fit: the order every posting's pairs should come out in. */
export const GRADE_RANK: Record<Grade, number> = { strong: 3, partial: 2, adjacent: 1, unrelated: 0 };

export type LanguageGroup = 'en' | 'ru' | 'cross';

export interface ScoredPair {
  posting: string;
  resume: string;
  grade: Grade;
  /** Posting language, resume language. */
  postingLanguage: 'en' | 'ru';
  resumeLanguage: 'en' | 'ru';
  score: number;
  verdict: Verdict;
}

export function languageGroup(p: Pick<ScoredPair, 'postingLanguage' | 'resumeLanguage'>): LanguageGroup {
  return p.postingLanguage === p.resumeLanguage ? p.postingLanguage : 'cross';
}

export interface PairwiseResult {
  accuracy: number | null;
  comparisons: number;
  correct: number;
  byGroup: Record<LanguageGroup, { accuracy: number | null; comparisons: number; correct: number }>;
}

/**
 * Pairwise order accuracy: for every posting, every two of its pairs with different grades count 1 when the better
 * grade scored higher, ½ on a tie, 0 otherwise. A comparison belongs to the `cross` group when either of its two
 * pairs is cross-language, else to the posting's language, so the groups partition the comparisons.
 */
export function pairwiseAccuracy(
  pairs: ScoredPair[],
  score: (p: ScoredPair) => number = (p) => p.score,
): PairwiseResult {
  const byPosting = new Map<string, ScoredPair[]>();
  for (const p of pairs) byPosting.set(p.posting, [...(byPosting.get(p.posting) ?? []), p]);
  const tally: Record<LanguageGroup, { n: number; ok: number }> = { en: { n: 0, ok: 0 }, ru: { n: 0, ok: 0 }, cross: { n: 0, ok: 0 } };
  for (const group of byPosting.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (GRADE_RANK[a.grade] === GRADE_RANK[b.grade]) continue;
        const [hi, lo] = GRADE_RANK[a.grade] > GRADE_RANK[b.grade] ? [a, b] : [b, a];
        const sh = score(hi);
        const sl = score(lo);
        const g: LanguageGroup = languageGroup(a) === 'cross' || languageGroup(b) === 'cross' ? 'cross' : a.postingLanguage;
        tally[g].n += 1;
        tally[g].ok += sh > sl ? 1 : sh === sl ? 0.5 : 0;
      }
    }
  }
  const n = tally.en.n + tally.ru.n + tally.cross.n;
  const ok = tally.en.ok + tally.ru.ok + tally.cross.ok;
  const acc = (t: { n: number; ok: number }) => (t.n ? t.ok / t.n : null);
  return {
    accuracy: acc({ n, ok }),
    comparisons: n,
    correct: ok,
    byGroup: {
      en: { accuracy: acc(tally.en), comparisons: tally.en.n, correct: tally.en.ok },
      ru: { accuracy: acc(tally.ru), comparisons: tally.ru.n, correct: tally.ru.ok },
      cross: { accuracy: acc(tally.cross), comparisons: tally.cross.n, correct: tally.cross.ok },
    },
  };
}

/** The median of the values (mean of the two middle ones for an even count); null when there are none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const share = (values: number[], pred: (v: number) => boolean): number | null => (values.length ? values.filter(pred).length / values.length : null);

/** The verdict a grade should get: strong → strong, partial → partial, adjacent and unrelated → weak. */
export function expectedVerdict(grade: Grade): Verdict {
  return grade === 'strong' ? 'strong' : grade === 'partial' ? 'partial' : 'weak';
}

export interface Summary {
  pairs: number;
  postings: number;
  count: Record<Grade, number>;
  pairwise: PairwiseResult;
  strong: { median: number | null; min: number | null; shareAtLeast040: number | null };
  partial: { median: number | null };
  adjacent: { median: number | null };
  unrelated: { median: number | null; max: number | null; shareAtMost015: number | null };
  verdictAgreement: number | null;
  /** Rows: the grade; columns: the verdict the engine gave. */
  verdicts: Record<Grade, Record<Verdict, number>>;
}

/** Every metric of one part of the set (held-out or fit, one language group or all). */
export function summarise(pairs: ScoredPair[]): Summary {
  const of = (g: Grade) => pairs.filter((p) => p.grade === g).map((p) => p.score);
  const strong = of('strong');
  const unrelated = of('unrelated');
  const verdicts = Object.fromEntries(GRADES.map((g) => [g, { strong: 0, partial: 0, weak: 0 }])) as Record<Grade, Record<Verdict, number>>;
  for (const p of pairs) verdicts[p.grade][p.verdict] += 1;
  return {
    pairs: pairs.length,
    postings: new Set(pairs.map((p) => p.posting)).size,
    count: Object.fromEntries(GRADES.map((g) => [g, of(g).length])) as Record<Grade, number>,
    pairwise: pairwiseAccuracy(pairs),
    strong: { median: median(strong), min: strong.length ? Math.min(...strong) : null, shareAtLeast040: share(strong, (v) => v >= 0.4) },
    partial: { median: median(of('partial')) },
    adjacent: { median: median(of('adjacent')) },
    unrelated: { median: median(unrelated), max: unrelated.length ? Math.max(...unrelated) : null, shareAtMost015: share(unrelated, (v) => v <= 0.15) },
    verdictAgreement: share(pairs.map((p) => (p.verdict === expectedVerdict(p.grade) ? 1 : 0)), (v) => v === 1),
    verdicts,
  };
}

// Words of two letters or more, Latin or Cyrillic or digits; one bounded class repeated, so it cannot backtrack.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}+#]{1,40}/gu;

/**
 * The obvious alternative, side by side: cosine of sublinear TF-IDF vectors fitted on the texts given (the set's
 * postings and resumes). Returns a scorer of (posting text, resume text).
 */
export function tfidfScorer(corpus: string[]): (a: string, b: string) => number {
  const tokens = (t: string) => t.toLowerCase().match(WORD) ?? [];
  const df = new Map<string, number>();
  for (const doc of corpus) for (const w of new Set(tokens(doc))) df.set(w, (df.get(w) ?? 0) + 1);
  const n = corpus.length;
  const cache = new Map<string, Map<string, number>>();
  const vector = (t: string) => {
    let v = cache.get(t);
    if (v) return v;
    const tf = new Map<string, number>();
    for (const w of tokens(t)) tf.set(w, (tf.get(w) ?? 0) + 1);
    v = new Map();
    let norm = 0;
    for (const [w, c] of tf) {
      const x = (1 + Math.log(c)) * (Math.log((1 + n) / (1 + (df.get(w) ?? 0))) + 1);
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    cache.set(t, v);
    return v;
  };
  return (a, b) => {
    const va = vector(a);
    const vb = vector(b);
    let dot = 0;
    for (const [w, x] of va) dot += x * (vb.get(w) ?? 0);
    return dot;
  };
}
