/**
 * A few recently read texts with what was made of them, the least recently used dropped first: a ranking pairs one
 * resume with thousands of vacancies (or one vacancy with thousands of resumes), and the subject's side of every pair
 * is the same text.
 */
export class RecentTexts<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly size: number) {}

  /** What `make` made of this text, made now only if the text is not among the recent ones. */
  get(text: string, make: (text: string) => T): T {
    const hit = this.map.get(text);
    if (hit !== undefined) {
      this.map.delete(text);
      this.map.set(text, hit);
      return hit;
    }
    const value = make(text);
    this.map.set(text, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
    return value;
  }
}

/** The most words a word cache keeps before it starts afresh, and the longest word it keeps. */
export const WORD_CACHE_LIMIT = 50_000;
/** Longer words are computed every time: 50,000 cached 100,000-letter words from hostile texts would hold 10 GB. */
export const WORD_CACHE_MAX_WORD = 64;

/**
 * A pure function of one word, remembered: a text's words are mostly ones read many times before. Bounded: words
 * longer than WORD_CACHE_MAX_WORD are not kept, and the cache is emptied when it holds WORD_CACHE_LIMIT words.
 */
export function wordCache<V>(compute: (word: string) => V, maxWord = WORD_CACHE_MAX_WORD): (word: string) => V {
  const cache = new Map<string, V>();
  return (word) => {
    let value = cache.get(word);
    if (value === undefined) {
      value = compute(word);
      if (word.length > maxWord) return value;
      if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
      cache.set(word, value);
    }
    return value;
  };
}

