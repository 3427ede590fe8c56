import { describe, expect, it } from 'vitest';
import { scorePostings, setScore, type SetScore } from './dev-set.ts';

const line = (name: string, s: SetScore) =>
  `${name}: must-have recall ${s.recall.toFixed(3)}, precision ${s.precision.toFixed(3)} (${s.labelled} labelled, ${s.predicted} predicted)`;

describe('posting reader on the development set (data/dev/postings)', () => {
  const scores = scorePostings();
  const tune = setScore(scores.filter((s) => s.split === 'tune'));
  const heldout = setScore(scores.filter((s) => s.split === 'heldout'));
  const blind = setScore(scores.filter((s) => s.split === 'blind'));
  const all = setScore(scores);
  console.log(
    [line('tuned on (20)', tune), line('held out (10)', heldout), line('blind (6)', blind), line(`all (${scores.length})`, all)].join('\n'),
  );

  it('has 36 postings, half English and half Russian, 10 held out and 6 written after tuning', () => {
    expect(scores).toHaveLength(36);
    expect(scores.filter((s) => s.file.startsWith('ru'))).toHaveLength(18);
    expect(scores.filter((s) => s.split === 'heldout')).toHaveLength(10);
    expect(scores.filter((s) => s.split === 'blind')).toHaveLength(6);
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
