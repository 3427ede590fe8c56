/**
 * An in-memory BM25 index over many documents (vacancies or resumes), for ranking thousands of them against one
 * query text when PostgreSQL full-text search is not available, and as the ranking prefilter's fallback.
 */
import { terms } from '@rc/text';

export interface LexicalIndexOptions {
  /** Term-frequency saturation (default 1.2). */
  k1?: number;
  /** Length normalisation, 0..1 (default 0.75). */
  b?: number;
}

export interface SearchHit {
  id: string;
  score: number;
}

interface Doc {
  length: number;
  tf: Map<string, number>;
}

export class LexicalIndex {
  private readonly k1: number;
  private readonly b: number;
  private readonly docs = new Map<string, Doc>();
  /** term → document id → term frequency */
  private readonly postings = new Map<string, Map<string, number>>();
  private totalLength = 0;

  constructor(options: LexicalIndexOptions = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
  }

  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Index a document; adding an id again replaces its text. */
  add(id: string, text: string): void {
    this.remove(id);
    const list = terms(text);
    const tf = new Map<string, number>();
    for (const t of list) tf.set(t, (tf.get(t) ?? 0) + 1);
    this.docs.set(id, { length: list.length, tf });
    this.totalLength += list.length;
    for (const [t, n] of tf) {
      let posting = this.postings.get(t);
      if (!posting) this.postings.set(t, (posting = new Map()));
      posting.set(id, n);
    }
  }

  remove(id: string): boolean {
    const doc = this.docs.get(id);
    if (!doc) return false;
    for (const t of doc.tf.keys()) {
      const posting = this.postings.get(t)!;
      posting.delete(id);
      if (posting.size === 0) this.postings.delete(t);
    }
    this.totalLength -= doc.length;
    this.docs.delete(id);
    return true;
  }

  /** The k best documents for a query text, best first; documents sharing no term with the query are left out. */
  search(query: string, k = 10): SearchHit[] {
    const n = this.docs.size;
    if (n === 0 || k <= 0) return [];
    const avgLength = this.totalLength / n || 1;
    const queryTf = new Map<string, number>();
    for (const t of terms(query)) queryTf.set(t, (queryTf.get(t) ?? 0) + 1);
    const scores = new Map<string, number>();
    for (const [t, qtf] of queryTf) {
      const posting = this.postings.get(t);
      if (!posting) continue;
      const idf = Math.log(1 + (n - posting.size + 0.5) / (posting.size + 0.5));
      // A term the query repeats matters more, but sublinearly: long vacancies repeat their stack a lot.
      const queryWeight = 1 + Math.log(qtf);
      for (const [id, tf] of posting) {
        const length = this.docs.get(id)!.length;
        const part = (tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + (this.b * length) / avgLength));
        scores.set(id, (scores.get(id) ?? 0) + idf * part * queryWeight);
      }
    }
    return [...scores]
      .map(([id, score]) => ({ id, score }))
      .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .slice(0, k);
  }
}
