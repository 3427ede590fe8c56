/**
 * The lifecycle of analyses and rankings: their statuses, the progress each status stands for, which are unfinished,
 * and which job takes an unfinished one further. The database column types, the API enums, the workers and the
 * recovery loop all read it from here.
 */
import { z } from 'zod';

/** An analysis moves queued → scoring → scored → advising → done, or to failed from any unfinished status. */
export const analysisStatuses = ['queued', 'scoring', 'scored', 'advising', 'done', 'failed'] as const;
export const analysisStatusSchema = z.enum(analysisStatuses);
export type AnalysisStatus = z.infer<typeof analysisStatusSchema>;

/** Share of the work done when an analysis is in each status; the page's progress bar and the CLI use it. */
export const analysisProgress: Record<AnalysisStatus, number> = {
  queued: 0.05,
  scoring: 0.25,
  scored: 0.6,
  advising: 0.75,
  done: 1,
  failed: 1,
};

/** The two steps of an analysis, each with its own job and its own count of attempts. */
export type AnalysisStep = 'scoring' | 'advice';

/** The statuses an analysis has while a step is waiting for it or running it: a job of that step may claim it. */
export const analysisStepStatuses = {
  scoring: ['queued', 'scoring'],
  advice: ['scored', 'advising'],
} as const satisfies Record<AnalysisStep, readonly AnalysisStatus[]>;

export const unfinishedAnalysisStatuses = [...analysisStepStatuses.scoring, ...analysisStepStatuses.advice] as const;
export type UnfinishedAnalysisStatus = (typeof unfinishedAnalysisStatuses)[number];

const analysisStepJobs = { scoring: 'score-analysis', advice: 'advise-analysis' } as const;

/** The step an unfinished analysis is at; null once it is done or failed. */
export function analysisStepOf(status: AnalysisStatus): AnalysisStep | null {
  if ((analysisStepStatuses.scoring as readonly string[]).includes(status)) return 'scoring';
  if ((analysisStepStatuses.advice as readonly string[]).includes(status)) return 'advice';
  return null;
}

/** The job that takes an analysis in `status` further; null once it is done or failed. */
export function nextAnalysisJob(status: AnalysisStatus): (typeof analysisStepJobs)[AnalysisStep] | null {
  const step = analysisStepOf(status);
  return step ? analysisStepJobs[step] : null;
}

/** A ranking moves queued → running → done, or to failed from any unfinished status. */
export const rankingStatuses = ['queued', 'running', 'done', 'failed'] as const;
export const rankingStatusSchema = z.enum(rankingStatuses);
export type RankingStatus = z.infer<typeof rankingStatusSchema>;

/** Progress a ranking has on entering each status; a running ranking reports its own progress as it scores. */
export const rankingProgress: Record<RankingStatus, number> = {
  queued: 0.05,
  running: 0.1,
  done: 1,
  failed: 1,
};

export const unfinishedRankingStatuses = ['queued', 'running'] as const satisfies readonly RankingStatus[];

/** The job that takes a ranking in `status` further; null once it is done or failed. */
export function nextRankingJob(status: RankingStatus): 'rank' | null {
  return (unfinishedRankingStatuses as readonly string[]).includes(status) ? 'rank' : null;
}

/** vacancies: rank vacancies for a resume; resumes: rank resumes for a vacancy. */
export const rankingTargetSchema = z.enum(['vacancies', 'resumes']);
export type RankingTarget = z.infer<typeof rankingTargetSchema>;

/** True once an analysis or ranking is done or failed: nothing runs for it any more. */
export function isFinished(status: AnalysisStatus | RankingStatus | string): boolean {
  return status === 'done' || status === 'failed';
}

/** The error a failed analysis or ranking stores and the API shows: a stable code and a text without user data. */
export const jobErrorSchema = z.object({ code: z.string(), message: z.string() });
export type JobError = z.infer<typeof jobErrorSchema>;
