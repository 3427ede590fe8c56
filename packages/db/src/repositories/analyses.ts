/**
 * Analyses move queued → scoring → scored → advising → done (or failed). Each step is a conditional UPDATE, so a
 * job that runs twice (a retry after a crash, a duplicate after recovery) stores one result.
 */
import { and, desc, eq, getTableColumns, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import {
  analysisProgress,
  analysisStepStatuses,
  unfinishedAnalysisStatuses,
  type Advice,
  type AdviceSource,
  type JobError,
  type Language,
  type Scoring,
  type Verdict,
} from '@rc/contracts';
import type { Database, DbOrTx } from '../client.ts';
import { afterCursor, newestFirst, toPage, type Page } from '../pagination.ts';
import { analyses, type StoredHiddenText } from '../schema.ts';

export type AnalysisRow = typeof analyses.$inferSelect;
/** An analysis without the two text snapshots: what reading and polling need. */
export type AnalysisView = Omit<AnalysisRow, 'resumeText' | 'vacancyText'>;

const { resumeText: _r, vacancyText: _v, ...viewColumns } = getTableColumns(analyses);

// Clients poll GET /v1/analyses/:id; a prepared statement halves its database time (PGlite and PostgreSQL alike).
const preparedGet = new WeakMap<object, ReturnType<typeof prepareGet>>();
function prepareGet(db: Database) {
  return db
    .select(viewColumns)
    .from(analyses)
    .where(and(eq(analyses.ownerId, sql.placeholder('ownerId')), eq(analyses.id, sql.placeholder('id'))))
    .prepare('analysis_get_view');
}
/** The attempts columns are int4: "no cap" must fit in one. */
export const NO_CAP = 2_147_483_647;

/**
 * The stored error of a job that kept failing or stalling. Fixed text: an exception's own message may quote the
 * resume or the vacancy, and this error is shown by the API and kept in the database.
 */
export function attemptsExhausted(step: 'scoring' | 'advice' | 'ranking', attempts: number): JobError {
  return { code: 'too_many_attempts', message: `the ${step} step failed, stalled or was interrupted ${attempts} times; it is not tried again` };
}

export const analysisRepo = {
  async createQueued(
    db: DbOrTx,
    a: {
      ownerId: string;
      resumeId: string | null;
      vacancyId: string | null;
      resumeText: string;
      vacancyText: string;
      adviceLanguage: Language;
      resumeHiddenText?: StoredHiddenText | null;
    },
  ): Promise<AnalysisRow> {
    const [row] = await db.insert(analyses).values({ ...a, status: 'queued', progress: analysisProgress.queued }).returning();
    return row!;
  },
  /** The caller's analysis without its text snapshots. */
  async get(db: Database, ownerId: string, id: string): Promise<AnalysisView | null> {
    let q = preparedGet.get(db);
    if (!q) preparedGet.set(db, (q = prepareGet(db)));
    const [row] = await q.execute({ ownerId, id });
    return row ?? null;
  },
  /** For workers, which act on ids they were given by the gateway. */
  async getById(db: DbOrTx, id: string): Promise<AnalysisRow | null> {
    const [row] = await db.select().from(analyses).where(eq(analyses.id, id));
    return row ?? null;
  },
  async list(db: DbOrTx, ownerId: string, opts: { limit: number; cursor?: string }): Promise<Page<AnalysisRow>> {
    const rows = await db
      .select()
      .from(analyses)
      .where(and(eq(analyses.ownerId, ownerId), afterCursor(analyses.createdAt, analyses.id, opts.cursor)))
      .orderBy(...newestFirst(analyses.createdAt, analyses.id))
      .limit(opts.limit + 1);
    return toPage(rows, opts.limit);
  },
  async latestForPair(db: DbOrTx, ownerId: string, resumeId: string, vacancyId: string): Promise<AnalysisRow | null> {
    const [row] = await db
      .select()
      .from(analyses)
      .where(and(eq(analyses.ownerId, ownerId), eq(analyses.resumeId, resumeId), eq(analyses.vacancyId, vacancyId)))
      .orderBy(desc(analyses.createdAt))
      .limit(1);
    return row ?? null;
  },
  async delete(db: DbOrTx, ownerId: string, id: string): Promise<boolean> {
    const rows = await db.delete(analyses).where(and(eq(analyses.ownerId, ownerId), eq(analyses.id, id))).returning({ id: analyses.id });
    return rows.length > 0;
  },
  /**
   * Takes the analysis for scoring; null when it is already past scoring (a duplicate job) or has used its
   * maxAttempts claims. Every claim counts, so a job that kills or blocks its worker (no exception, no retry count in
   * the queue) still runs out of tries; `failExhausted` then marks it failed.
   */
  async claimForScoring(db: DbOrTx, id: string, maxAttempts: number = NO_CAP): Promise<AnalysisRow | null> {
    const [row] = await db
      .update(analyses)
      .set({ status: 'scoring', progress: analysisProgress.scoring, attempts: sql`${analyses.attempts} + 1`, scoringStartedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(analyses.id, id), inArray(analyses.status, [...analysisStepStatuses.scoring]), lt(analyses.attempts, maxAttempts)))
      .returning();
    return row ?? null;
  },
  /**
   * Marks failed an unfinished analysis whose current step (scoring or advice) has used maxAttempts claims; true when
   * it did. Called by a worker whose claim was refused and by the recovery loop, instead of running it again.
   */
  async failExhausted(db: DbOrTx, id: string, maxAttempts: number): Promise<boolean> {
    const now = new Date();
    const scoring = await db
      .update(analyses)
      .set({ status: 'failed', progress: analysisProgress.failed, error: attemptsExhausted('scoring', maxAttempts), finishedAt: now, updatedAt: now })
      .where(and(eq(analyses.id, id), inArray(analyses.status, [...analysisStepStatuses.scoring]), gte(analyses.attempts, maxAttempts)))
      .returning({ id: analyses.id });
    if (scoring.length) return true;
    const advice = await db
      .update(analyses)
      .set({ status: 'failed', progress: analysisProgress.failed, error: attemptsExhausted('advice', maxAttempts), finishedAt: now, updatedAt: now })
      .where(and(eq(analyses.id, id), inArray(analyses.status, [...analysisStepStatuses.advice]), gte(analyses.adviceAttempts, maxAttempts)))
      .returning({ id: analyses.id });
    return advice.length > 0;
  },
  async saveScoring(db: DbOrTx, id: string, s: { score: number; verdict: Verdict; scoring: Scoring }): Promise<boolean> {
    const rows = await db
      .update(analyses)
      .set({ status: 'scored', progress: analysisProgress.scored, score: s.score, verdict: s.verdict, scoring: s.scoring, scoredAt: new Date(), updatedAt: new Date(), error: null })
      .where(and(eq(analyses.id, id), eq(analyses.status, 'scoring')))
      .returning({ id: analyses.id });
    return rows.length > 0;
  },
  /** Takes a scored analysis for advice; null when already advised (a duplicate job) or out of advice attempts. */
  async claimForAdvice(db: DbOrTx, id: string, maxAttempts: number = NO_CAP): Promise<AnalysisRow | null> {
    const [row] = await db
      .update(analyses)
      .set({ status: 'advising', progress: analysisProgress.advising, adviceAttempts: sql`${analyses.adviceAttempts} + 1`, updatedAt: new Date() })
      .where(and(eq(analyses.id, id), inArray(analyses.status, [...analysisStepStatuses.advice]), lt(analyses.adviceAttempts, maxAttempts)))
      .returning();
    return row ?? null;
  },
  /**
   * Puts back an advice claim that was interrupted by a shutdown (not a failure): the analysis is `scored` again and
   * the claim does not count against its attempts.
   */
  async releaseAdvice(db: DbOrTx, id: string): Promise<void> {
    await db
      .update(analyses)
      .set({ status: 'scored', progress: analysisProgress.scored, adviceAttempts: sql`greatest(${analyses.adviceAttempts} - 1, 0)`, updatedAt: new Date() })
      .where(and(eq(analyses.id, id), eq(analyses.status, 'advising')));
  },
  async saveAdvice(db: DbOrTx, id: string, a: { advice: Advice; adviceSource: AdviceSource }): Promise<boolean> {
    const now = new Date();
    const rows = await db
      .update(analyses)
      .set({ status: 'done', progress: analysisProgress.done, advice: a.advice, adviceSource: a.adviceSource, advisedAt: now, finishedAt: now, updatedAt: now })
      .where(and(eq(analyses.id, id), eq(analyses.status, 'advising')))
      .returning({ id: analyses.id });
    return rows.length > 0;
  },
  async markFailed(db: DbOrTx, id: string, error: JobError): Promise<void> {
    const now = new Date();
    await db
      .update(analyses)
      .set({ status: 'failed', progress: analysisProgress.failed, error, finishedAt: now, updatedAt: now })
      .where(and(eq(analyses.id, id), inArray(analyses.status, [...unfinishedAnalysisStatuses])));
  },
  /**
   * Unfinished analyses nobody has touched after `before`: their job may have been lost with a worker or Redis (at
   * `before` = now, every unfinished one, even one touched this millisecond).
   */
  async findStale(db: DbOrTx, before: Date, limit = 500): Promise<Array<Pick<AnalysisRow, 'id' | 'status' | 'attempts' | 'adviceAttempts'>>> {
    return db
      .select({ id: analyses.id, status: analyses.status, attempts: analyses.attempts, adviceAttempts: analyses.adviceAttempts })
      .from(analyses)
      .where(and(inArray(analyses.status, [...unfinishedAnalysisStatuses]), lte(analyses.updatedAt, before)))
      .orderBy(analyses.updatedAt)
      .limit(limit);
  },
  /** Marks a stale analysis as looked at, so the next recovery round does not enqueue it again at once. */
  async touch(db: DbOrTx, id: string): Promise<void> {
    await db.update(analyses).set({ updatedAt: new Date() }).where(eq(analyses.id, id));
  },
};
