import { readScreening, screeningDataDir, seededRandom } from '@rc/text/testing';
import { describe, expect, it } from 'vitest';
import {
  fittingResumeEn,
  fittingResumeRu,
  unrelatedResumeEn,
  unrelatedResumeRu,
  vacancyEn,
  vacancyRu,
} from './fixtures.ts';
import { LexicalIndex } from './lexical-index.ts';

describe('LexicalIndex', () => {
  const index = new LexicalIndex();
  index.add('fit-en', fittingResumeEn);
  index.add('misfit-en', unrelatedResumeEn);
  index.add('fit-ru', fittingResumeRu);
  index.add('misfit-ru', unrelatedResumeRu);

  it('ranks the fitting resume above the unrelated one in both languages', () => {
    const en = index.search(vacancyEn, 4).map((h) => h.id);
    expect(en.indexOf('fit-en')).toBeLessThan(en.indexOf('misfit-en') === -1 ? Infinity : en.indexOf('misfit-en'));
    expect(en[0]).toBe('fit-en');
    const ru = index.search(vacancyRu, 4).map((h) => h.id);
    expect(ru.slice(0, 2).sort()).toEqual(['fit-en', 'fit-ru']);
    expect(ru).not.toContain('misfit-ru');
  });

  it('returns at most k hits, best first, and nothing for an unknown query', () => {
    const hits = index.search(vacancyEn, 1);
    expect(hits).toHaveLength(1);
    const all = index.search('Python Kafka Photoshop 1С', 10);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
    expect(index.search('zzzz qqqq', 10)).toEqual([]);
  });

  it('replaces a document added twice and forgets a removed one', () => {
    const small = new LexicalIndex();
    small.add('a', 'Python developer');
    small.add('b', 'Java developer');
    small.add('a', 'Rust developer');
    expect(small.size).toBe(2);
    expect(small.search('Python', 5)).toEqual([]);
    expect(small.search('Rust', 5).map((h) => h.id)).toEqual(['a']);
    expect(small.remove('a')).toBe(true);
    expect(small.remove('a')).toBe(false);
    expect(small.search('Rust', 5)).toEqual([]);
    expect(small.has('b')).toBe(true);
  });

  it('prefers a rare matching term over a common one', () => {
    const small = new LexicalIndex();
    small.add('common', 'developer developer team');
    small.add('rare', 'developer kubernetes');
    small.add('other', 'developer java');
    expect(small.search('developer kubernetes', 3)[0]!.id).toBe('rare');
  });
});

describe.skipIf(!screeningDataDir)('LexicalIndex on the screening test set', () => {
  it('ranks the ground-truth resume above a random one for at least 70% of 30 jobs', () => {
    const pairs = readScreening('testset1');
    const resumes = readScreening('resumes1').map((r) => r[0]!);
    const random = seededRandom(11);
    let wins = 0;
    for (let i = 0; i < 30; i++) {
      const [vacancyText, groundTruth] = pairs[Math.floor(random() * pairs.length)]!;
      const index = new LexicalIndex();
      index.add('gt', groundTruth!);
      index.add('random', resumes[Math.floor(random() * resumes.length)]!);
      if (index.search(vacancyText!, 2)[0]?.id === 'gt') wins++;
    }
    expect(wins / 30).toBeGreaterThanOrEqual(0.7);
  });

  it('finds the ground truth among 200 other resumes in the top 5 for most jobs', () => {
    const pairs = readScreening('testset1').slice(0, 30);
    const index = new LexicalIndex();
    readScreening('resumes1').forEach(([text], i) => index.add(`r${i}`, text!));
    pairs.forEach(([, gt], i) => index.add(`gt${i}`, gt!));
    const found = pairs.filter(([vacancy], i) => index.search(vacancy!, 5).some((h) => h.id === `gt${i}`)).length;
    expect(found / pairs.length).toBeGreaterThanOrEqual(0.8);
  });
});
