import { describe, expect, it } from 'vitest';
import {
  analysisProgress,
  analysisStatuses,
  analysisStepOf,
  isFinished,
  nextAnalysisJob,
  nextRankingJob,
  rankingStatuses,
  unfinishedAnalysisStatuses,
  unfinishedRankingStatuses,
} from './lifecycle.ts';

describe('lifecycle', () => {
  it('names the job that takes each analysis status further, and none once finished', () => {
    expect(analysisStatuses.map((s) => [s, nextAnalysisJob(s)])).toEqual([
      ['queued', 'score-analysis'],
      ['scoring', 'score-analysis'],
      ['scored', 'advise-analysis'],
      ['advising', 'advise-analysis'],
      ['done', null],
      ['failed', null],
    ]);
    expect(analysisStatuses.map(analysisStepOf)).toEqual(['scoring', 'scoring', 'advice', 'advice', null, null]);
    expect(rankingStatuses.map((s) => nextRankingJob(s))).toEqual(['rank', 'rank', null, null]);
  });

  it('keeps the unfinished sets and isFinished in agreement', () => {
    for (const s of analysisStatuses) expect(isFinished(s)).toBe(!(unfinishedAnalysisStatuses as readonly string[]).includes(s));
    for (const s of rankingStatuses) expect(isFinished(s)).toBe(!(unfinishedRankingStatuses as readonly string[]).includes(s));
  });

  it('moves progress forward with the status', () => {
    const order = analysisStatuses.slice(0, 5).map((s) => analysisProgress[s]);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(analysisProgress.done).toBe(1);
  });
});
