/**
 * Runs of a DOCX body that Word does not show or that no reader can see: hidden formatting (w:vanish), white text,
 * and fonts under 4 pt, set on the run or by its styles. mammoth reads them as ordinary text, so their text is blanked in word/document.xml before
 * mammoth sees it. The XML is walked tag by tag with indexOf, never with a regular expression over the whole part,
 * so a hostile document costs time linear in its size.
 */
import type { HiddenTextReason } from '@rc/contracts';
import { TINY_FONT_PT } from './hidden.ts';

export interface HiddenRun {
  text: string;
  reason: HiddenTextReason;
}

/** The run properties that can hide text, as set directly on a run or by a style; undefined: not set here. */
interface Props {
  vanish?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
}

interface Run {
  props: Props;
  styleId?: string;
  /** Inside this run's own w:rPr (not inside a w:rPrChange, which holds formatting before a tracked change). */
  inProps: boolean;
  changeDepth: number;
}

/** The styles a body's runs inherit hiding properties from (styles.xml), resolved along basedOn. */
export interface DocxStyles {
  byId: Map<string, Props>;
  defaults: Props;
  defaultParagraphStyle?: string;
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

/** The value of an attribute in a tag's text, or undefined. */
function attr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}=`);
  if (at < 0) return undefined;
  const quote = tag[at + name.length + 2];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = tag.indexOf(quote, at + name.length + 3);
  return end < 0 ? undefined : tag.slice(at + name.length + 3, end);
}

/** Sets on `props` the hiding property a tag of a w:rPr sets, if it is one. */
function readProperty(props: Props, name: string, tag: string): void {
  const val = attr(tag, 'w:val');
  switch (name) {
    case 'w:vanish':
    case 'w:specVanish':
      props.vanish = val === undefined || !['0', 'false', 'off'].includes(val.toLowerCase());
      break;
    case 'w:color':
      if (val) props.color = val.toUpperCase();
      break;
    case 'w:sz': {
      const size = Number(val);
      if (Number.isFinite(size) && size > 0) props.size = size;
      break;
    }
  }
}

/** Why text with these properties cannot be seen, if it cannot. */
function reasonOf(p: Props): HiddenTextReason | null {
  if (p.vanish) return 'hidden_format';
  if (p.color === 'FFFFFF') return 'white_text';
  if (p.size !== undefined && p.size / 2 < TINY_FONT_PT) return 'tiny_font';
  return null;
}

interface Tag {
  name: string;
  tag: string;
  closing: boolean;
  selfClosing: boolean;
  /** Where the tag ends (the index after '>'). */
  end: number;
}

/** The tag starting at `at` (a '<'), or null when the document ends inside it. */
function readTag(xml: string, at: number): Tag | null {
  const close = xml.indexOf('>', at);
  if (close < 0) return null;
  const tag = xml.slice(at, close + 1);
  const closing = tag[1] === '/';
  let nameEnd = closing ? 2 : 1;
  while (nameEnd < tag.length && !' \t\r\n/>'.includes(tag[nameEnd]!)) nameEnd++;
  return { name: tag.slice(closing ? 2 : 1, nameEnd), tag, closing, selfClosing: tag.endsWith('/>'), end: close + 1 };
}

const MAX_STYLES = 5000;

/** The hiding properties of styles.xml's styles (each with what it inherits) and of the document defaults. */
export function readStyles(xml: string): DocxStyles {
  const own = new Map<string, { props: Props; basedOn?: string }>();
  const defaults: Props = {};
  let defaultParagraphStyle: string | undefined;
  let current: { props: Props; basedOn?: string } | null = null;
  let inDefaults = false;
  let inProps = false;
  let changeDepth = 0;
  for (let at = xml.indexOf('<'); at >= 0; ) {
    const t = readTag(xml, at);
    if (!t) break;
    if (t.name === 'w:style') {
      if (t.closing) current = null;
      else if (!t.selfClosing && own.size < MAX_STYLES) {
        const id = attr(t.tag, 'w:styleId');
        current = { props: {} };
        if (id) own.set(id, current);
        if (id && attr(t.tag, 'w:type') === 'paragraph' && ['1', 'true', 'on'].includes(attr(t.tag, 'w:default') ?? '')) defaultParagraphStyle = id;
      }
    } else if (t.name === 'w:rPrDefault') inDefaults = !t.closing && !t.selfClosing;
    else if (t.name === 'w:basedOn' && current && !t.closing) current.basedOn = attr(t.tag, 'w:val');
    else if (t.name === 'w:rPr') inProps = !t.closing && !t.selfClosing;
    else if (t.name === 'w:rPrChange' && !t.selfClosing) changeDepth += t.closing ? -1 : 1;
    else if (inProps && changeDepth === 0 && !t.closing) {
      const target = current?.props ?? (inDefaults ? defaults : null);
      if (target) readProperty(target, t.name, t.tag);
    }
    at = xml.indexOf('<', t.end);
  }
  // Each style with what it inherits: its own properties over its base's, along at most a few links (no cycles).
  const byId = new Map<string, Props>();
  for (const [id, style] of own) {
    const chain: Props[] = [style.props];
    let base = style.basedOn;
    for (let depth = 0; base && depth < 10; depth++) {
      const next = own.get(base);
      if (!next) break;
      chain.push(next.props);
      base = next.basedOn;
    }
    byId.set(id, Object.assign({}, ...chain.reverse()) as Props);
  }
  return { byId, defaults, defaultParagraphStyle };
}

const NO_STYLES: DocxStyles = { byId: new Map(), defaults: {} };

/**
 * document.xml with the text of hidden runs removed, and those runs' text. A run's hiding properties are its own over
 * its character style's, over its paragraph's style's, over the document defaults, as Word applies them.
 */
export function removeHiddenRuns(xml: string, styles: DocxStyles = NO_STYLES): { xml: string; hidden: HiddenRun[] } {
  const runs: Run[] = [];
  const hidden: HiddenRun[] = [];
  const kept: string[] = [];
  let copiedTo = 0;
  // Visible text or a paragraph's end between two hidden runs makes them two pieces of hidden text.
  let joinable = false;
  let paragraphStyle = styles.defaultParagraphStyle;
  for (let at = xml.indexOf('<'); at >= 0; ) {
    const t = readTag(xml, at);
    if (!t) break;
    const { name, tag, closing, selfClosing } = t;
    const run = runs[runs.length - 1];
    let next = t.end;
    if (name === 'w:r') {
      if (closing) runs.pop();
      else if (!selfClosing) runs.push({ props: {}, inProps: false, changeDepth: 0 });
    } else if (name === 'w:p' && !selfClosing) {
      paragraphStyle = styles.defaultParagraphStyle;
      if (closing) joinable = false;
    } else if (name === 'w:pStyle' && !closing && !run) {
      paragraphStyle = attr(tag, 'w:val') ?? paragraphStyle;
    } else if (run && name === 'w:rPr') {
      if (run.changeDepth === 0) run.inProps = !closing && !selfClosing;
    } else if (run && name === 'w:rPrChange') {
      if (!selfClosing) run.changeDepth += closing ? -1 : 1;
    } else if (run?.inProps && run.changeDepth === 0 && !closing) {
      if (name === 'w:rStyle') run.styleId = attr(tag, 'w:val');
      else readProperty(run.props, name, tag);
    } else if (run && name === 'w:t' && !closing && !selfClosing) {
      const props: Props = Object.assign(
        {},
        styles.defaults,
        paragraphStyle ? styles.byId.get(paragraphStyle) : undefined,
        run.styleId ? styles.byId.get(run.styleId) : undefined,
        run.props,
      );
      const reason = reasonOf(props);
      if (!reason) joinable = false;
      else {
        const end = xml.indexOf('<', next);
        if (end < 0) break;
        const text = decodeXml(xml.slice(next, end));
        const last = hidden[hidden.length - 1];
        // Consecutive hidden runs of one kind are one piece of hidden text in the report.
        if (joinable && last && last.reason === reason && last.text.length < 10_000) last.text += text;
        else hidden.push({ text, reason });
        joinable = true;
        kept.push(xml.slice(copiedTo, next));
        copiedTo = end;
        next = end;
      }
    }
    at = xml.indexOf('<', next);
  }
  if (!hidden.length) return { xml, hidden };
  kept.push(xml.slice(copiedTo));
  return { xml: kept.join(''), hidden };
}
