/**
 * The ranking prefilter: PostgreSQL full-text search (english and russian configurations together) picks the
 * candidates most worth the cross-encoder's time.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@rc/db';
import { SKILL_TERMS, termSpans } from '@rc/text';

export interface Candidate {
  id: string;
  prefilterScore: number;
}

/**
 * The subject's most telling words as an OR query: skills first (python, kubernetes, 1С), then the content words it
 * repeats most; stopwords never. Capped so the query stays cheap.
 */
export function queryWords(text: string, max = 24): string[] {
  const weight = new Map<string, { w: number; words: Set<string> }>();
  for (const t of termSpans(text)) {
    const words = t.text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((x) => x.length >= 2 && !/^\d+$/.test(x));
    if (words.length === 0) continue;
    const e = weight.get(t.term) ?? { w: 0, words: new Set<string>() };
    e.w += SKILL_TERMS.has(t.term) ? 4 : 1;
    for (const x of words) e.words.add(x);
    weight.set(t.term, e);
  }
  const out: string[] = [];
  for (const [, e] of [...weight.entries()].sort((x, y) => y[1].w - x[1].w)) {
    for (const w of e.words) if (!out.includes(w)) out.push(w);
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}

/** A uuid[] parameter: drizzle would spread a JS array into a tuple, so pass PostgreSQL's array literal. */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

export async function prefilter(
  db: Database,
  opts: { target: 'vacancies' | 'resumes'; ownerId: string; subjectText: string; candidateIds: string[] | null; k: number },
): Promise<{ top: Candidate[]; total: number }> {
  const table = opts.target === 'vacancies' ? sql.raw('vacancies') : sql.raw('resumes');
  const idFilter: SQL = opts.candidateIds ? sql`AND id = ANY(${uuidArray(opts.candidateIds)}::uuid[])` : sql``;
  const [{ total } = { total: 0 }] = (
    await db.execute(sql`SELECT count(*)::int AS total FROM ${table} WHERE owner_id = ${opts.ownerId} ${idFilter}`)
  ).rows as Array<{ total: number }>;
  if (total <= opts.k) {
    // Every candidate fits in the shortlist: no search needed, and no list of the ones it missed. Newest first as the
    // lists are; the id (time-ordered) settles rows made in the same millisecond.
    const rows = (await db.execute(sql`SELECT id FROM ${table} WHERE owner_id = ${opts.ownerId} ${idFilter} ORDER BY created_at DESC, id DESC`)).rows as Array<{ id: string }>;
    return { top: rows.map((r) => ({ id: r.id, prefilterScore: 0 })), total };
  }
  const words = queryWords(opts.subjectText);
  let top: Candidate[] = [];
  if (words.length) {
    const q = words.join(' | ');
    const rows = (
      await db.execute(sql`
        WITH q AS (SELECT to_tsquery('english', ${q}) || to_tsquery('russian', ${q}) AS q)
        -- normalization 2 divides by the document's length: what the product's score measures is how much of the
        -- vacancy (or resume) the subject covers, not how many of the subject's words a long text happens to hold
        SELECT id, ts_rank(search, q.q, 2) AS score
        FROM ${table}, q
        WHERE owner_id = ${opts.ownerId} ${idFilter} AND search @@ q.q
        ORDER BY score DESC, id
        LIMIT ${opts.k}`)
    ).rows as Array<{ id: string; score: number }>;
    top = rows.map((r) => ({ id: r.id, prefilterScore: Number(r.score) }));
  }
  if (top.length < opts.k && top.length < total) {
    // Too few text matches (another language, a terse text): the newest others still get the model's look. The id
    // (time-ordered) settles rows made in the same millisecond, so the same rows make the shortlist on every run.
    const seen = top.map((c) => c.id);
    const rest = (
      await db.execute(sql`
        SELECT id FROM ${table}
        WHERE owner_id = ${opts.ownerId} ${idFilter} AND NOT (id = ANY(${uuidArray(seen)}::uuid[]))
        ORDER BY created_at DESC, id DESC LIMIT ${opts.k - top.length}`)
    ).rows as Array<{ id: string }>;
    top = top.concat(rest.map((r) => ({ id: r.id, prefilterScore: 0 })));
  }
  return { top, total };
}
