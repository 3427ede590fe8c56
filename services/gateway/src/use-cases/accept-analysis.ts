/**
 * Accepting an analysis: the texts (by id or inline) are checked and stored as a `queued` analysis in one INSERT, so it
 * is accepted or not at all; then its first job is enqueued.
 */
import { analysisRepo, resumeRepo, vacancyRepo, type AnalysisRow, type ResumeRow } from '@rc/db';
import { vacancyText, type Language } from '@rc/contracts';
import { detectLanguage } from '@rc/text';
import { AppError, notFound } from '../errors.ts';
import { checkTextLength } from './check-text-length.ts';
import type { UseCaseDeps, UseCaseLog } from './context.ts';
import { enqueueOrLeaveToRecovery } from './enqueue.ts';

export interface AnalysisRequest {
  resumeId?: string;
  vacancyId?: string;
  resumeText?: string;
  vacancyText?: string;
  language?: Language;
}

export async function acceptAnalysis(deps: UseCaseDeps, log: UseCaseLog, ownerId: string, input: AnalysisRequest): Promise<AnalysisRow> {
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
  await enqueueOrLeaveToRecovery(deps, log, 'score-analysis', { analysisId: row.id });
  return row;
}
