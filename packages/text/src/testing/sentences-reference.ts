/**
 * The sentence splitter as it was before it was made linear (quadratic on long wrapped paragraphs and runs of dots),
 * kept only as the reference for the differential test: on short texts both must split alike.
 */
import type { LineSpan, TextSpan } from '../sentences.ts';

const BULLET_RE = /^(?:[•·▪◦●○■□➢►▶✓✔❖→∙◆◇‣⁃⦁]|[-–—](?=\s|\p{L})|[*+](?=\s)|\(?\d{1,2}[.)](?![\d.])|\(?[a-zа-я]\)(?=\s))\s*/iu;

/** Abbreviations after which a period never ends a sentence. */
const NO_BREAK_ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'approx', 'cf', 'no', 'nos', 'fig', 'st', 'jr', 'sr',
  'т.е', 'т.к', 'напр', 'им', 'ул', 'проф', 'тел', 'см', 'стр', 'ср', 'англ', 'рус', 'мин', 'макс', 'ок', 'в т.ч', 'т.ч',
]);

const LABEL_RE = /^[^\s:]+(?: [^\s:]+){0,3}:\s/;

const MAX_SENTENCE = 400;
const CHUNK = 300;

/** Logical lines: bullets stripped, blank lines dropped, wrapped lines of one sentence joined. */
export function splitLines(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  let open = false; // the last unit may still be continued by the next line
  let pendingBullet = false;
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
    if (
      prev && open && !bullet &&
      (/^\p{Ll}/u.test(text[start]!) || /(?<![\p{L}\p{N}])(?:in|on|at|of|to|for|with|and|or|the|a|an|from|by|into|в|во|на|с|со|и|или|для|по|к|от|из|о|об)$/u.test(prev.text)) &&
      !/[.!?:;…]$/.test(prev.text) &&
      // "label: value" lines (Indeed's "iOS: 1 year") are a list, not a wrapped sentence
      !LABEL_RE.test(prev.text) && !LABEL_RE.test(text.slice(start, end)) &&
      prev.text.split(/\s+/).length >= 4
    ) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
    } else {
      out.push({ text: text.slice(start, end), start, end, bullet });
    }
    open = true;
    if (nl === text.length) break;
  }
  return out;
}

function isBoundary(unit: string, punctEnd: number, nextStart: number): boolean {
  const next = unit[nextStart];
  if (next === undefined) return false;
  if (!/[\p{Lu}\p{N}«"“(\[•'‘]/u.test(next)) return false;
  if (unit[punctEnd - 1] !== '.' || unit[punctEnd - 2] === '.') return true;
  // The word before the period: an abbreviation or an initial ("J. Smith") does not end the sentence.
  const before = /(\S+)\.$/.exec(unit.slice(0, punctEnd))?.[1] ?? '';
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
  for (const m of unit.matchAll(/[.!?…]+["»”')\]]*(\s+)/g)) {
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
