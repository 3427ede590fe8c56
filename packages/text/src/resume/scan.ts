/**
 * The resume reader's tokens: words, numbers, line breaks and single punctuation marks with their offsets. Every
 * pattern the reader applies runs over these tokens, not over the raw text, so reading is linear in the text's length
 * whatever it contains (a run of '@', a 100,000-letter word) and no regular expression over user text can backtrack.
 */

export type TokKind = 'word' | 'num' | 'nl' | 'punct';

export interface Tok {
  kind: TokKind;
  /** Lowercased, Cyrillic ё folded to е. */
  low: string;
  start: number;
  end: number;
}

// Bounded runs of one class each, so a long word becomes several tokens and nothing can backtrack.
const TOKEN_RE = /\p{L}{1,40}|[0-9]{1,8}|\n|[^\s\p{L}0-9]/gu;
const LETTER = /\p{L}/u;

export function scan(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const s = m[0];
    const c = s.charCodeAt(0);
    // The pattern's alternatives decide the kind: digits, a line break, one other character, or else letters.
    const kind: TokKind = c === 10 ? 'nl' : c >= 48 && c <= 57 ? 'num' : s.length > 1 || LETTER.test(s) ? 'word' : 'punct';
    out.push({ kind, low: kind === 'word' ? s.toLowerCase().replace(/ё/g, 'е') : s, start: m.index!, end: m.index! + s.length });
  }
  return out;
}

/** Line starts and ends (without the line break) of a text. */
export interface Line {
  start: number;
  end: number;
}

export function lines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    if (nl === -1) {
      out.push({ start: pos, end: text.length });
      return out;
    }
    out.push({ start: pos, end: nl });
    pos = nl + 1;
  }
}

/** Index of the line that holds offset `at` (binary search over line starts). */
export function lineAt(ls: Line[], at: number): number {
  let lo = 0;
  let hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ls[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Dashes people put between two dates (hyphen, en and em dash, minus and their look-alikes). */
export const DASHES = new Set(['-', '‐', '‑', '‒', '–', '—', '―', '−', '~', '→']);
