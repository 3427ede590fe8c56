/**
 * Text of an uploaded resume (PDF, DOCX or plain text), with the file type decided by its bytes, never its name, and
 * without the text the file hides from its reader. Every failure is an ExtractionError with a stable code and the
 * HTTP status the API answers with. This module parses on the thread that calls it: callers go through the pool
 * (pool.ts), which runs it in a worker thread under a deadline.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { normalizeText } from '@rc/text';
import { readStyles, removeHiddenRuns } from './docx-hidden.ts';
import { HiddenTextCollector, type HiddenText } from './hidden.ts';
import { EXTRACTION_DEFAULTS, ExtractionError, sniffFileType, startsWith, type ExtractedText, type ExtractTextInput, type FileType } from './types.ts';

export { EXTRACTION_DEFAULTS, ExtractionError, sniffFileType, type ExtractedText, type ExtractionErrorCode, type ExtractTextInput, type FileType } from './types.ts';

function decodeText(data: Uint8Array): string {
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    throw new ExtractionError('unsupported_file_type', 'The file is neither PDF, DOCX nor UTF-8 text.');
  }
  // Valid UTF-8 can still be binary; real text has almost no control characters.
  const controls = text.match(/[\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (controls > Math.max(2, text.length * 0.01)) {
    throw new ExtractionError('unsupported_file_type', 'The file is neither PDF, DOCX nor plain text.');
  }
  return text;
}

async function extractPdf(data: Uint8Array, maxPages: number): Promise<{ text: string; pages: number; hidden: HiddenText | null }> {
  // Imported on first use: the PDF.js bundle is large and most callers send text.
  const { readPdf, PdfReadError } = await import('./pdf.ts');
  try {
    return await readPdf(data, maxPages);
  } catch (err) {
    if (!(err instanceof PdfReadError)) throw err;
    throw new ExtractionError(err.kind === 'too_many_pages' ? 'too_many_pages' : 'file_unreadable', err.message, { cause: err.cause });
  }
}

/** The uncompressed size JSZip read from the ZIP's central directory, without inflating anything. */
function declaredSize(entry: JSZip.JSZipObject): number | undefined {
  const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' ? size : undefined;
}

/**
 * Inflates an entry as a stream and stops as soon as it passes maxBytes: the sizes in a ZIP's headers can lie, and
 * a bomb that declares 1 KB must not get to expand to gigabytes inside mammoth.
 */
function inflatesWithin(entry: JSZip.JSZipObject, maxBytes: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer');
    let total = 0;
    let settled = false;
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes && !settled) {
        settled = true;
        // No more reads: JSZip's stream stops inflating once its consumer stops pulling.
        stream.pause();
        stream.removeAllListeners('data');
        resolve(false);
      }
    });
    stream.on('end', () => {
      if (!settled) {
        settled = true;
        resolve(true);
      }
    });
    stream.on('error', (err: Error) => {
      if (!settled) {
        settled = true;
        reject(err);
      }
    });
  });
}

async function extractDocx(data: Uint8Array, maxBytes: number): Promise<{ text: string; hidden: HiddenText | null }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch (err) {
    throw new ExtractionError('file_unreadable', 'The file is a damaged ZIP/DOCX archive.', { cause: err });
  }
  const document = zip.file('word/document.xml');
  if (!document) {
    throw new ExtractionError('unsupported_file_type', 'The ZIP archive is not a DOCX document.');
  }
  const tooLarge = () =>
    new ExtractionError(
      'file_too_large_uncompressed',
      `The DOCX expands to more than ${Math.round(maxBytes / 1024 / 1024)} MB of text; it is refused.`,
    );
  // Zip bombs, first on the sizes the archive declares, before a byte is inflated...
  const parts = Object.values(zip.files).filter((entry) => !entry.dir && /\.(xml|rels)$/i.test(entry.name));
  let total = 0;
  for (const entry of parts) {
    const size = declaredSize(entry);
    if (size === undefined) continue;
    total += size;
    if (size > maxBytes || total > maxBytes * 2) throw tooLarge();
  }
  // ...then on what the parts mammoth reads really inflate to, stopping at the limit.
  let budget = maxBytes * 2;
  for (const entry of parts) {
    let within: boolean;
    try {
      within = await inflatesWithin(entry, Math.min(maxBytes, budget));
    } catch (err) {
      throw new ExtractionError('file_unreadable', 'The file is a damaged ZIP/DOCX archive.', { cause: err });
    }
    if (!within) throw tooLarge();
    budget -= declaredSize(entry) ?? 0;
  }
  const unreadable = (err: unknown) => new ExtractionError('file_unreadable', 'The DOCX is damaged and its text cannot be read.', { cause: err });
  // Hidden runs are blanked in the body before mammoth reads it; the archive is rewritten only when there are any.
  let buffer = Buffer.from(data.buffer, data.byteOffset, data.length);
  const hidden = new HiddenTextCollector();
  try {
    const stylesPart = zip.file('word/styles.xml');
    const styles = stylesPart ? readStyles(await stylesPart.async('string')) : undefined;
    const { xml, hidden: runs } = removeHiddenRuns(await document.async('string'), styles);
    if (runs.length) {
      for (const run of runs) hidden.add(run.text, run.reason, null);
      zip.file('word/document.xml', xml);
      buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    }
  } catch (err) {
    throw unreadable(err);
  }
  try {
    const result = await mammoth.extractRawText({ buffer });
    return { text: result.value, hidden: hidden.report() };
  } catch (err) {
    throw unreadable(err);
  }
}

function truncate(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  let cut = text.lastIndexOf('\n', maxChars);
  if (cut < maxChars * 0.9) cut = maxChars;
  return { text: text.slice(0, cut).trimEnd(), truncated: true };
}

/**
 * Extract and normalise the text of a PDF, DOCX or plain-text file on the calling thread, without a deadline: the
 * pool's workers call it. Throws ExtractionError.
 */
export async function extractTextHere(input: ExtractTextInput): Promise<ExtractedText> {
  const data = input.data instanceof Uint8Array ? input.data : new Uint8Array(input.data);
  const maxPages = input.maxPages ?? EXTRACTION_DEFAULTS.maxPages;
  const maxChars = input.maxChars ?? EXTRACTION_DEFAULTS.maxChars;
  const maxBytes = input.maxUncompressedBytes ?? EXTRACTION_DEFAULTS.maxUncompressedBytes;
  if (data.length === 0) throw new ExtractionError('empty_file', 'The file is empty.');

  const sniffed = sniffFileType(data);
  let fileType: FileType;
  let raw: string;
  let pages: number | undefined;
  let hiddenText: HiddenText | null = null;
  switch (sniffed) {
    case 'pdf': {
      fileType = 'pdf';
      ({ text: raw, pages, hidden: hiddenText } = await extractPdf(data, maxPages));
      break;
    }
    case 'zip':
      fileType = 'docx';
      ({ text: raw, hidden: hiddenText } = await extractDocx(data, maxBytes));
      break;
    case 'text':
      fileType = 'txt';
      raw = decodeText(data);
      break;
    default: {
      const claimed = input.fileName ?? input.mimeType;
      throw new ExtractionError(
        'unsupported_file_type',
        `The file${claimed ? ` (${claimed})` : ''} is not a PDF, DOCX or plain-text file.`,
      );
    }
  }

  const normalized = normalizeText(raw);
  if (!/[\p{L}\p{N}]/u.test(normalized)) {
    throw new ExtractionError(
      'no_text_found',
      hiddenText
        ? `All ${hiddenText.chars} characters of the file's text are hidden from its reader (white, invisible, tiny or off-page), so none of it can be used.`
        : fileType === 'pdf'
          ? 'The PDF has no text layer (a scan?). Upload a PDF with selectable text, a DOCX or plain text.'
          : 'The file contains no text.',
    );
  }
  const { text, truncated } = truncate(normalized, maxChars);
  return pages === undefined ? { text, fileType, truncated, hiddenText } : { text, fileType, pages, truncated, hiddenText };
}
