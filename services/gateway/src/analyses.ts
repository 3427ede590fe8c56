/** Accepting analyses and waiting for them: shared by the v1 routes and the original product's relevancy route. */
import { analysisRepo, resumeRepo, vacancyRepo, type AnalysisRow, type AnalysisView, type ResumeRow } from '@rc/db';
import { isFinished, vacancyText } from '@rc/contracts';
import { detectLanguage } from '@rc/text';
import type { FastifyBaseLogger } from 'fastify';
import type { GatewayDeps } from './context.ts';
import { AppError, notFound } from './errors.ts';

export function checkTextLength(deps: GatewayDeps, field: string, text: string): void {
  if (text.length > deps.config.MAX_TEXT_CHARS) {
    throw new AppError(422, 'text_too_long', `${field} is ${text.length} characters; the limit is ${deps.config.MAX_TEXT_CHARS}`);
  }
}

export interface AnalysisRequest {
  resumeId?: string;
  vacancyId?: string;
  resumeText?: string;
  vacancyText?: string;
  language?: 'ru' | 'en';
}

/**
 * Stores the analysis as `queued` (one INSERT, so it is accepted or not at all), then enqueues its job. If the queue is
 * away the analysis stays queued and the recovery loop enqueues it later: nothing accepted is lost.
 */
export async function acceptAnalysis(deps: GatewayDeps, log: FastifyBaseLogger, ownerId: string, input: AnalysisRequest): Promise<AnalysisRow> {
  let resumeText = input.resumeText;
  let resumeHiddenText: ResumeRow['hiddenText'] = null;
  let vacancyTextValue = input.vacancyText;
  if (input.resumeId) {
    const r = await resumeRepo.get(deps.db, ownerId, input.resumeId);
    if (!r) throw notFound('resume');
    resumeText = r.content;
    resumeHiddenText = r.hiddenText;
  }
  if (input.vacancyId) {
    const v = await vacancyRepo.get(deps.db, ownerId, input.vacancyId);
    if (!v) throw notFound('vacancy');
    vacancyTextValue = vacancyText(v);
  }
  if (!resumeText?.trim()) throw new AppError(400, 'empty_text', 'the resume text is empty');
  if (!vacancyTextValue?.trim()) throw new AppError(400, 'empty_text', 'the vacancy text is empty');
  checkTextLength(deps, 'resumeText', resumeText);
  checkTextLength(deps, 'vacancyText', vacancyTextValue);
  const row = await analysisRepo.createQueued(deps.db, {
    ownerId,
    resumeId: input.resumeId ?? null,
    vacancyId: input.vacancyId ?? null,
    resumeText,
    vacancyText: vacancyTextValue,
    adviceLanguage: input.language ?? detectLanguage(resumeText),
    resumeHiddenText,
  });
  await enqueueScoring(deps, log, row.id);
  return row;
}

export async function enqueueScoring(deps: GatewayDeps, log: FastifyBaseLogger, analysisId: string): Promise<void> {
  try {
    await deps.queue.enqueue('score-analysis', { analysisId });
  } catch (err) {
    log.warn({ err: (err as Error).message, analysisId }, 'enqueue failed; the recovery loop will enqueue it');
  }
}

/** Resolves with the analysis once it is done or failed, or with its latest state when the time runs out. */
export async function waitForAnalysis(deps: GatewayDeps, ownerId: string, id: string, timeoutMs: number, signal?: AbortSignal): Promise<AnalysisView | null> {
  const deadline = Date.now() + timeoutMs;
  let wake: (() => void) | null = null;
  const unsubscribe = deps.bus.subscribe(id, (e) => {
    if (isFinished(e.status)) wake?.();
  });
  try {
    for (;;) {
      const row = await analysisRepo.get(deps.db, ownerId, id);
      if (!row || isFinished(row.status) || Date.now() >= deadline || signal?.aborted) return row;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(500, Math.max(0, deadline - Date.now())));
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  } finally {
    unsubscribe();
  }
}

/**
 * The analysis the relevancy route should answer with: the newest one of the pair, if neither text changed since it
 * was made and it did not fail; otherwise a new one.
 */
export async function analysisForPair(deps: GatewayDeps, log: FastifyBaseLogger, ownerId: string, resumeId: string, vacancyId: string): Promise<AnalysisRow> {
  const [resume, vacancy] = await Promise.all([resumeRepo.get(deps.db, ownerId, resumeId), vacancyRepo.get(deps.db, ownerId, vacancyId)]);
  if (!resume) throw notFound('resume');
  if (!vacancy) throw notFound('vacancy');
  const latest = await analysisRepo.latestForPair(deps.db, ownerId, resumeId, vacancyId);
  if (latest && latest.status !== 'failed' && latest.resumeText === resume.content && latest.vacancyText === vacancyText(vacancy)) return latest;
  return acceptAnalysis(deps, log, ownerId, { resumeId, vacancyId });
}
