/**
 * A ranking's shortlist by the stored readings: every read vacancy of the owner weighed against the resume by the fit
 * score's two heaviest parts, document overlap and title fit (@rc/lexical's shortlistScore), from the few hundred
 * bytes of terms the posting reader stores with each reading. The full-text search ranks by the resume's words found
 * in a posting's whole text; this ranks as the score does, by how much of what the posting asks the resume covers.
 *
 * The terms are kept in memory per vacancy, checked against when they were stored (`read_at`), so a ranking reads
 * from the database only the stamps and the terms it has not seen; each term string is kept once.
 */
import { vacancyRepo, type Database } from '@rc/db';
import { readingVersion, shortlistResume, shortlistScore, type ReadingTerms } from '@rc/lexical';

/** Vacancies whose terms a scorer keeps; beyond it the least recently stored are dropped (and read again if asked). */
const MAX_CACHED = 100_000;

export class ReadingTermsShortlist {
  private readonly entries = new Map<string, { readAt: number; terms: ReadingTerms }>();
  private readonly strings = new Map<string, string>();

  /** Terms kept in memory. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The `limit` read vacancies of the owner (or of `ids`) that fit the resume best by their stored terms, best first,
   * and how many were weighed. Vacancies not yet read are not among them: the full-text search finds those.
   */
  async top(db: Database, opts: { ownerId: string; ids: string[] | null; resumeText: string; limit: number }): Promise<{ ids: string[]; read: number }> {
    const version = readingVersion();
    const stamps = await vacancyRepo.readingStamps(db, opts.ownerId, opts.ids, version);
    const stale = stamps.filter((s) => this.entries.get(s.id)?.readAt !== s.readAt.getTime()).map((s) => s.id);
    for (let i = 0; i < stale.length; i += 1000) {
      for (const row of await vacancyRepo.readingTerms(db, opts.ownerId, stale.slice(i, i + 1000), version)) {
        this.remember(row.id, row.readAt.getTime(), row.terms);
      }
    }
    const resume = shortlistResume(opts.resumeText);
    const scored: Array<{ id: string; s: number }> = [];
    for (const { id } of stamps) {
      const entry = this.entries.get(id);
      if (entry) scored.push({ id, s: shortlistScore(entry.terms, resume) });
    }
    // the id settles ties, so the same shortlist comes back on every run
    scored.sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1));
    return { ids: scored.slice(0, opts.limit).map((x) => x.id), read: scored.length };
  }

  private remember(id: string, readAt: number, json: string): void {
    let parsed: ReadingTerms;
    try {
      parsed = JSON.parse(json) as ReadingTerms;
    } catch {
      return;
    }
    if (!Array.isArray(parsed.terms) || !Array.isArray(parsed.titleTerms) || !Array.isArray(parsed.skillTerms) || typeof parsed.weight !== 'number') return;
    const terms: ReadingTerms = {
      terms: parsed.terms.map((t) => this.intern(t)),
      weight: parsed.weight,
      titleTerms: parsed.titleTerms.map((t) => this.intern(t)),
      skillTerms: parsed.skillTerms.map((t) => this.intern(t)),
      language: parsed.language === 'ru' ? 'ru' : 'en',
    };
    this.entries.delete(id);
    this.entries.set(id, { readAt, terms });
    while (this.entries.size > MAX_CACHED) this.entries.delete(this.entries.keys().next().value!);
  }

  private intern(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size > 10 * MAX_CACHED) this.strings.clear();
    this.strings.set(s, s);
    return s;
  }
}
