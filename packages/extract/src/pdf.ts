/**
 * The text layer of a PDF without the text its reader cannot see. PDF.js's text content gives the words in reading
 * order with line breaks, but not how they were drawn; its operator list gives the drawing (colours, render mode,
 * font size, transforms, clips), so each page's operators are replayed to mark every drawn character visible or
 * hidden, and the marks are laid over the text content character by character.
 */
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { HiddenTextCollector, TINY_FONT_PT, type HiddenText, type HiddenTextReason } from './hidden.ts';

// Node 20 lacks ArrayBuffer.prototype.transferToFixedLength, which PDF.js's font loading calls while it builds an
// operator list; without it the list stops at the first text. A copy keeps its meaning for PDF.js's use.
const arrayBufferProto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (length?: number) => ArrayBuffer };
if (!arrayBufferProto.transferToFixedLength) {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length?: number): ArrayBuffer {
      const out = new Uint8Array(length ?? this.byteLength);
      out.set(new Uint8Array(this, 0, Math.min(this.byteLength, out.length)));
      return out.buffer;
    },
  });
}

/** Text whose colour differs from what lies beneath it by at most this much per channel (0..255) cannot be read. */
const SAME_COLOUR = 24;
/** More filled shapes than this on a page are not all remembered: the latest ones decide the background. */
const MAX_FILLS = 2000;

type Matrix = [number, number, number, number, number, number];
type Rgb = [number, number, number];
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const WHITE: Rgb = [255, 255, 255];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function boxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  const pts = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const intersects = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const contains = (outer: Box, x: number, y: number) => x >= outer.x0 && x <= outer.x1 && y >= outer.y0 && y <= outer.y1;
const intersection = (a: Box, b: Box): Box => ({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) });

function parseColour(arg: unknown): Rgb | null {
  if (typeof arg === 'string' && /^#[0-9a-f]{6}$/i.test(arg)) {
    return [parseInt(arg.slice(1, 3), 16), parseInt(arg.slice(3, 5), 16), parseInt(arg.slice(5, 7), 16)];
  }
  if (arg && typeof arg === 'object' && 'length' in arg && (arg as ArrayLike<number>).length >= 3) {
    const a = arg as ArrayLike<number>;
    return [a[0]!, a[1]!, a[2]!];
  }
  return null;
}

const sameColour = (a: Rgb, b: Rgb) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2])) <= SAME_COLOUR;

interface GraphicsState {
  ctm: Matrix;
  /** null: a pattern or a colour not known to us, never taken as hidden. */
  fill: Rgb | null;
  stroke: Rgb | null;
  fillAlpha: number;
  strokeAlpha: number;
  clip: Box | null;
  renderMode: number;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

interface Glyph {
  unicode: string;
  width: number;
  isSpace: boolean;
}

/** One character as drawn, with the reason it is hidden (null: visible). */
interface Mark {
  char: string;
  reason: HiddenTextReason | null;
}

/** Characters compared between the operator list and the text content: whitespace is laid out differently by each. */
const comparable = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Replays a page's operators and returns every drawn character, hidden or not, in drawing order. */
function markPage(fnArray: number[], argsArray: unknown[][], view: number[], OPS: Record<string, number>): { marks: Mark[]; runs: Array<{ text: string; reason: HiddenTextReason }> } {
  const page: Box = { x0: Math.min(view[0]!, view[2]!), y0: Math.min(view[1]!, view[3]!), x1: Math.max(view[0]!, view[2]!), y1: Math.max(view[1]!, view[3]!) };
  let gs: GraphicsState = {
    ctm: IDENTITY,
    fill: [0, 0, 0],
    stroke: [0, 0, 0],
    fillAlpha: 1,
    strokeAlpha: 1,
    clip: null,
    renderMode: 0,
    fontSize: 12,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  };
  const stack: GraphicsState[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let clipNext = false;
  // What lies beneath text: filled shapes with their colour, and images and gradients, whose colour is not known
  // (null), so text on them is never judged by its colour: white text on a dark photo or sidebar image is readable.
  const fills: Array<{ box: Box; colour: Rgb | null }> = [];
  const paint = (box: Box, colour: Rgb | null) => {
    if (fills.length >= MAX_FILLS) fills.shift();
    fills.push({ box, colour });
  };
  const marks: Mark[] = [];
  const runs: Array<{ text: string; reason: HiddenTextReason }> = [];

  const backgroundAt = (x: number, y: number): Rgb | null => {
    for (let i = fills.length - 1; i >= 0; i--) if (contains(fills[i]!.box, x, y)) return fills[i]!.colour;
    return WHITE;
  };

  // The test PDF.js applies before it leaves a run out of the text content: the baseline's start outside the page's
  // height, or the run's whole width outside its width.
  const offPage = (m: Matrix, advance: number) => {
    const [x0, y0] = apply(m, 0, gs.rise);
    const [x1] = apply(m, advance, gs.rise);
    return Math.max(x0, x1) < page.x0 || Math.min(x0, x1) > page.x1 || y0 < page.y0 || y0 > page.y1;
  };

  const moveLine = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };

  const show = (items: unknown) => {
    if (!Array.isArray(items)) return;
    const trm = multiply(multiply([gs.fontSize * gs.hScale, 0, 0, gs.fontSize, 0, gs.rise], tm), gs.ctm);
    const start = tm;
    let advance = 0;
    let text = '';
    for (const item of items as Array<Glyph | number | null>) {
      if (typeof item === 'number') {
        advance -= (item / 1000) * gs.fontSize * gs.hScale;
        continue;
      }
      if (!item) continue;
      text += item.unicode ?? '';
      advance += ((item.width ?? 0) / 1000) * gs.fontSize * gs.hScale + (gs.charSpacing + (item.isSpace ? gs.wordSpacing : 0)) * gs.hScale;
    }
    // The run's box on the page: from its start to its end along the baseline, one em high.
    const runMatrix = multiply(start, gs.ctm);
    const scale = gs.fontSize === 0 ? 0 : Math.hypot(trm[2], trm[3]);
    const box = boxOf(runMatrix, 0, gs.rise, advance === 0 ? gs.fontSize * 0.5 : advance, gs.rise + gs.fontSize);
    tm = multiply([1, 0, 0, 1, advance, 0], tm);

    let reason: HiddenTextReason | null = null;
    const mode = gs.renderMode & 7;
    const filled = mode === 0 || mode === 2 || mode === 4 || mode === 6;
    const colour = filled ? gs.fill : gs.stroke;
    const alpha = filled ? gs.fillAlpha : gs.strokeAlpha;
    if (mode === 3 || mode === 7 || alpha < 0.05) reason = 'invisible';
    else if (offPage(runMatrix, advance)) reason = 'off_page';
    else if (gs.clip && !intersects(box, gs.clip)) reason = 'clipped';
    else if (scale < TINY_FONT_PT) reason = 'tiny_font';
    else if (colour) {
      const [cx, cy] = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
      const beneath = backgroundAt(cx, cy);
      if (beneath && sameColour(colour, beneath)) reason = sameColour(beneath, WHITE) ? 'white_text' : 'background_colour';
    }
    // PDF.js leaves text outside the page out of its text content: its characters have nothing to be laid over.
    if (reason !== 'off_page') for (const ch of comparable(text)) marks.push({ char: ch, reason });
    if (reason) runs.push({ text, reason });
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] ?? [];
    switch (fn) {
      case OPS.save:
        stack.push({ ...gs });
        break;
      case OPS.restore:
        gs = stack.pop() ?? gs;
        break;
      case OPS.transform:
        gs.ctm = multiply(args as Matrix, gs.ctm);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...gs });
        const [matrix, bbox] = args as [Matrix | null, number[] | null];
        if (matrix) gs.ctm = multiply(matrix, gs.ctm);
        if (bbox && bbox.length === 4) {
          const b = boxOf(gs.ctm, bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!);
          gs.clip = gs.clip ? intersection(gs.clip, b) : b;
        }
        break;
      }
      case OPS.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        break;
      case OPS.setFillRGBColor:
        gs.fill = parseColour(args[0]) ?? parseColour(args);
        break;
      case OPS.setStrokeRGBColor:
        gs.stroke = parseColour(args[0]) ?? parseColour(args);
        break;
      case OPS.setFillTransparent:
      case OPS.setFillColorN:
        gs.fill = null;
        break;
      case OPS.setStrokeTransparent:
      case OPS.setStrokeColorN:
        gs.stroke = null;
        break;
      case OPS.setGState:
        for (const entry of (args[0] as unknown[]) ?? []) {
          if (!Array.isArray(entry)) continue;
          const [key, value] = entry as [string, unknown];
          if (key === 'ca' && typeof value === 'number') gs.fillAlpha = value;
          if (key === 'CA' && typeof value === 'number') gs.strokeAlpha = value;
          if (key === 'Font' && Array.isArray(value) && typeof value[1] === 'number') gs.fontSize = value[1];
        }
        break;
      case OPS.clip:
      case OPS.eoClip:
        clipNext = true;
        break;
      case OPS.constructPath: {
        const [paintOp, , minMax] = args as [number, unknown, ArrayLike<number> | null];
        const box = minMax && minMax.length === 4 && Number.isFinite(minMax[0]) ? boxOf(gs.ctm, minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!) : null;
        if (clipNext && box) gs.clip = gs.clip ? intersection(gs.clip, box) : box;
        clipNext = false;
        const fills_ = [OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke];
        // A pattern fill (gs.fill null) is a background of unknown colour; a faint one does not hide what is under it.
        if (box && gs.fillAlpha >= 0.5 && fills_.includes(paintOp)) paint(box, gs.fill);
        break;
      }
      case OPS.endPath:
        clipNext = false;
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintInlineImageXObjectGroup:
      case OPS.paintImageXObjectRepeat:
      case OPS.paintImageMaskXObject:
      case OPS.paintImageMaskXObjectGroup:
      case OPS.paintImageMaskXObjectRepeat:
      case OPS.paintSolidColorImageMask:
        // Images are drawn into the unit square of the current transform.
        paint(boxOf(gs.ctm, 0, 0, 1, 1), null);
        break;
      case OPS.shadingFill:
        // A gradient fills the clip (or the page).
        paint(gs.clip ?? page, null);
        break;
      case OPS.beginText:
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case OPS.setFont:
        if (typeof args[1] === 'number') gs.fontSize = args[1];
        break;
      case OPS.setTextRenderingMode:
        if (typeof args[0] === 'number') gs.renderMode = args[0];
        break;
      case OPS.setCharSpacing:
        gs.charSpacing = Number(args[0]) || 0;
        break;
      case OPS.setWordSpacing:
        gs.wordSpacing = Number(args[0]) || 0;
        break;
      case OPS.setHScale:
        gs.hScale = (Number(args[0]) || 100) / 100;
        break;
      case OPS.setLeading:
        gs.leading = Number(args[0]) || 0;
        break;
      case OPS.setTextRise:
        gs.rise = Number(args[0]) || 0;
        break;
      case OPS.moveText:
        moveLine(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        gs.leading = -(Number(args[1]) || 0);
        moveLine(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setTextMatrix: {
        const m = (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]) ? Array.from(args[0] as ArrayLike<number>) : args) as Matrix;
        tm = [...m] as Matrix;
        tlm = tm;
        break;
      }
      case OPS.nextLine:
        moveLine(0, -gs.leading);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        show(args[0]);
        break;
      case OPS.nextLineShowText:
        moveLine(0, -gs.leading);
        show(args[0]);
        break;
      case OPS.nextLineSetSpacingShowText:
        gs.wordSpacing = Number(args[0]) || 0;
        gs.charSpacing = Number(args[1]) || 0;
        moveLine(0, -gs.leading);
        show(args[2]);
        break;
      default:
        break;
    }
  }
  return { marks, runs };
}

interface TextItem {
  str: string;
  hasEOL: boolean;
}

/** How far ahead the marks are searched for a text-content character before the character is taken as visible. */
const RESYNC_WINDOW = 4000;

/**
 * The page's text-content items with hidden characters taken out. Characters are matched in order; the text content
 * leaves out some drawn characters (PDF.js drops text outside the page), so a character is looked for a little ahead.
 */
function visibleText(items: TextItem[], marks: Mark[]): string {
  let at = 0;
  let out = '';
  // A line whose every character was hidden leaves no empty line behind (nor does the empty item that ends it).
  let droppedLine = false;
  for (const item of items) {
    if (!item.str.trim()) {
      // Spaces PDF.js puts between runs are kept, as they were before hidden text was looked for.
      if (!droppedLine) out += item.str;
      if (item.hasEOL && (!droppedLine || (out && !out.endsWith('\n')))) out += '\n';
      droppedLine &&= !item.hasEOL;
      continue;
    }
    let kept = '';
    let lastHidden = false;
    for (const ch of item.str) {
      const key = comparable(ch);
      if (!key) {
        // Whitespace goes with the character before it, so a hidden word leaves no double space behind.
        if (!lastHidden) kept += ch;
        continue;
      }
      let hidden = false;
      for (const part of key) {
        let j = at;
        const end = Math.min(marks.length, at + RESYNC_WINDOW);
        while (j < end && marks[j]!.char !== part) j++;
        if (j < end) {
          hidden ||= marks[j]!.reason !== null;
          at = j + 1;
        }
      }
      lastHidden = hidden;
      if (!hidden) kept += ch;
    }
    droppedLine = !kept.trim();
    if (droppedLine) {
      if (item.hasEOL && out && !out.endsWith('\n')) out += '\n';
      continue;
    }
    out += kept + (item.hasEOL ? '\n' : '');
  }
  return out;
}

export interface PdfText {
  text: string;
  pages: number;
  hidden: HiddenText | null;
}

/** Thrown for PDFs that cannot be read; the caller turns it into its own error type. */
export class PdfReadError extends Error {
  constructor(
    readonly kind: 'unreadable' | 'password' | 'too_many_pages',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The visible text of every page, pages separated by a blank line, and a report of what was hidden. */
export async function readPdf(data: Uint8Array, maxPages: number): Promise<PdfText> {
  const { OPS } = (await getResolvedPDFJS()) as unknown as { OPS: Record<string, number> };
  type Pdf = Awaited<ReturnType<typeof getDocumentProxy>>;
  let pdf: Pdf;
  try {
    // PDF.js may take ownership of the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(data), { verbosity: 0 });
  } catch (err) {
    const password = (err as Error)?.name === 'PasswordException';
    throw new PdfReadError(password ? 'password' : 'unreadable', password ? 'The PDF is password-protected.' : 'The PDF is damaged or not a PDF.', { cause: err });
  }
  try {
    if (pdf.numPages > maxPages) {
      throw new PdfReadError('too_many_pages', `The PDF has ${pdf.numPages} pages; at most ${maxPages} are accepted.`);
    }
    const hidden = new HiddenTextCollector();
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is typeof item & TextItem => 'str' in item);
      const ops = await page.getOperatorList();
      const { marks, runs } = markPage(ops.fnArray, ops.argsArray as unknown[][], page.view, OPS);
      for (const run of runs) hidden.add(run.text, run.reason, n);
      pages.push(visibleText(items, marks));
      page.cleanup();
    }
    return { text: pages.join('\n\n'), pages: pdf.numPages, hidden: hidden.report() };
  } catch (err) {
    if (err instanceof PdfReadError) throw err;
    throw new PdfReadError('unreadable', 'The PDF is damaged and its text cannot be read.', { cause: err });
  } finally {
    void pdf.loadingTask.destroy();
  }
}
