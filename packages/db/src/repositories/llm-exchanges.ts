/** Stored LLM exchanges: the training data for an in-house advice model. */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { llmExchanges } from '../schema.ts';

export type LlmExchangeRow = typeof llmExchanges.$inferSelect;
export type NewLlmExchange = typeof llmExchanges.$inferInsert;

export const llmExchangeRepo = {
  async insertMany(db: DbOrTx, rows: NewLlmExchange[]): Promise<void> {
    if (rows.length) await db.insert(llmExchanges).values(rows);
  },
  /** The analysis's exchanges become exactly these: a job delivered twice stores one set, not two. */
  async replaceForAnalysis(db: DbOrTx, analysisId: string, rows: NewLlmExchange[]): Promise<void> {
    await db.delete(llmExchanges).where(eq(llmExchanges.analysisId, analysisId));
    if (rows.length) await db.insert(llmExchanges).values(rows);
  },
  /** Pages through all exchanges by id (ids are time-ordered UUIDv7, so this is insertion order and never skips a row). */
  async pageById(db: DbOrTx, opts: { afterId?: string; limit: number; onlyGood?: boolean }): Promise<LlmExchangeRow[]> {
    return db
      .select()
      .from(llmExchanges)
      .where(
        and(
          opts.afterId ? gt(llmExchanges.id, opts.afterId) : undefined,
          opts.onlyGood ? and(eq(llmExchanges.parsed, true), eq(llmExchanges.grounded, true)) : undefined,
        ),
      )
      .orderBy(asc(llmExchanges.id))
      .limit(opts.limit);
  },
  async forAnalysis(db: DbOrTx, analysisId: string): Promise<LlmExchangeRow[]> {
    return db.select().from(llmExchanges).where(eq(llmExchanges.analysisId, analysisId)).orderBy(asc(llmExchanges.createdAt));
  },
};
