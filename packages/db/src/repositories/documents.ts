/** Vacancies and resumes: every function takes the owner and never touches another owner's rows. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Language } from '@rc/contracts';
import type { DbOrTx } from '../client.ts';
import { afterCursor, newestFirst, toPage, type Page } from '../pagination.ts';
import { analyses, rankingEntries, rankings, resumes, vacancies, type StoredHiddenText } from '../schema.ts';

export type VacancyRow = Omit<typeof vacancies.$inferSelect, 'search' | 'reading' | 'readingVersion' | 'readingTerms' | 'readAt'>;
export type ResumeRow = Omit<typeof resumes.$inferSelect, 'search'>;

const vacancyCols = {
  id: vacancies.id,
  ownerId: vacancies.ownerId,
  title: vacancies.title,
  description: vacancies.description,
  language: vacancies.language,
  createdAt: vacancies.createdAt,
  updatedAt: vacancies.updatedAt,
};
const resumeCols = {
  id: resumes.id,
  ownerId: resumes.ownerId,
  name: resumes.name,
  content: resumes.content,
  fileName: resumes.fileName,
  fileType: resumes.fileType,
  fileSize: resumes.fileSize,
  hiddenText: resumes.hiddenText,
  language: resumes.language,
  createdAt: resumes.createdAt,
  updatedAt: resumes.updatedAt,
};

export const vacancyRepo = {
  async create(db: DbOrTx, v: { ownerId: string; title: string; description: string; language: Language }) {
    const [row] = await db.insert(vacancies).values(v).returning(vacancyCols);
    return row!;
  },
  async get(db: DbOrTx, ownerId: string, id: string): Promise<VacancyRow | null> {
    const [row] = await db.select(vacancyCols).from(vacancies).where(and(eq(vacancies.ownerId, ownerId), eq(vacancies.id, id)));
    return row ?? null;
  },
  async list(db: DbOrTx, ownerId: string, opts: { limit: number; cursor?: string }): Promise<Page<VacancyRow>> {
    const rows = await db
      .select(vacancyCols)
      .from(vacancies)
      .where(and(eq(vacancies.ownerId, ownerId), afterCursor(vacancies.createdAt, vacancies.id, opts.cursor)))
      .orderBy(...newestFirst(vacancies.createdAt, vacancies.id))
      .limit(opts.limit + 1);
    return toPage(rows, opts.limit);
  },
  async update(db: DbOrTx, ownerId: string, id: string, patch: Partial<{ title: string; description: string; language: Language }>) {
    // a new text needs a new reading: the scorer reads it again
    const reread = patch.title !== undefined || patch.description !== undefined ? { reading: null, readingVersion: null, readingTerms: null, readAt: null } : {};
    const [row] = await db
      .update(vacancies)
      .set({ ...patch, ...reread, updatedAt: new Date() })
      .where(and(eq(vacancies.ownerId, ownerId), eq(vacancies.id, id)))
      .returning(vacancyCols);
    return row ?? null;
  },
  async delete(db: DbOrTx, ownerId: string, id: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const deleted = await tx
        .delete(vacancies)
        .where(and(eq(vacancies.ownerId, ownerId), eq(vacancies.id, id)))
        .returning({ id: vacancies.id });
      if (deleted.length === 0) return false;
      await tx.delete(rankingEntries).where(eq(rankingEntries.candidateId, id));
      await tx.delete(rankings).where(and(eq(rankings.ownerId, ownerId), eq(rankings.subjectId, id)));
      return true;
    });
  },
  async getMany(db: DbOrTx, ownerId: string, ids: string[]): Promise<VacancyRow[]> {
    if (ids.length === 0) return [];
    return db.select(vacancyCols).from(vacancies).where(and(eq(vacancies.ownerId, ownerId), inArray(vacancies.id, ids)));
  },
  async count(db: DbOrTx, ownerId: string): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(vacancies).where(eq(vacancies.ownerId, ownerId));
    return row?.n ?? 0;
  },
  /**
   * The texts of the owner's vacancies with the posting's reading where it was made by this version of the reading
   * code (else null): what a ranking matches requirements from.
   */
  async getManyForScoring(db: DbOrTx, ownerId: string, ids: string[], version: string): Promise<Array<{ id: string; title: string; description: string; reading: string | null }>> {
    if (ids.length === 0) return [];
    return db
      .select({
        id: vacancies.id,
        title: vacancies.title,
        description: vacancies.description,
        reading: sql<string | null>`case when ${vacancies.readingVersion} = ${version} then ${vacancies.reading} end`,
      })
      .from(vacancies)
      .where(and(eq(vacancies.ownerId, ownerId), inArray(vacancies.id, ids)));
  },
  /**
   * The owner's vacancies (or those of `ids`) with terms stored by this version of the reading code, and when each
   * was stored: what a ranking's shortlist checks its cache of reading terms against.
   */
  async readingStamps(db: DbOrTx, ownerId: string, ids: string[] | null, version: string): Promise<Array<{ id: string; readAt: Date }>> {
    const rows = await db
      .select({ id: vacancies.id, readAt: vacancies.readAt })
      .from(vacancies)
      .where(
        and(
          eq(vacancies.ownerId, ownerId),
          eq(vacancies.readingVersion, version),
          sql`${vacancies.readingTerms} is not null`,
          ids ? inArray(vacancies.id, ids) : undefined,
        ),
      );
    return rows.filter((r): r is { id: string; readAt: Date } => r.readAt !== null);
  },
  /** The stored reading terms of these vacancies of the owner, made by this version of the reading code. */
  async readingTerms(db: DbOrTx, ownerId: string, ids: string[], version: string): Promise<Array<{ id: string; terms: string; readAt: Date }>> {
    if (ids.length === 0) return [];
    const rows = await db
      .select({ id: vacancies.id, terms: vacancies.readingTerms, readAt: vacancies.readAt })
      .from(vacancies)
      .where(and(eq(vacancies.ownerId, ownerId), eq(vacancies.readingVersion, version), inArray(vacancies.id, ids)));
    return rows.filter((r): r is { id: string; terms: string; readAt: Date } => r.terms !== null && r.readAt !== null);
  },
  /**
   * Vacancies of any owner whose posting has not been read by this version of the reading code, in random order (so
   * that scorers reading at once mostly take different ones). For the scorer's posting reader only.
   */
  async unread(db: DbOrTx, version: string, limit: number): Promise<Array<{ id: string; title: string; description: string }>> {
    return db
      .select({ id: vacancies.id, title: vacancies.title, description: vacancies.description })
      .from(vacancies)
      .where(sql`${vacancies.readingVersion} is distinct from ${version}`)
      .orderBy(sql`random()`)
      .limit(limit);
  },
  /**
   * Stores readings made by `version` (null: the posting could not be read in time, and rankings read it as they go),
   * each only if the vacancy still has the text it was read from.
   */
  async storeReadings(
    db: DbOrTx,
    version: string,
    rows: Array<{ id: string; title: string; description: string; reading: string | null; terms?: string | null }>,
  ): Promise<number> {
    let stored = 0;
    const readAt = new Date();
    for (const r of rows) {
      const done = await db
        .update(vacancies)
        .set({ reading: r.reading, readingTerms: r.reading === null ? null : (r.terms ?? null), readingVersion: version, readAt })
        .where(and(eq(vacancies.id, r.id), eq(vacancies.title, r.title), eq(vacancies.description, r.description)))
        .returning({ id: vacancies.id });
      stored += done.length;
    }
    return stored;
  },
};

export const resumeRepo = {
  async create(
    db: DbOrTx,
    r: {
      ownerId: string;
      name: string;
      content: string;
      language: Language;
      fileName?: string | null;
      fileType?: string | null;
      fileSize?: number | null;
      hiddenText?: StoredHiddenText | null;
    },
  ) {
    const [row] = await db.insert(resumes).values(r).returning(resumeCols);
    return row!;
  },
  async get(db: DbOrTx, ownerId: string, id: string): Promise<ResumeRow | null> {
    const [row] = await db.select(resumeCols).from(resumes).where(and(eq(resumes.ownerId, ownerId), eq(resumes.id, id)));
    return row ?? null;
  },
  async list(db: DbOrTx, ownerId: string, opts: { limit: number; cursor?: string }): Promise<Page<ResumeRow>> {
    const rows = await db
      .select(resumeCols)
      .from(resumes)
      .where(and(eq(resumes.ownerId, ownerId), afterCursor(resumes.createdAt, resumes.id, opts.cursor)))
      .orderBy(...newestFirst(resumes.createdAt, resumes.id))
      .limit(opts.limit + 1);
    return toPage(rows, opts.limit);
  },
  async update(db: DbOrTx, ownerId: string, id: string, patch: Partial<{ name: string; content: string; language: Language; fileName: string | null; fileType: string | null; fileSize: number | null; hiddenText: StoredHiddenText | null }>) {
    const [row] = await db
      .update(resumes)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(resumes.ownerId, ownerId), eq(resumes.id, id)))
      .returning(resumeCols);
    return row ?? null;
  },
  /** Deletes the resume with everything derived from it: analyses, LLM exchanges (by FK), ranking rows. */
  async delete(db: DbOrTx, ownerId: string, id: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const deleted = await tx
        .delete(resumes)
        .where(and(eq(resumes.ownerId, ownerId), eq(resumes.id, id)))
        .returning({ id: resumes.id });
      if (deleted.length === 0) return false;
      await tx.delete(analyses).where(and(eq(analyses.ownerId, ownerId), eq(analyses.resumeId, id)));
      await tx.delete(rankingEntries).where(eq(rankingEntries.candidateId, id));
      await tx.delete(rankings).where(and(eq(rankings.ownerId, ownerId), eq(rankings.subjectId, id)));
      return true;
    });
  },
  async getMany(db: DbOrTx, ownerId: string, ids: string[]): Promise<ResumeRow[]> {
    if (ids.length === 0) return [];
    return db.select(resumeCols).from(resumes).where(and(eq(resumes.ownerId, ownerId), inArray(resumes.id, ids)));
  },
};
