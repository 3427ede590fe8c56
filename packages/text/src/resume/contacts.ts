/**
 * Contact details in a resume: e-mail addresses, phone numbers, links, messenger handles and address lines. They are
 * recognised so that nothing downstream takes "ivan@java.dev" as Java experience or a phone number as a date.
 * Found by scanning characters with bounded look-around, never by a regular expression over the whole text.
 */
import type { Line } from './scan.ts';

export type ContactKind = 'email' | 'phone' | 'link' | 'handle' | 'address';

export interface ContactSpan {
  kind: ContactKind;
  start: number;
  end: number;
}

const isLocal = (c: string) => /[A-Za-z0-9._%+\-]/.test(c);
const isDomain = (c: string) => /[A-Za-z0-9.\-]/.test(c);
const isWordChar = (c: string) => /[A-Za-z0-9_]/.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_LINK = 300;
const PHONE_LABEL = /(?:^|[^\p{L}])(?:тел|телефон|моб|mobile|phone|tel|cell|whatsapp|viber)(?:[^\p{L}]|$)/iu;
const ADDRESS_LABEL = /^\s{0,8}(?:address|home address|location|адрес|место жительства|проживание|проживает|город проживания|город)\s{0,4}:/iu;
const LINK_HOSTS = ['linkedin.com', 'github.com', 'gitlab.com', 't.me/', 'hh.ru/', 'vk.com/', 'facebook.com', 'behance.net', 'stackoverflow.com'];

function emailAt(text: string, at: number): ContactSpan | null {
  let s = at;
  while (s > 0 && at - s < MAX_LOCAL && isLocal(text[s - 1]!)) s--;
  let e = at + 1;
  let dot = -1;
  while (e < text.length && e - at <= MAX_DOMAIN && isDomain(text[e]!)) {
    if (text[e] === '.') dot = e;
    e++;
  }
  // trailing sentence punctuation is not part of the domain
  while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
  if (s === at || dot === -1 || dot >= e - 1 || dot === at + 1) return null;
  return { kind: 'email', start: s, end: e };
}

/** The non-space run around `at` (bounded). */
function wordAround(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && at - s < MAX_LINK && !isSpace(text[s - 1])) s--;
  let e = at;
  while (e < text.length && e - at < MAX_LINK && !isSpace(text[e])) e++;
  return [s, e];
}

function trimLinkEnd(text: string, s: number, e: number): number {
  while (e > s && /[.,;:)\]»"']/.test(text[e - 1]!)) e--;
  return e;
}

function phonesIn(text: string, line: Line, out: ContactSpan[]): void {
  const labelled = PHONE_LABEL.test(text.slice(line.start, Math.min(line.end, line.start + 200)));
  let i = line.start;
  while (i < line.end) {
    const c = text[i]!;
    if (!(c === '+' || c === '(' || (c >= '0' && c <= '9')) || (i > line.start && /[\p{L}0-9]/u.test(text[i - 1]!))) {
      i++;
      continue;
    }
    let j = i;
    let scanned = i;
    let digits = 0;
    let groups4 = 0;
    let run = 0;
    while (j < line.end && j - i < 24 && /[0-9 ()+\-.]/.test(text[j]!) && !(text[j] === '+' && j > i)) {
      if (text[j]! >= '0' && text[j]! <= '9') {
        digits++;
        run++;
      } else {
        if (run === 4) groups4++;
        run = 0;
      }
      j++;
    }
    if (run === 4) groups4++;
    scanned = j;
    while (j > i && !/[0-9)]/.test(text[j - 1]!)) j--;
    const plus = c === '+';
    const paren = text.slice(i, j).includes('(');
    // Years in a row ("2015-2018 2019-2020") are not a phone number: ask for a '+', brackets or a label then.
    if (digits >= 10 && digits <= 15 && (plus || paren || labelled || groups4 < 2)) {
      out.push({ kind: 'phone', start: i, end: j });
      i = j;
    } else if (digits === 0) {
      // No digit from i to `scanned`: no phone number starts before it either ("((((…" costs one pass).
      i = Math.max(i + 1, scanned);
    } else i = Math.max(i + 1, j);
  }
}

/** Contact spans of a text, in text order. */
export function findContacts(text: string, ls: Line[]): ContactSpan[] {
  const out: ContactSpan[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const email = emailAt(text, at);
    if (email) {
      out.push(email);
      at = email.end - 1;
      continue;
    }
    // "@ivan_petrov" (Telegram and the like): a handle after a space or at the start of a line
    if (isSpace(text[at - 1]) || text[at - 1] === ':') {
      let e = at + 1;
      while (e < text.length && e - at <= 33 && isWordChar(text[e]!)) e++;
      const n = e - at - 1;
      if (n >= 4 && n <= 32 && (isSpace(text[e]) || /[.,;)]/.test(text[e]!))) out.push({ kind: 'handle', start: at, end: e });
    }
  }
  for (const needle of ['http://', 'https://', 'www.', ...LINK_HOSTS]) {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      const [s, e0] = wordAround(text, at);
      const e = trimLinkEnd(text, s, e0);
      if (e - s > needle.length) out.push({ kind: 'link', start: s, end: e });
      at = Math.max(at, e0 - 1);
    }
  }
  for (const line of ls) {
    if (ADDRESS_LABEL.test(text.slice(line.start, Math.min(line.end, line.start + 60)))) {
      out.push({ kind: 'address', start: line.start, end: line.end });
    }
    phonesIn(text, line, out);
  }
  return mergeSpans(out);
}

/** Sorted, with spans inside an earlier one dropped (an e-mail inside a link, a link inside an address line). */
function mergeSpans(spans: ContactSpan[]): ContactSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ContactSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}

/** Whether [start, end) overlaps a contact span (binary search; spans are sorted and disjoint). */
export function inContact(spans: ContactSpan[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (s.end <= start) lo = mid + 1;
    else if (s.start >= end) hi = mid - 1;
    else return true;
  }
  return false;
}
