import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@rc/config';
import { verdictFor } from '@rc/contracts';
import { LexicalEngine } from '../engine.ts';
import { evaluateFitSet, loadFitSet, missingGrades, renderMarkdown, targets, type FitSet } from './fit-set.ts';
import { GRADES, median, pairwiseAccuracy, summarise, tfidfScorer, type Grade, type ScoredPair } from './fit-set-metrics.ts';

const pair = (posting: string, grade: Grade, score: number, languages = 'en-en', resume = `${posting}-${grade}-${score}`): ScoredPair => {
  const [postingLanguage, resumeLanguage] = languages.split('-') as ['en' | 'ru', 'en' | 'ru'];
  return { posting, resume, grade, postingLanguage, resumeLanguage, score, verdict: verdictFor(score) };
};

describe('fit-set metrics on hand-computed cases', () => {
  it('pairwise order: 5 of the 6 ordered comparisons of one posting are right when adjacent outscores partial', () => {
    const r = pairwiseAccuracy([pair('a', 'strong', 0.9), pair('a', 'partial', 0.5), pair('a', 'adjacent', 0.6), pair('a', 'unrelated', 0.1)]);
    expect(r.comparisons).toBe(6);
    expect(r.correct).toBe(5);
    expect(r.accuracy).toBeCloseTo(5 / 6, 12);
  });

  it('pairwise order: a tie counts half, pairs of the same grade and of different postings are not compared', () => {
    const r = pairwiseAccuracy([
      pair('a', 'strong', 0.5),
      pair('a', 'unrelated', 0.5),
      pair('a', 'strong', 0.1, 'en-en', 'second-strong'),
      pair('b', 'unrelated', 0.99),
    ]);
    // a: strong(0.5) vs unrelated(0.5) tie = ½; strong(0.1) vs unrelated(0.5) wrong = 0. b has one pair only.
    expect(r.comparisons).toBe(2);
    expect(r.correct).toBe(0.5);
    expect(r.accuracy).toBe(0.25);
  });

  it('pairwise order: a comparison with a cross-language pair belongs to cross, the others to the posting language', () => {
    // The cross-language pair comes last and in the middle, so the grouping cannot depend on which pair is read first.
    const r = pairwiseAccuracy([pair('b', 'partial', 0.3, 'ru-ru'), pair('b', 'strong', 0.8, 'ru-en'), pair('b', 'unrelated', 0.4, 'ru-ru')]);
    expect(r.byGroup.cross).toEqual({ accuracy: 1, comparisons: 2, correct: 2 });
    expect(r.byGroup.ru).toEqual({ accuracy: 0, comparisons: 1, correct: 0 });
    expect(r.byGroup.en).toEqual({ accuracy: null, comparisons: 0, correct: 0 });
    expect(r.accuracy).toBeCloseTo(2 / 3, 12);
  });

  it('median of odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('summary: levels, shares with their inclusive bounds, and verdict agreement', () => {
    const s = summarise([
      pair('a', 'strong', 0.75), // strong verdict: agrees
      pair('a', 'strong', 0.4), // partial verdict: disagrees; still counts as >= 0.4
      pair('a', 'strong', 0.1), // weak verdict: disagrees
      pair('a', 'partial', 0.45), // agrees
      pair('a', 'adjacent', 0.19), // weak (below 0.2): agrees
      pair('a', 'unrelated', 0.15), // <= 0.15 inclusive, weak: agrees
      pair('a', 'unrelated', 0.5), // partial verdict: disagrees
    ]);
    expect(s.count).toEqual({ strong: 3, partial: 1, adjacent: 1, unrelated: 2 });
    expect(s.strong).toEqual({ median: 0.4, min: 0.1, shareAtLeast040: 2 / 3 });
    expect(s.unrelated).toEqual({ median: 0.325, max: 0.5, shareAtMost015: 0.5 });
    expect(s.partial.median).toBe(0.45);
    expect(s.verdictAgreement).toBeCloseTo(4 / 7, 12);
    expect(s.verdicts.strong).toEqual({ strong: 1, partial: 1, weak: 1 });
    expect(s.verdicts.unrelated).toEqual({ strong: 0, partial: 1, weak: 1 });
  });

  it('TF-IDF cosine: 1 for the same text, 0 for texts without a shared word, in between otherwise', () => {
    const score = tfidfScorer(['java spring developer', 'повар горячего цеха', 'java kafka']);
    expect(score('java spring developer', 'java spring developer')).toBeCloseTo(1, 12);
    expect(score('java spring developer', 'повар горячего цеха')).toBe(0);
    const mid = score('java spring developer', 'java kafka');
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(1);
  });
});

describe('fit-set data and the evaluation run', () => {
  const set = loadFitSet(join(repoRoot, 'data/fit-set'));
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('the set is whole: every posting has a pair of each grade and sits in one part', () => {
    expect(missingGrades(set)).toEqual([]);
    const all = [...set.split['held-out'], ...set.split.fit];
    expect(new Set(all).size).toBe(all.length);
    expect([...set.postings.keys()].every((p) => all.includes(p))).toBe(true);
  });

  it('runs on a tiny subset with the lexical engine: one scored pair per label, parts and comparisons as labelled', async () => {
    const postings = [set.split['held-out'][0]!, set.split.fit[0]!];
    const labels = set.labels.filter((l) => postings.includes(l.posting));
    const tiny: FitSet = { ...set, labels, postings: new Map(postings.map((p) => [p, set.postings.get(p)!])) };
    const r = await evaluateFitSet(tiny, new LexicalEngine());
    expect(r.engine).toBe('lexical');
    expect(r.pairs).toHaveLength(labels.length);
    expect(r.set).toMatchObject({ postings: 2, heldOutPostings: 1, fitPostings: 1, pairs: labels.length });
    for (const p of r.pairs) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
      expect(p.verdict).toBe(verdictFor(p.score));
      expect(p.part).toBe(p.posting === postings[0] ? 'held-out' : 'fit');
    }
    // Comparisons counted by hand from the labels: pairs of the same posting with different grades.
    for (const [i, part] of (['held-out', 'fit'] as const).entries()) {
      const grades = labels.filter((l) => l.posting === postings[i]).map((l) => l.grade);
      let expected = 0;
      for (let a = 0; a < grades.length; a++) for (let b = a + 1; b < grades.length; b++) expected += grades[a] === grades[b] ? 0 : 1;
      expect(r.parts[part].all.pairwise.comparisons).toBe(expected);
      expect(r.tfidfPairwise[part].comparisons).toBe(expected);
      expect(GRADES.reduce((n, g) => n + r.parts[part].all.count[g], 0)).toBe(grades.length);
      // The language groups' rows split the part's comparisons between them, none lost or counted twice.
      const groups = (['en', 'ru', 'cross'] as const).map((g) => r.parts[part][g].pairwise.comparisons);
      expect(groups.reduce((a, b) => a + b, 0)).toBe(expected);
    }
    const md = renderMarkdown(r);
    expect(md).toContain('## held-out');
    expect(targets(r).length).toBeGreaterThan(5);
  });

  it('a label that names a missing file or a posting outside the split is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fit-set-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'postings'));
    mkdirSync(join(dir, 'resumes'));
    writeFileSync(join(dir, 'postings/p1.txt'), 'Java developer');
    writeFileSync(join(dir, 'resumes/r1.txt'), 'Java, 3 years');
    writeFileSync(join(dir, 'labels.jsonl'), JSON.stringify({ posting: 'p1', resume: 'r2', grade: 'strong', languages: 'en-en' }) + '\n');
    writeFileSync(join(dir, 'split.json'), JSON.stringify({ 'held-out': ['p1'], fit: [] }));
    expect(() => loadFitSet(dir)).toThrow(/labels.jsonl names resumes\/r2\.txt, which does not exist/);
    writeFileSync(join(dir, 'labels.jsonl'), JSON.stringify({ posting: 'p1', resume: 'r1', grade: 'strong', languages: 'en-en' }) + '\n');
    writeFileSync(join(dir, 'split.json'), JSON.stringify({ 'held-out': [], fit: [] }));
    expect(() => loadFitSet(dir)).toThrow(/leaves out posting p1/);
  });
});
