/**
 * Analyses move queued → scoring → scored → advising → done (or failed). Each step is a conditional UPDATE, so a
 * job that runs twice (a retry after a crash, a duplicate after recovery) stores one result.
 */
import { and, desc, eq, getTableColumns, inArray, lt, sql } from 'drizzle-orm';
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
export const UNFINISHED_STATUSES = ['queued', 'scoring', 'scored', 'advising'] as const;

export const analysisRepo = {
  async createQueued(
    db: DbOrTx,
    a: {
      ownerId: string;
      resumeId: string | null;
      vacancyId: string | null;
      resumeText: string;
      vacancyText: string;
      adviceLanguage: string;
      resumeHiddenText?: StoredHiddenText | null;
    },
  ): Promise<AnalysisRow> {
    const [row] = await db.insert(analyses).values({ ...a, status: 'queued', progress: 0.05 }).returning();
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
  /** Takes the analysis for scoring; null when it is already past scoring (a duplicate job). */
  async claimForScoring(db: DbOrTx, id: string): Promise<AnalysisRow | null> {
    const [row] = await db
      .update(analyses)
      .set({ status: 'scoring', progress: 0.25, attempts: sql`${analyses.attempts} + 1`, scoringStartedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(analyses.id, id), inArray(analyses.status, ['queued', 'scoring'])))
      .returning();
    return row ?? null;
  },
  async saveScoring(db: DbOrTx, id: string, s: { score: number; verdict: string; scoring: unknown }): Promise<boolean> {
    const rows = await db
      .update(analyses)
      .set({ status: 'scored', progress: 0.6, score: s.score, verdict: s.verdict, scoring: s.scoring, scoredAt: new Date(), updatedAt: new Date(), error: null })
      .where(and(eq(analyses.id, id), eq(analyses.status, 'scoring')))
      .returning({ id: analyses.id });
    return rows.length > 0;
  },
  async claimForAdvice(db: DbOrTx, id: string): Promise<AnalysisRow | null> {
    const [row] = await db
      .update(analyses)
      .set({ status: 'advising', progress: 0.75, updatedAt: new Date() })
      .where(and(eq(analyses.id, id), inArray(analyses.status, ['scored', 'advising'])))
      .returning();
    return row ?? null;
  },
  async saveAdvice(db: DbOrTx, id: string, a: { advice: unknown; adviceSource: unknown }): Promise<boolean> {
    const now = new Date();
    const rows = await db
      .update(analyses)
      .set({ status: 'done', progress: 1, advice: a.advice, adviceSource: a.adviceSource, advisedAt: now, finishedAt: now, updatedAt: now })
      .where(and(eq(analyses.id, id), eq(analyses.status, 'advising')))
      .returning({ id: analyses.id });
    return rows.length > 0;
  },
  async markFailed(db: DbOrTx, id: string, error: { code: string; message: string }): Promise<void> {
    const now = new Date();
    await db
      .update(analyses)
      .set({ status: 'failed', progress: 1, error, finishedAt: now, updatedAt: now })
      .where(and(eq(analyses.id, id), inArray(analyses.status, [...UNFINISHED_STATUSES])));
  },
  /** Unfinished analyses nobody has touched since `before`: their job may have been lost with a worker or Redis. */
  async findStale(db: DbOrTx, before: Date, limit = 500): Promise<Array<Pick<AnalysisRow, 'id' | 'status'>>> {
    return db
      .select({ id: analyses.id, status: analyses.status })
      .from(analyses)
      .where(and(inArray(analyses.status, [...UNFINISHED_STATUSES]), lt(analyses.updatedAt, before)))
      .orderBy(analyses.updatedAt)
      .limit(limit);
  },
  /** Marks a stale analysis as looked at, so the next recovery round does not enqueue it again at once. */
  async touch(db: DbOrTx, id: string): Promise<void> {
    await db.update(analyses).set({ updatedAt: new Date() }).where(eq(analyses.id, id));
  },
};
