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
