/**
 * Accepting a ranking: its size and the owner's rankings in flight are bounded, its subject must be the owner's; it is
 * stored as `queued`, then its job is enqueued.
 */
import { rankingRepo, resumeRepo, vacancyRepo, type RankingRow } from '@rc/db';
import { AppError, notFound } from '../errors.ts';
import type { UseCaseDeps, UseCaseLog } from './context.ts';
import { enqueueOrLeaveToRecovery } from './enqueue.ts';

export interface RankingRequest {
  /** Rank vacancies for this resume… */
  resumeId?: string;
  /** …or resumes for this vacancy. */
  vacancyId?: string;
  candidateIds?: string[];
  topK?: number;
  limit: number;
}

export async function acceptRanking(deps: UseCaseDeps, log: UseCaseLog, ownerId: string, input: RankingRequest): Promise<RankingRow> {
  const { db, config } = deps;
  const { resumeId, vacancyId, candidateIds, limit } = input;
  if (candidateIds && candidateIds.length > config.MAX_RANKING_IDS) {
    throw new AppError(422, 'too_many_ids', `at most ${config.MAX_RANKING_IDS} candidate ids per ranking`);
  }
  // The cross-encoder reads topK pairs per ranking (about 20 ms each): both the size of one ranking and the
  // rankings one owner keeps in flight are bounded, so one caller cannot fill the scorers for everyone.
  if (input.topK !== undefined && input.topK > config.RANKING_MAX_TOP_K) {
    throw new AppError(422, 'top_k_too_large', `topK is at most ${config.RANKING_MAX_TOP_K}`);
  }
  // Counted before the insert: two requests at the same instant may both pass, which overshoots by one at most
  // per concurrent request and is not worth a lock.
  if ((await rankingRepo.countUnfinished(db, ownerId)) >= config.RANKINGS_IN_FLIGHT_PER_OWNER) {
    throw new AppError(429, 'too_many_rankings', `at most ${config.RANKINGS_IN_FLIGHT_PER_OWNER} rankings queued or running per owner; wait for one to finish`, {
      'retry-after': '5',
    });
  }
  const target = resumeId ? 'vacancies' : 'resumes';
  const subjectId = (resumeId ?? vacancyId)!;
  const subject = resumeId ? await resumeRepo.get(db, ownerId, resumeId) : await vacancyRepo.get(db, ownerId, vacancyId!);
  if (!subject) throw notFound(resumeId ? 'resume' : 'vacancy');
  const ids = candidateIds ? [...new Set(candidateIds)] : null;
  const row = await rankingRepo.create(db, {
    ownerId,
    target,
    subjectId,
    candidateIds: ids,
    // every result shown gets the full score: the default top K grows to the results asked for
    topK: input.topK ?? Math.min(Math.max(config.RANKING_TOP_K, limit), config.RANKING_MAX_TOP_K),
    limit,
  });
  await enqueueOrLeaveToRecovery(deps, log, 'rank', { rankingId: row.id });
  return row;
}
