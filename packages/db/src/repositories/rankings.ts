/** Rankings of vacancies for a resume (or resumes for a vacancy) and their stored entries. */
import { and, asc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { rankingProgress, unfinishedRankingStatuses, type JobError, type RankingTarget } from '@rc/contracts';
import type { DbOrTx } from '../client.ts';
import { afterCursor, newestFirst, toPage, type Page } from '../pagination.ts';
import { rankingEntries, rankings } from '../schema.ts';
import { attemptsExhausted, NO_CAP } from './analyses.ts';

export type RankingRow = typeof rankings.$inferSelect;
export type RankingEntryRow = typeof rankingEntries.$inferSelect;

export const rankingRepo = {
  async create(
    db: DbOrTx,
    r: { ownerId: string; target: RankingTarget; subjectId: string; candidateIds: string[] | null; topK: number; limit: number },
  ): Promise<RankingRow> {
    const [row] = await db.insert(rankings).values({ ...r, status: 'queued', progress: rankingProgress.queued }).returning();
    return row!;
  },
  async get(db: DbOrTx, ownerId: string, id: string): Promise<RankingRow | null> {
    const [row] = await db.select().from(rankings).where(and(eq(rankings.ownerId, ownerId), eq(rankings.id, id)));
    return row ?? null;
  },
  async getById(db: DbOrTx, id: string): Promise<RankingRow | null> {
    const [row] = await db.select().from(rankings).where(eq(rankings.id, id));
    return row ?? null;
  },
  async list(db: DbOrTx, ownerId: string, opts: { limit: number; cursor?: string }): Promise<Page<RankingRow>> {
    const rows = await db
      .select()
      .from(rankings)
      .where(and(eq(rankings.ownerId, ownerId), afterCursor(rankings.createdAt, rankings.id, opts.cursor)))
      .orderBy(...newestFirst(rankings.createdAt, rankings.id))
      .limit(opts.limit + 1);
    return toPage(rows, opts.limit);
  },
  /** Takes the ranking for a scorer; null when finished (a duplicate job) or out of attempts (see failExhausted). */
  async claim(db: DbOrTx, id: string, maxAttempts: number = NO_CAP): Promise<RankingRow | null> {
    const [row] = await db
      .update(rankings)
      .set({ status: 'running', progress: rankingProgress.running, attempts: sql`${rankings.attempts} + 1`, updatedAt: new Date() })
      .where(and(eq(rankings.id, id), inArray(rankings.status, [...unfinishedRankingStatuses]), lt(rankings.attempts, maxAttempts)))
      .returning();
    return row ?? null;
  },
  /** Marks failed an unfinished ranking that has used maxAttempts claims; true when it did. */
  async failExhausted(db: DbOrTx, id: string, maxAttempts: number): Promise<boolean> {
    const now = new Date();
    const rows = await db
      .update(rankings)
      .set({ status: 'failed', progress: rankingProgress.failed, error: attemptsExhausted('ranking', maxAttempts), finishedAt: now, updatedAt: now })
      .where(and(eq(rankings.id, id), inArray(rankings.status, [...unfinishedRankingStatuses]), gte(rankings.attempts, maxAttempts)))
      .returning({ id: rankings.id });
    return rows.length > 0;
  },
  /** Unfinished rankings in flight for an owner: the per-owner quota counts them. */
  async countUnfinished(db: DbOrTx, ownerId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(rankings)
      .where(and(eq(rankings.ownerId, ownerId), inArray(rankings.status, [...unfinishedRankingStatuses])));
    return Number(row?.n ?? 0);
  },
  async setProgress(db: DbOrTx, id: string, progress: number, candidateCount?: number): Promise<void> {
    await db
      .update(rankings)
      .set({ progress, updatedAt: new Date(), ...(candidateCount === undefined ? {} : { candidateCount }) })
      .where(and(eq(rankings.id, id), eq(rankings.status, 'running')));
  },
  /** Stores the entries and finishes the ranking in one transaction: a retried job replaces, never duplicates. */
  async complete(db: DbOrTx, id: string, engine: string, entries: Array<Omit<RankingEntryRow, 'rankingId'>>): Promise<boolean> {
    return db.transaction(async (tx) => {
      const now = new Date();
      const rows = await tx
        .update(rankings)
        .set({ status: 'done', progress: rankingProgress.done, engine, finishedAt: now, updatedAt: now })
        .where(and(eq(rankings.id, id), eq(rankings.status, 'running')))
        .returning({ id: rankings.id });
      if (rows.length === 0) return false;
      await tx.delete(rankingEntries).where(eq(rankingEntries.rankingId, id));
      for (let i = 0; i < entries.length; i += 1000) {
        const chunk = entries.slice(i, i + 1000).map((e) => ({ ...e, rankingId: id }));
        if (chunk.length) await tx.insert(rankingEntries).values(chunk);
      }
      return true;
    });
  },
  async markFailed(db: DbOrTx, id: string, error: JobError): Promise<void> {
    const now = new Date();
    await db
      .update(rankings)
      .set({ status: 'failed', progress: rankingProgress.failed, error, finishedAt: now, updatedAt: now })
      .where(and(eq(rankings.id, id), inArray(rankings.status, [...unfinishedRankingStatuses])));
  },
  async entries(db: DbOrTx, rankingId: string, limit: number): Promise<RankingEntryRow[]> {
    return db.select().from(rankingEntries).where(eq(rankingEntries.rankingId, rankingId)).orderBy(asc(rankingEntries.rank)).limit(limit);
  },
  async findStale(db: DbOrTx, before: Date, limit = 100): Promise<Array<Pick<RankingRow, 'id' | 'status' | 'attempts'>>> {
    return db
      .select({ id: rankings.id, status: rankings.status, attempts: rankings.attempts })
      .from(rankings)
      .where(and(inArray(rankings.status, [...unfinishedRankingStatuses]), lte(rankings.updatedAt, before)))
      .limit(limit);
  },
  async touch(db: DbOrTx, id: string): Promise<void> {
    await db.update(rankings).set({ updatedAt: new Date() }).where(eq(rankings.id, id));
  },
};
