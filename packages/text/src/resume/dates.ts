/**
 * Date ranges of work and study as people write them, in English and Russian: "2019 – present", "03/2017–11/2020",
 * "Jan 2015 - Dec 2018", "Январь 2019 — по настоящее время", "с 2014 г. по 2017 г.", "03.2016–11.2018", hh.ru's
 * "Март 2018 — настоящее время", and the same split over two lines by a PDF. Read over tokens (scan.ts), so linear.
 */
import { DASHES, type Tok } from './scan.ts';

export interface YearMonth {
  year: number;
  /** 1..12 when the text names the month. */
  month?: number;
}

export interface DateRange {
  start: YearMonth;
  end: YearMonth | 'present';
  /** Offsets of the range's text. */
  from: number;
  to: number;
  /** Token indexes: first token of the range and the one after its last. */
  tokFrom: number;
  tokTo: number;
}

const MONTHS: Record<string, number> = {};
const addMonths = (month: number, ...names: string[]) => names.forEach((n) => (MONTHS[n] = month));
addMonths(1, 'jan', 'january', 'январь', 'января', 'январе', 'янв');
addMonths(2, 'feb', 'february', 'февраль', 'февраля', 'феврале', 'фев', 'февр');
addMonths(3, 'mar', 'march', 'март', 'марта', 'марте', 'мар');
addMonths(4, 'apr', 'april', 'апрель', 'апреля', 'апреле', 'апр');
addMonths(5, 'may', 'май', 'мая', 'мае');
addMonths(6, 'jun', 'june', 'июнь', 'июня', 'июне', 'июн');
addMonths(7, 'jul', 'july', 'июль', 'июля', 'июле', 'июл');
addMonths(8, 'aug', 'august', 'август', 'августа', 'августе', 'авг');
addMonths(9, 'sep', 'sept', 'september', 'сентябрь', 'сентября', 'сентябре', 'сен', 'сент');
addMonths(10, 'oct', 'october', 'октябрь', 'октября', 'октябре', 'окт');
addMonths(11, 'nov', 'november', 'ноябрь', 'ноября', 'ноябре', 'ноя', 'нояб');
addMonths(12, 'dec', 'december', 'декабрь', 'декабря', 'декабре', 'дек');

/** Words between two dates that join them ("to", "по") or that only decorate a date ("г.", "года"). */
const JOINERS = new Set(['to', 'until', 'till', 'through', 'thru', 'по', 'до']);
const YEAR_WORDS = new Set(['г', 'гг', 'год', 'года', 'году', 'yr']);
const FILLER_PUNCT = new Set(['.', ',', '(', ')', ':', '/', '|']);
/** Words that mean "still there". */
const PRESENT_WORDS = new Set(['present', 'now', 'current', 'currently', 'today', 'ongoing', 'сейчас', 'нв', 'настоящее', 'настоящий', 'текущее', 'текущий']);

const MIN_YEAR = 1950;
const MAX_YEAR = 2100;

function isYear(t: Tok | undefined): number | null {
  if (!t || t.kind !== 'num' || t.low.length !== 4) return null;
  const y = Number(t.low);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

const adjacent = (a: Tok | undefined, b: Tok | undefined) => !!a && !!b && a.end === b.start;

/** A single date starting at token i: its value and the index after it, or null. */
export function dateAt(toks: Tok[], i: number): { date: YearMonth; next: number } | null {
  const t = toks[i];
  if (!t) return null;
  if (t.kind === 'word') {
    const month = MONTHS[t.low];
    if (month === undefined) return null;
    // "Jan. 2015", "January, 2015", and a PDF's "Jan\n2015"
    let j = i + 1;
    if (toks[j]?.low === '.' && adjacent(t, toks[j])) j++;
    if (toks[j]?.low === ',') j++;
    if (toks[j]?.kind === 'nl') j++;
    const year = isYear(toks[j]);
    if (year === null) return null;
    return { date: { year, month }, next: skipYearWords(toks, j + 1) };
  }
  if (t.kind !== 'num') return null;
  const year = isYear(t);
  if (year !== null) {
    if (isYear(toks[i - 1]) === null && toks[i - 1]?.kind === 'num' && adjacent(toks[i - 1], t)) return null;
    // "2019-03", "2019.03" (but not "2016-2018"; a two-digit month only)
    const sep = toks[i + 1];
    const mm = toks[i + 2];
    if (sep && mm && (sep.low === '-' || sep.low === '.' || sep.low === '/') && adjacent(t, sep) && adjacent(sep, mm) && mm.kind === 'num' && mm.low.length === 2) {
      const month = Number(mm.low);
      if (month >= 1 && month <= 12 && !(toks[i + 3]?.kind === 'num' || (toks[i + 3] && adjacent(mm, toks[i + 3]) && toks[i + 4]?.kind === 'num'))) {
        return { date: { year, month }, next: skipYearWords(toks, i + 3) };
      }
    }
    return { date: { year }, next: skipYearWords(toks, i + 1) };
  }
  if (t.low.length > 2) return null;
  // "03/2017", "3.2016", "15.03.2016" and "01/09/2021" (day, month, year), "03/15/2016" (month/day/year)
  const s1 = toks[i + 1];
  const n2 = toks[i + 2];
  if (!s1 || !n2 || !adjacent(t, s1) || !adjacent(s1, n2) || !(s1.low === '/' || s1.low === '.' || s1.low === '-')) return null;
  const a = Number(t.low);
  const y2 = isYear(n2);
  if (y2 !== null) {
    if (a < 1 || a > 12) return null;
    return { date: { year: y2, month: a }, next: skipYearWords(toks, i + 3) };
  }
  const s2 = toks[i + 3];
  const n3 = toks[i + 4];
  if (n2.kind !== 'num' || n2.low.length > 2 || !s2 || s2.low !== s1.low || !adjacent(n2, s2) || !adjacent(s2, n3)) return null;
  const y3 = isYear(n3);
  if (y3 === null) return null;
  const b = Number(n2.low);
  // Day first, as Europass and every European and Russian CV writes it ("01/09/2021" is September), unless the second
  // number cannot be a month (an American "03/15/2016").
  const month = b <= 12 ? b : a;
  if (month < 1 || month > 12) return null;
  return { date: { year: y3, month }, next: skipYearWords(toks, i + 5) };
}

function skipYearWords(toks: Tok[], j: number): number {
  if (YEAR_WORDS.has(toks[j]?.low ?? '')) {
    j++;
    if (toks[j]?.low === '.') j++;
  }
  return j;
}

/** "present", "по настоящее время", "н.в.", "to date" at token i: the index after it, or -1. */
function presentAt(toks: Tok[], i: number): number {
  const t = toks[i];
  if (!t) return -1;
  if (t.low === 'date' && toks[i - 1]?.low === 'to') return i + 1;
  if (t.low === 'н' && toks[i + 1]?.low === '.' && toks[i + 2]?.low === 'в') return toks[i + 3]?.low === '.' ? i + 4 : i + 3;
  if (t.low === 'наст' && toks[i + 1]?.low === '.') {
    let j = i + 2;
    if (toks[j]?.low === 'время' || toks[j]?.low === 'вр') j++;
    if (toks[j]?.low === '.') j++;
    return j;
  }
  if (!PRESENT_WORDS.has(t.low)) return -1;
  let j = i + 1;
  if (toks[j]?.low === 'время' || toks[j]?.low === 'day' || toks[j]?.low === 'момент') j++;
  return j;
}

/**
 * Every date range in the tokens. A range is a date, then a dash or a joining word (possibly with "г.", commas or a
 * line break around it), then a date or "present". "since 2019" and "с 2019 г." alone run to the present.
 */
export function findRanges(toks: Tok[]): DateRange[] {
  const out: DateRange[] = [];
  let i = 0;
  while (i < toks.length) {
    const first = dateAt(toks, i);
    if (!first) {
      // two months of one year: «март–апрель 2019 г.», "June – August 2021"
      const span = monthsOfOneYear(toks, i);
      if (span) {
        out.push(span);
        i = span.tokTo;
      } else i++;
      continue;
    }
    const prefix = toks[i - 1]?.low;
    const since = prefix === 'since' || prefix === 'с' || prefix === 'from' || prefix === 'from';
    let j = first.next;
    let joined = false;
    // At most a few filler tokens between the two ends: bounded lookahead keeps this linear.
    for (let k = 0; k < 6 && j < toks.length; k++) {
      const u = toks[j]!;
      if (DASHES.has(u.low) || JOINERS.has(u.low)) joined = true;
      else if (!(u.kind === 'nl' || FILLER_PUNCT.has(u.low) || u.low === 'по')) break;
      j++;
    }
    let end: YearMonth | 'present' | null = null;
    let next = j;
    if (joined) {
      const p = presentAt(toks, j);
      if (p !== -1) {
        end = 'present';
        next = p;
      } else {
        const second = dateAt(toks, j);
        if (second) {
          end = second.date;
          next = second.next;
        } else if (first.date.month === undefined && toks[j]?.kind === 'num' && toks[j]!.low.length === 2) {
          // "2016–18"
          end = { year: Math.floor(first.date.year / 100) * 100 + Number(toks[j]!.low) };
          next = j + 1;
        }
      }
    } else if (since && prefix !== 'from') {
      end = 'present';
      next = first.next;
    }
    if (end !== null && (end === 'present' || monthsFrom(end, 'end') >= monthsFrom(first.date, 'start'))) {
      const tokFrom = since ? i - 1 : i;
      const last = toks[next - 1]!;
      out.push({ start: first.date, end, from: toks[tokFrom]!.start, to: last.end, tokFrom, tokTo: next });
      i = next;
    } else {
      i = first.next;
    }
  }
  return out;
}

/** A month, a dash and a month with its year («март–апрель 2019 г.»), as one range; null otherwise. */
function monthsOfOneYear(toks: Tok[], i: number): DateRange | null {
  const t = toks[i]!;
  const month = t.kind === 'word' ? MONTHS[t.low] : undefined;
  if (month === undefined || !DASHES.has(toks[i + 1]?.low ?? '')) return null;
  const second = dateAt(toks, i + 2);
  if (!second || second.date.month === undefined) return null;
  const year = month <= second.date.month ? second.date.year : second.date.year - 1;
  return { start: { year, month }, end: second.date, from: t.start, to: toks[second.next - 1]!.end, tokFrom: i, tokTo: second.next };
}

/**
 * A date as a position in months (year × 12 + month index). A named month counts whole: a start at its first day,
 * an end at its last, so "03/2017–11/2020" is 45 months, as hh.ru counts it. A bare year is taken at its middle, so
 * "2016–2018" is two years whichever way the writer meant it.
 */
export function monthsFrom(d: YearMonth, side: 'start' | 'end'): number {
  if (d.month === undefined) return d.year * 12 + 6;
  return d.year * 12 + d.month - (side === 'start' ? 1 : 0);
}

/** A range as [start, end) in months; `now` stands for "present" (to the end of its month). */
export function rangeMonths(start: YearMonth, end: YearMonth | 'present', now: Date): [number, number] {
  const s = monthsFrom(start, 'start');
  const e = end === 'present' ? now.getUTCFullYear() * 12 + now.getUTCMonth() + 1 : monthsFrom(end, 'end');
  // The same bare year at both ends ("2018–2018"): about half of it.
  if (end !== 'present' && start.month === undefined && end.month === undefined && start.year === end.year) return [s - 3, s + 3];
  return [s, Math.max(s, e)];
}

/** Total length in months of the union of intervals, overlaps counted once. */
export function unionMonths(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curS = -Infinity;
  let curE = -Infinity;
  for (const [s, e] of sorted) {
    if (s > curE) {
      if (curE > curS) total += curE - curS;
      curS = s;
      curE = e;
    } else if (e > curE) curE = e;
  }
  if (curE > curS) total += curE - curS;
  return total;
}
