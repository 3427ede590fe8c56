/**
 * The ranking prefilter: PostgreSQL full-text search (english and russian configurations together, through @rc/db's
 * search repository) picks the candidates most worth the cross-encoder's time.
 */
import type { RankingTarget } from '@rc/contracts';
import { searchRepo, type Database } from '@rc/db';
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

export async function prefilter(
  db: Database,
  /** `total`: the candidates in scope, when the caller has counted them already. */
  opts: { target: RankingTarget; ownerId: string; subjectText: string; candidateIds: string[] | null; k: number; total?: number },
): Promise<{ top: Candidate[]; total: number }> {
  const scope = { target: opts.target, ownerId: opts.ownerId, candidateIds: opts.candidateIds };
  const total = opts.total ?? (await searchRepo.count(db, scope));
  if (total <= opts.k) {
    // Every candidate fits in the shortlist: no search needed, and no list of the ones it missed.
    const ids = await searchRepo.newest(db, scope);
    return { top: ids.map((id) => ({ id, prefilterScore: 0 })), total };
  }
  const words = queryWords(opts.subjectText);
  let top: Candidate[] = [];
  if (words.length) {
    top = (await searchRepo.matching(db, scope, words, opts.k)).map((h) => ({ id: h.id, prefilterScore: h.score }));
  }
  if (top.length < opts.k && top.length < total) {
    // Too few text matches (another language, a terse text): the newest others still get the model's look.
    const rest = await searchRepo.newest(db, scope, { except: top.map((c) => c.id), limit: opts.k - top.length });
    top = top.concat(rest.map((id) => ({ id, prefilterScore: 0 })));
  }
  return { top, total };
}
