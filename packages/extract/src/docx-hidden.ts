/**
 * Runs of a DOCX body that Word does not show or that no reader can see: hidden formatting (w:vanish), white text,
 * and fonts under 4 pt. mammoth reads them as ordinary text, so their text is blanked in word/document.xml before
 * mammoth sees it. The XML is walked tag by tag with indexOf, never with a regular expression over the whole part,
 * so a hostile document costs time linear in its size.
 */
import type { HiddenTextReason } from '@rc/contracts';
import { TINY_FONT_PT } from './hidden.ts';

export interface HiddenRun {
  text: string;
  reason: HiddenTextReason;
}

interface Run {
  reason: HiddenTextReason | null;
  /** Inside this run's own w:rPr (not inside a w:rPrChange, which holds formatting before a tracked change). */
  inProps: boolean;
  changeDepth: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** The value of attribute w:val in a tag's text, or undefined. */
function valOf(tag: string): string | undefined {
  const at = tag.indexOf('w:val=');
  if (at < 0) return undefined;
  const quote = tag[at + 6];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = tag.indexOf(quote, at + 7);
  return end < 0 ? undefined : tag.slice(at + 7, end);
}

const isOn = (tag: string) => {
  const v = valOf(tag);
  return v === undefined || !['0', 'false', 'off'].includes(v.toLowerCase());
};

/** Which property of a run's w:rPr makes it hidden, if any. */
function hidingProperty(name: string, tag: string): HiddenTextReason | null {
  switch (name) {
    case 'w:vanish':
    case 'w:specVanish':
      return isOn(tag) ? 'hidden_format' : null;
    case 'w:color': {
      const v = valOf(tag)?.toUpperCase();
      return v === 'FFFFFF' ? 'white_text' : null;
    }
    case 'w:sz': {
      // Half-points.
      const v = Number(valOf(tag));
      return Number.isFinite(v) && v > 0 && v / 2 < TINY_FONT_PT ? 'tiny_font' : null;
    }
    default:
      return null;
  }
}

/** document.xml with the text of hidden runs removed, and those runs' text. */
export function removeHiddenRuns(xml: string): { xml: string; hidden: HiddenRun[] } {
  const runs: Run[] = [];
  const hidden: HiddenRun[] = [];
  const kept: string[] = [];
  let copiedTo = 0;
  // Visible text or a paragraph's end between two hidden runs makes them two pieces of hidden text.
  let joinable = false;
  let at = xml.indexOf('<');
  while (at >= 0) {
    const close = xml.indexOf('>', at);
    if (close < 0) break;
    const tag = xml.slice(at, close + 1);
    const closing = tag[1] === '/';
    let nameEnd = closing ? 2 : 1;
    while (nameEnd < tag.length && !' \t\r\n/>'.includes(tag[nameEnd]!)) nameEnd++;
    const name = tag.slice(closing ? 2 : 1, nameEnd);
    const selfClosing = tag.endsWith('/>');
    const run = runs[runs.length - 1];
    let next = close + 1;
    if (name === 'w:r') {
      if (closing) runs.pop();
      else if (!selfClosing) runs.push({ reason: null, inProps: false, changeDepth: 0 });
    } else if (run && name === 'w:rPr') {
      if (run.changeDepth === 0) run.inProps = !closing && !selfClosing;
    } else if (run && name === 'w:rPrChange') {
      if (!selfClosing) run.changeDepth += closing ? -1 : 1;
    } else if (run?.inProps && run.changeDepth === 0 && !closing) {
      run.reason ??= hidingProperty(name, tag);
    } else if (run?.reason && name === 'w:t' && !closing && !selfClosing) {
      const end = xml.indexOf('<', next);
      if (end < 0) break;
      const text = decodeXml(xml.slice(next, end));
      const last = hidden[hidden.length - 1];
      // Consecutive hidden runs of one kind are one piece of hidden text in the report.
      if (joinable && last && last.reason === run.reason && last.text.length < 10_000) last.text += text;
      else hidden.push({ text, reason: run.reason });
      joinable = true;
      kept.push(xml.slice(copiedTo, next));
      copiedTo = end;
      next = end;
    } else if ((name === 'w:t' && !closing) || (name === 'w:p' && closing)) {
      joinable = false;
    }
    at = xml.indexOf('<', next);
  }
  if (!hidden.length) return { xml, hidden };
  kept.push(xml.slice(copiedTo));
  return { xml: kept.join(''), hidden };
}
