/** The analysis of a stored resume and vacancy that the relevancy route answers with: a fresh enough one, or a new one. */
import { vacancyText } from '@rc/contracts';
import { analysisRepo, resumeRepo, vacancyRepo, type AnalysisRow } from '@rc/db';
import { notFound } from '../errors.ts';
import { acceptAnalysis } from './accept-analysis.ts';
import type { UseCaseDeps, UseCaseLog } from './context.ts';

/** The newest analysis of the pair, if neither text changed since it was made and it did not fail; otherwise a new one. */
export async function analysisForPair(deps: UseCaseDeps, log: UseCaseLog, ownerId: string, resumeId: string, vacancyId: string): Promise<AnalysisRow> {
  const [resume, vacancy] = await Promise.all([resumeRepo.get(deps.db, ownerId, resumeId), vacancyRepo.get(deps.db, ownerId, vacancyId)]);
  if (!resume) throw notFound('resume');
  if (!vacancy) throw notFound('vacancy');
  const latest = await analysisRepo.latestForPair(deps.db, ownerId, resumeId, vacancyId);
  if (latest && latest.status !== 'failed' && latest.resumeText === resume.content && latest.vacancyText === vacancyText(vacancy)) return latest;
  return acceptAnalysis(deps, log, ownerId, { resumeId, vacancyId });
}
