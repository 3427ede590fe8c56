/**
 * A minimal PDF writer for tests: pages of Helvetica text where each run has its own colour, render mode, size,
 * position, scale and clip, so tests can build the hidden-text tricks (white, invisible, 1-pt, off-page, clipped)
 * byte by byte instead of trusting a library to write them.
 */

export type Rgb = readonly [number, number, number];

export interface PdfText {
  text: string;
  x: number;
  y: number;
  /** Font size in points before `scale` (default 12). */
  size?: number;
  /** Fill colour, 0..1 per channel (default black). */
  color?: Rgb;
  /** Text render mode (Tr): 0 fill, 1 stroke, 3 invisible, 7 clip only (default 0). */
  renderMode?: number;
  /** A `cm` scale around the run: 0.1 turns 12-pt text into 1.2-pt text on the page. */
  scale?: number;
  /** A clipping rectangle [x, y, width, height] set before the text is drawn. */
  clip?: readonly [number, number, number, number];
}

export interface PdfPage {
  /** [width, height] in points (default A4, 595 × 842). */
  size?: readonly [number, number];
  /** A rectangle of this colour painted over the whole page before the text. */
  background?: Rgb;
  /** Images [x, y, width, height] (one dark pixel stretched) painted before the text, as a template's sidebar photo. */
  images?: Array<readonly [number, number, number, number]>;
  texts: PdfText[];
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(4).replace(/0+$/, ''));
const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
const rgb = (c: Rgb) => c.map(num).join(' ');

function contentStream(page: PdfPage, [width, height]: readonly [number, number]): string {
  const ops: string[] = [];
  if (page.background) ops.push(`${rgb(page.background)} rg 0 0 ${num(width)} ${num(height)} re f`);
  for (const [x, y, w, h] of page.images ?? []) {
    ops.push(`q ${num(w)} 0 0 ${num(h)} ${num(x)} ${num(y)} cm BI /W 1 /H 1 /CS /RGB /BPC 8 /F /AHx ID 203040> EI Q`);
  }
  for (const t of page.texts) {
    ops.push('q');
    if (t.clip) ops.push(`${t.clip.map(num).join(' ')} re W n`);
    if (t.scale !== undefined) ops.push(`${num(t.scale)} 0 0 ${num(t.scale)} 0 0 cm`);
    ops.push(
      `${rgb(t.color ?? [0, 0, 0])} rg ${rgb(t.color ?? [0, 0, 0])} RG BT /F1 ${num(t.size ?? 12)} Tf ${t.renderMode ?? 0} Tr ${num(t.x)} ${num(t.y)} Td (${escape(t.text)}) Tj ET`,
    );
    ops.push('Q');
  }
  return ops.join('\n');
}

/** A PDF with the given pages; text is Latin-1 only (the standard Helvetica font, no embedding). */
export function writePdf(pages: PdfPage[]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const pageIds = pages.map((_, i) => 4 + i * 2);
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (const page of pages) {
    const size = page.size ?? [595, 842];
    const stream = Buffer.from(contentStream(page, size), 'latin1');
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(size[0])} ${num(size[1])}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length + 2} 0 R >>`);
    add(`<< /Length ${stream.length} >>\nstream\n${stream.toString('latin1')}\nendstream`);
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
