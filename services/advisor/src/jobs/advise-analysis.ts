/**
 * Job `advise-analysis`: writes the advice for a scored analysis and keeps every LLM exchange for training; fails the
 * analysis when its advice finally fails.
 */
import { analysisRepo, llmExchangeRepo, type Database } from '@rc/db';
import { analysisProgress, scoringSchema, type JobPayload, type JobResult } from '@rc/contracts';
import { failAnalysis, failExhaustedAnalysis } from '@rc/jobs';
import type { AdviceWriter } from '@rc/llm';
import {
  JobInterruptedError,
  PermanentJobError,
  publishProgress,
  withTextFreeErrors,
  type JobContext,
  type JobDefinition,
  type ProgressBus,
} from '@rc/queue';

export interface AdviseDeps {
  db: Database;
  bus: ProgressBus;
  writer: AdviceWriter;
}

export function adviseAnalysisJob(deps: AdviseDeps): JobDefinition<'advise-analysis'> {
  // Failures leave as a code and a fixed message: they reach Redis, the stored analysis and the API.
  const run = withTextFreeErrors({ code: 'advice_failed', message: 'advice failed' }, async ({ analysisId }: JobPayload<'advise-analysis'>, ctx: JobContext): Promise<JobResult<'advise-analysis'>> => {
    const row = await analysisRepo.claimForAdvice(deps.db, analysisId, ctx.maxAttempts);
    if (!row) {
      if (await failExhaustedAnalysis(deps, analysisId, ctx.maxAttempts)) return { analysisId, status: 'failed' };
      return { analysisId, status: 'skipped' };
    }
    const scoring = scoringSchema.safeParse(row.scoring);
    if (!scoring.success) throw new PermanentJobError('the analysis has no valid scoring to advise on', 'invalid_scoring');
    await publishProgress(deps.bus, 'analysis', analysisId, 'advising', analysisProgress.advising);

    let outcome: Awaited<ReturnType<AdviceWriter['write']>>;
    try {
      // The shutdown signal aborts the LLM call (which may take a minute with retries): the claim is put back and
      // the job handed back, to be written by another advisor instead of dying with this one.
      outcome = await deps.writer.write(
        { vacancyText: row.vacancyText, resumeText: row.resumeText, scoring: scoring.data, language: row.adviceLanguage },
        ctx.signal,
      );
    } catch (err) {
      if (ctx.signal.aborted) {
        await analysisRepo.releaseAdvice(deps.db, analysisId);
        throw new JobInterruptedError();
      }
      throw err;
    }
    const exchanges = outcome.exchanges.map((e) => ({
      ownerId: row.ownerId,
      analysisId,
      resumeId: row.resumeId,
      provider: e.provider,
      model: e.model,
      promptVersion: e.promptVersion,
      language: e.language,
      messages: e.messages,
      response: e.response,
      parsed: e.parsed,
      grounded: e.grounded,
      latencyMs: Math.round(e.latencyMs),
      promptTokens: e.promptTokens ?? null,
      completionTokens: e.completionTokens ?? null,
      costUsd: e.costUsd ?? null,
      error: e.error ?? null,
    }));
    // The advice and its exchanges in one transaction, and only by the delivery that finishes the analysis: a second
    // delivery (a retry after a lost answer, a duplicate after recovery) finds it done and stores nothing.
    const saved = await deps.db.transaction(async (tx) => {
      if (!(await analysisRepo.saveAdvice(tx, analysisId, { advice: outcome.advice, adviceSource: outcome.source }))) return false;
      await llmExchangeRepo.replaceForAnalysis(tx, analysisId, exchanges);
      return true;
    });
    if (!saved) return { analysisId, status: 'skipped' };
    await publishProgress(deps.bus, 'analysis', analysisId, 'done', analysisProgress.done);
    return { analysisId, status: 'done' };
  });
  return { run, onFinalFailure: ({ analysisId }, error) => failAnalysis(deps, analysisId, 'advice', error) };
}
