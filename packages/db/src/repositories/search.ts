/**
 * Full-text search over an owner's vacancies or resumes (english and russian configurations together), for the
 * ranking prefilter: how many candidates there are, the best text matches, and the newest others.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { RankingTarget } from '@rc/contracts';
import type { DbOrTx } from '../client.ts';

export interface SearchScope {
  /** Which collection: vacancies (for a resume) or resumes (for a vacancy). */
  target: RankingTarget;
  ownerId: string;
  /** Only these ids, or the owner's whole collection when null. */
  candidateIds: string[] | null;
}

export interface SearchHit {
  id: string;
  score: number;
}

/** A uuid[] parameter: drizzle would spread a JS array into a tuple, so pass PostgreSQL's array literal. */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

const tableOf = (scope: SearchScope) => (scope.target === 'vacancies' ? sql.raw('vacancies') : sql.raw('resumes'));
const idFilter = (scope: SearchScope): SQL => (scope.candidateIds ? sql`AND id = ANY(${uuidArray(scope.candidateIds)}::uuid[])` : sql``);

export const searchRepo = {
  async count(db: DbOrTx, scope: SearchScope): Promise<number> {
    const [{ total } = { total: 0 }] = (
      await db.execute(sql`SELECT count(*)::int AS total FROM ${tableOf(scope)} WHERE owner_id = ${scope.ownerId} ${idFilter(scope)}`)
    ).rows as Array<{ total: number }>;
    return total;
  },

  /**
   * The candidates matching any of `words`, best first by ts_rank, at most `limit`. Normalization 2 divides by the
   * document's length: what the product's score measures is how much of the vacancy (or resume) the subject covers,
   * not how many of the subject's words a long text happens to hold.
   */
  async matching(db: DbOrTx, scope: SearchScope, words: string[], limit: number): Promise<SearchHit[]> {
    const q = words.join(' | ');
    const rows = (
      await db.execute(sql`
        WITH q AS (SELECT to_tsquery('english', ${q}) || to_tsquery('russian', ${q}) AS q)
        SELECT id, ts_rank(search, q.q, 2) AS score
        FROM ${tableOf(scope)}, q
        WHERE owner_id = ${scope.ownerId} ${idFilter(scope)} AND search @@ q.q
        ORDER BY score DESC, id
        LIMIT ${limit}`)
    ).rows as Array<{ id: string; score: number }>;
    return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  },

  /**
   * Candidate ids newest first, as the lists are, leaving out `except`; all of them when no limit is given. The id
   * (time-ordered) settles rows made in the same millisecond, so the same rows come back on every run.
   */
  async newest(db: DbOrTx, scope: SearchScope, opts: { except?: string[]; limit?: number } = {}): Promise<string[]> {
    const except = opts.except ? sql`AND NOT (id = ANY(${uuidArray(opts.except)}::uuid[]))` : sql``;
    const limit = opts.limit === undefined ? sql`` : sql`LIMIT ${opts.limit}`;
    const rows = (
      await db.execute(sql`
        SELECT id FROM ${tableOf(scope)}
        WHERE owner_id = ${scope.ownerId} ${idFilter(scope)} ${except}
        ORDER BY created_at DESC, id DESC ${limit}`)
    ).rows as Array<{ id: string }>;
    return rows.map((r) => r.id);
  },
};
