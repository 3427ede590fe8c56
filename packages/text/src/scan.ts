/**
 * Hand-written scanners for the few text tests that a regular expression would make super-linear on hostile input
 * (a vacancy of 8,000 '@' took minutes with /\S+@\S+\.\S+/). Each one reads the text once, left to right.
 */

const WHITESPACE = /\s/;

function isSpace(ch: string): boolean {
  // ASCII, most of any text, by its code: tab to carriage return, and the space
  const c = ch.charCodeAt(0);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return WHITESPACE.test(ch);
}

/**
 * The emoji and symbols a post decorates its headings and bullets with ("Будет плюсом ➕", "✅ уверенный ПК", "▪️"),
 * for a regular expression's character class: pictographs, other symbols, the variation selector and the zero-width
 * joiner, and either half of a surrogate pair (a string is walked one UTF-16 unit at a time).
 */
export const EMOJI_CLASS = '\\p{Extended_Pictographic}\\p{So}\\uFE0F\\u200D\\uD800-\\uDFFF';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A letter or digit of any script; ASCII, most of any text, is told by its code. */
export function isLetterOrDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return LETTER_OR_DIGIT.test(ch);
}

/**
 * True when some run of non-space characters has the shape of an e-mail: a character, '@', at least one character,
 * '.', at least one character. The same verdict as /\S+@\S+\.\S+/.test(text), in one pass.
 */
export function hasEmailShape(text: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text[i]!)) i++;
    const start = i;
    let firstAt = -1;
    let lastDot = -1;
    let dotBeforeLast = -1;
    for (; i < n; i++) {
      const ch = text[i]!;
      if (isSpace(ch)) break;
      if (ch === '@' && firstAt < 0 && i > start) firstAt = i;
      else if (ch === '.') {
        dotBeforeLast = lastDot;
        lastDot = i;
      }
    }
    // The dot needs a character after it inside the run, and one between it and the '@'.
    const dot = lastDot === i - 1 ? dotBeforeLast : lastDot;
    if (firstAt >= 0 && dot >= firstAt + 2) return true;
  }
  return false;
}

const LINK_RE = /https?:\/\/|www\./i;
/**
 * A phone number: two digits with 8 to 40 digits, spaces, brackets or dashes between them. The bound keeps each
 * attempt short; a real number has at most about 20 characters between its first and last digit.
 */
const PHONE_RE = /\d[\d\s()-]{8,40}\d/;

/** An e-mail, a link or a phone number: a contact line of a vacancy rather than a requirement. */
export function looksLikeContact(text: string): boolean {
  return LINK_RE.test(text) || PHONE_RE.test(text) || hasEmailShape(text);
}

/**
 * `text` without a leading run of characters from `lead` and a trailing run from `trail` (each a set of characters;
 * `withSpace` adds whitespace to both). The trailing run is never looked for inside the leading one.
 */
export function stripRuns(text: string, lead: string, trail: string, withSpace = true): string {
  const inLead = (ch: string) => lead.includes(ch) || (withSpace && isSpace(ch));
  const inTrail = (ch: string) => trail.includes(ch) || (withSpace && isSpace(ch));
  let start = 0;
  let end = text.length;
  while (start < end && inLead(text[start]!)) start++;
  while (end > start && inTrail(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** The run of non-space characters that ends just before `end` (the word before a period). */
export function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !isSpace(text[start - 1]!)) start--;
  return text.slice(start, end);
}
