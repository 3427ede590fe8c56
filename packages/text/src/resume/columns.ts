/**
 * A CV laid out in two columns, as a PDF's text comes out when extracted with its layout kept: each line holds a piece
 * of the left column (contacts, skills, certifications), a run of spaces, then a piece of the right one (the profile,
 * the jobs). Read line by line, a job's title, employer and dates sit beside a certificate's name and a skill list, so
 * no job is read. `readingOrder` gives such a text in the order a person reads it: the lines above the columns, the
 * left column top to bottom, then the right one, then the lines below. Any other text comes back as it is.
 */

/** The fewest lines that must hold the gutter at one column for the text to be read as two columns. */
const MIN_GUTTER_LINES = 8;
/** The share of the block's non-empty lines that must hold it. */
const MIN_GUTTER_SHARE = 0.3;
/** The left column's least width: a date right after a short title ("Cook   2019 – 2021") is no column. */
const MIN_LEFT_WIDTH = 20;
/** The spaces between the columns. */
const MIN_GAP = 3;

/** A label in capitals ("PERSONAL INFORMATION", «ОПЫТ РАБОТЫ»). */
const LABEL_RE = /^[\p{Lu}\d\s&/,.'’()-]{3,40}$/u;
/** Dates and nothing else ("04/2021 – Present", «03.2019 — настоящее время»). */
const DATES_RE = /^(?=[^\n]*\d{4})[\d\s./,–—-]*(?:(?:present|now|current|today|настоящее время|по настоящее время|сейчас|н\.\s?в\.)[\s.]*)?$/iu;

interface Split {
  left: string;
  right: string;
}

const GAP_RE = new RegExp(`\\S( {${MIN_GAP},}|\\t+)(?=\\S)`, 'g');

/** Where the right part of a line starts after a gap of spaces, at column `from` or further; -1 when none does. */
function rightStart(line: string, from: number): number {
  for (const m of line.matchAll(GAP_RE)) {
    const at = m.index + 1 + m[1]!.length;
    if (at >= from) return at;
  }
  return -1;
}

/** The column where most lines' right parts start (±1), and how many lines start there; null when none. */
function gutterColumn(lines: string[]): { column: number; count: number } | null {
  const counts = new Map<number, number>();
  for (const line of lines) {
    // a line that opens with the gap holds only the right column
    const indent = /^ +(?=\S)/.exec(line)?.[0].length ?? 0;
    const at = indent >= MIN_LEFT_WIDTH ? indent : rightStart(line, MIN_LEFT_WIDTH);
    if (at >= MIN_LEFT_WIDTH) counts.set(at, (counts.get(at) ?? 0) + 1);
  }
  let best: { column: number; count: number } | null = null;
  for (const column of counts.keys()) {
    const count = (counts.get(column - 1) ?? 0) + (counts.get(column) ?? 0) + (counts.get(column + 1) ?? 0);
    if (!best || count > best.count || (count === best.count && column < best.column)) best = { column, count };
  }
  return best;
}

/** A line parted at the gutter, or null when it runs across it (a heading or a footer the width of the page). */
function splitAt(line: string, column: number): Split | null {
  if (line.trim().length === 0) return { left: '', right: '' };
  // the right part may start a space or two either side of the gutter: look for the gap around it
  for (const c of [column, column - 1, column + 1, column - 2, column + 2]) {
    if (c <= 0 || c > line.length) continue;
    const before = line.slice(0, c);
    if (/\S/.test(line[c] ?? '') && (/^ *$/.test(before) || / {2,}$/.test(before) || /\t$/.test(before))) {
      return { left: before.trimEnd(), right: line.slice(c).trimEnd() };
    }
  }
  // a line that ends before the gutter is the left column's alone
  if (line.trimEnd().length <= column - 2) return { left: line.trimEnd(), right: '' };
  return null;
}

/** The text in reading order: a two-column layout's left column, then its right one; other text as it is. */
export function readingOrder(text: string): string {
  // (a Europass CV labels its right column on the left: one column of text, which its reader reads as it is)
  if (!text.includes('   ') || /europass/i.test(text)) return text;
  const lines = text.split('\n');
  const gutter = gutterColumn(lines);
  if (!gutter || gutter.count < MIN_GUTTER_LINES) return text;
  const parts = lines.map((line) => splitAt(line, gutter.column));
  // the block of lines the two columns span: from the first line that holds both to the last
  const both = parts.map((p) => p !== null && p.left.trim().length > 0 && p.right.trim().length > 0);
  const first = both.indexOf(true);
  const last = both.lastIndexOf(true);
  if (first === -1 || last - first < MIN_GUTTER_LINES) return text;
  const block = parts.slice(first, last + 1);
  const nonEmpty = lines.slice(first, last + 1).filter((l) => l.trim().length > 0).length;
  const split = block.filter((p) => p !== null && p.right.trim().length > 0).length;
  if (split < MIN_GUTTER_SHARE * nonEmpty) return text;
  // both columns hold text, not a title beside its dates: the right parts are words, and several are long
  const rights = block.flatMap((p) => (p && p.right.trim() ? [p.right.trim()] : []));
  const lefts = block.flatMap((p) => (p && p.left.trim() ? [p.left.trim()] : []));
  const wordy = (s: string) => (s.match(/\p{L}{2,}/gu) ?? []).length >= 4;
  if (rights.filter(wordy).length < 3 || lefts.length < 3) return text;
  // a form that labels its right column on the left (Europass: "WORK EXPERIENCE", "04/2021 – Present" beside the job):
  // one column of text, read line by line as it is
  const paired = block.flatMap((p) => (p && p.left.trim() && p.right.trim() ? [p.left.trim()] : []));
  if (paired.filter((l) => LABEL_RE.test(l) || DATES_RE.test(l)).length * 2 >= paired.length) return text;
  // the left column may run on below the right one's end ("CERTIFICATES" beside a job's last line, its certificates
  // under it): the lines right below the block, up to a blank line, are the left column's where every one of them
  // fits in it and none is a heading of its own (a section the page's width, "ACHIEVEMENTS" and its lines, is not)
  let end = last;
  while (end + 1 < lines.length && lines[end + 1]!.trim() !== '') end++;
  const run = parts.slice(last + 1, end + 1);
  const leftOnly = run.every((p, k) => p !== null && p.right === '' && /^\S/.test(lines[last + 1 + k]!) && !(LABEL_RE.test(p.left.trim()) && /\p{L}{2}/u.test(p.left)));
  if (!leftOnly) end = last;
  const below = leftOnly ? run.map((p) => p!.left) : [];
  const left: string[] = [];
  const right: string[] = [];
  for (const [i, p] of block.entries()) {
    // a line across the gutter inside the block (a page's footer, "Page 1 of 2") stays with the left column
    if (p === null) left.push(lines[first + i]!.trimEnd());
    else {
      left.push(p.left);
      right.push(p.right);
    }
  }
  const squeeze = (xs: string[]) => xs.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return [...lines.slice(0, first), squeeze([...left, ...below]), '', squeeze(right), ...lines.slice(end + 1)].join('\n');
}
