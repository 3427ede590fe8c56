import { describe, expect, it } from 'vitest';
import { scorePostings, setScore, type SetScore } from './dev-set.ts';

const line = (name: string, s: SetScore) =>
  `${name}: must-have recall ${s.recall.toFixed(3)}, precision ${s.precision.toFixed(3)} (${s.labelled} labelled, ${s.predicted} predicted)`;

describe('posting reader on the development set (data/dev/postings)', () => {
  const scores = scorePostings();
  const tune = setScore(scores.filter((s) => s.split === 'tune'));
  const heldout = setScore(scores.filter((s) => s.split === 'heldout'));
  const all = setScore(scores);
  console.log([line('tuned on (20)', tune), line('held out (10)', heldout), line('all (30)', all)].join('\n'));

  it('has 30 postings, half English and half Russian, 10 of them held out', () => {
    expect(scores).toHaveLength(30);
    expect(scores.filter((s) => s.file.startsWith('ru'))).toHaveLength(15);
    expect(scores.filter((s) => s.split === 'heldout')).toHaveLength(10);
  });

  it('finds at least 90 % of the labelled must-haves, and at least 85 % of what it calls a must-have is one', () => {
    expect(all.recall).toBeGreaterThanOrEqual(0.9);
    expect(all.precision).toBeGreaterThanOrEqual(0.85);
  });

  it('holds the targets on the held-out postings it was not tuned on', () => {
    expect(heldout.recall).toBeGreaterThanOrEqual(0.9);
    expect(heldout.precision).toBeGreaterThanOrEqual(0.85);
  });
});
