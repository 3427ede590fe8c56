/**
 * Sentences and list lines of resumes and vacancies, with offsets into the original text. Resumes are mostly
 * bullets, so every bullet or list line is a unit of its own; lines wrapped by PDF extraction are joined back.
 */
import { wordBefore } from './scan.ts';

export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

export interface LineSpan extends TextSpan {
  /** The line started with a bullet or a list number (stripped from text). */
  bullet: boolean;
}

// •, ▪, ➢ … with or without a space; -, *, + only before a space (or a letter for dashes: "-Python"),
// so "*Required Skills*" and "-5%" are not bullets; 1. 1) a) б) but not 3.5 or 20.05.2020.
const BULLET_RE = /^(?:[•·▪◦●○■□➢►▶✓✔❖→∙◆◇‣⁃⦁]|[-–—](?=\s|\p{L})|[*+](?=\s)|\(?\d{1,2}[.)](?![\d.])|\(?[a-zа-я]\)(?=\s))\s*/iu;

/** Abbreviations after which a period never ends a sentence. */
const NO_BREAK_ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'approx', 'cf', 'no', 'nos', 'fig', 'st', 'jr', 'sr',
  'т.е', 'т.к', 'напр', 'им', 'ул', 'проф', 'тел', 'см', 'стр', 'ср', 'англ', 'рус', 'мин', 'макс', 'ок', 'в т.ч', 'т.ч',
]);

const LABEL_RE = /^[^\s:]+(?: [^\s:]+){0,3}:\s/;

/**
 * Sentence-ending punctuation, closing quotes and the space after them. A match starts only where a run of
 * punctuation starts: otherwise a long run of dots without a space after it was re-read from each of its dots.
 */
const SENTENCE_END_RE = /(?<![.!?…])[.!?…]+["»”')\]]*(\s+)/g;

const MAX_SENTENCE = 400;
const CHUNK = 300;

/** Logical lines: bullets stripped, blank lines dropped, wrapped lines of one sentence joined. */
export function splitLines(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  let open = false; // the last unit may still be continued by the next line
  let pendingBullet = false;
  // What the join test needs to know about the last unit, kept as it grows: re-reading its whole text at every
  // joined line made a long wrapped paragraph quadratic. A join appends after a line break, so neither the
  // "label:" prefix nor the words already counted can change.
  let lastLabel = false;
  let lastWords = 0;
  const finish = () => {
    const last = out[out.length - 1];
    if (last && last.text.length !== last.end - last.start) last.text = text.slice(last.start, last.end);
  };
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    let start = pos;
    let end = nl;
    pos = nl + 1;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (start === end) {
      open = false;
      if (nl === text.length) break;
      continue;
    }
    const marker = BULLET_RE.exec(text.slice(start, end));
    let bullet = pendingBullet;
    pendingBullet = false;
    if (marker) {
      bullet = true;
      start += marker[0].length;
      if (start === end) {
        // A bullet glyph alone on its line (common in PDFs): the text follows on the next line.
        pendingBullet = true;
        open = false;
        continue;
      }
    }
    const prev = out[out.length - 1];
    const line = text.slice(start, end);
    const lineLabel = LABEL_RE.test(line);
    const lineWords = line.split(/\s+/).length;
    if (
      prev && open && !bullet &&
      // the next line goes on in lower case, or this one stops on a word no sentence ends with ("… the glue code in
      // / Python. Currently …")
      (/^\p{Ll}/u.test(text[start]!) || DANGLING_RE.test(text.slice(Math.max(prev.start, prev.end - 12), prev.end))) &&
      !/[.!?:;…]/.test(text[prev.end - 1]!) &&
      // "label: value" lines (Indeed's "iOS: 1 year") are a list, not a wrapped sentence
      !lastLabel && !lineLabel &&
      lastWords >= 4
    ) {
      prev.end = end;
      lastWords += lineWords;
    } else {
      finish();
      out.push({ text: line, start, end, bullet });
      lastLabel = lineLabel;
      lastWords = lineWords;
    }
    open = true;
    if (nl === text.length) break;
  }
  finish();
  return out;
}

/** A preposition, article or conjunction at a line's end: the sentence goes on on the next line. */
const DANGLING_RE = /(?<![\p{L}\p{N}])(?:in|on|at|of|to|for|with|and|or|the|a|an|from|by|into|в|во|на|с|со|и|или|для|по|к|от|из|о|об)$/u;

function isBoundary(unit: string, punctEnd: number, nextStart: number): boolean {
  const next = unit[nextStart];
  if (next === undefined) return false;
  if (!/[\p{Lu}\p{N}«"“(\[•'‘]/u.test(next)) return false;
  if (unit[punctEnd - 1] !== '.' || unit[punctEnd - 2] === '.') return true;
  // The word before the period: an abbreviation or an initial ("J. Smith") does not end the sentence. Read back
  // to the previous space; /(\S+)\.$/ over the text so far was quadratic in a long word, at every break.
  const before = wordBefore(unit, punctEnd - 1);
  const word = before.replace(/^[("«'“]+/, '').toLowerCase();
  if (NO_BREAK_ABBREVIATIONS.has(word)) return false;
  if (/^\p{Lu}$/u.test(before)) return false;
  return true;
}

function pushTrimmed(out: TextSpan[], source: string, start: number, end: number): void {
  while (start < end && /\s/.test(source[start]!)) start++;
  while (end > start && /\s/.test(source[end - 1]!)) end--;
  if (end > start && /[\p{L}\p{N}]/u.test(source.slice(start, end))) {
    out.push({ text: source.slice(start, end), start, end });
  }
}

/** Cut an over-long run-on sentence (a paragraph without punctuation) into evidence-sized pieces. */
function pushChunked(out: TextSpan[], source: string, start: number, end: number): void {
  while (end - start > MAX_SENTENCE) {
    const window = source.slice(start, start + CHUNK);
    let cut = -1;
    for (const sep of ['; ', ', ', ' ']) {
      const at = window.lastIndexOf(sep);
      if (at >= CHUNK / 2) {
        cut = at + sep.length - 1;
        break;
      }
    }
    if (cut < 0) cut = CHUNK;
    pushTrimmed(out, source, start, start + cut);
    start += cut;
  }
  pushTrimmed(out, source, start, end);
}

/** Split one logical line into sentences; offsets are into `source`. */
export function sentencesOfSpan(source: string, span: TextSpan): TextSpan[] {
  const out: TextSpan[] = [];
  const unit = span.text;
  let from = 0;
  for (const m of unit.matchAll(SENTENCE_END_RE)) {
    const punctEnd = m.index + m[0].length - m[1]!.length;
    const nextStart = m.index + m[0].length;
    if (!isBoundary(unit, punctEnd, nextStart)) continue;
    pushChunked(out, source, span.start + from, span.start + punctEnd);
    from = nextStart;
  }
  pushChunked(out, source, span.start + from, span.end);
  return out;
}

/** Sentences and bullet/list lines, trimmed, with text === source.slice(start, end). */
export function splitSentences(text: string): TextSpan[] {
  return splitLines(text).flatMap((line) => sentencesOfSpan(text, line));
}

/**
 * Whether a line is a list of names rather than a sentence of work ("Data: dbt, Airflow, Snowflake, Redshift, Kafka",
 * "Skills: Xero, Excel (VLOOKUP, pivot tables), purchase ledger, bank reconciliations"): three or more commas or
 * semicolons between its items, and hardly more than two words an item; what brackets hold is one item's detail, and
 * a list item's closing semicolon no separator («работа с пароконвектоматом Rational (программы, режимы), су-вид;»).
 */
export function isListLine(text: string): boolean {
  const items = text.replace(/\([^()]*\)/g, ' ').replace(/[\s,;.]+$/, '');
  const commas = (items.match(/[,;]/g) ?? []).length;
  return commas >= 3 && items.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length <= commas * 2 + 3;
}
