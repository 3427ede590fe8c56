import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ExtractionError, sniffFileType } from './extract.ts';
import { extractText } from './pool.ts';
import { makeDocx, makeZip } from '@rc/testing/files';

async function makePdf(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 20, size: 12, font }));
  }
  return pdf.save();
}

async function expectError(promise: Promise<unknown>, code: string, statusCode: number): Promise<ExtractionError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExtractionError);
  expect((err as ExtractionError).code).toBe(code);
  expect((err as ExtractionError).statusCode).toBe(statusCode);
  return err as ExtractionError;
}

const PNG_HEADER = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

describe('extractText: PDF', () => {
  it('reads the text layer of every page, line by line', async () => {
    const data = await makePdf([
      ['Jane Smith - Backend Developer', 'Python, Django, PostgreSQL'],
      ['Experience: 5 years at Acme Corp'],
    ]);
    const result = await extractText({ data, fileName: 'cv.pdf' });
    expect(result.fileType).toBe('pdf');
    expect(result.pages).toBe(2);
    expect(result.text).toContain('Jane Smith - Backend Developer\nPython, Django, PostgreSQL');
    expect(result.text).toContain('Experience: 5 years at Acme Corp');
    expect(result.truncated).toBe(false);
  });

  it('refuses a PDF with more pages than allowed', async () => {
    const data = await makePdf([['one'], ['two'], ['three']]);
    const err = await expectError(extractText({ data, maxPages: 2 }), 'too_many_pages', 422);
    expect(err.message).toContain('3 pages');
  });

  it('reports a PDF without a text layer (a scan) as no_text_found', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage().drawRectangle({ x: 10, y: 10, width: 200, height: 100, color: rgb(0.2, 0.2, 0.2) });
    await expectError(extractText({ data: await pdf.save() }), 'no_text_found', 422);
  });

  it('reports a damaged PDF as file_unreadable', async () => {
    const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);
    await expectError(extractText({ data }), 'file_unreadable', 422);
  });
});

describe('extractText: DOCX', () => {
  it('reads paragraphs in order, Russian included, one per line', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'Иван Петров', bold: true })] }),
            new Paragraph({ children: [new TextRun('Опыт разработки на Python и Go — 6 лет.')] }),
            new Paragraph({ text: 'Built a payment gateway on Kubernetes', bullet: { level: 0 } }),
          ],
        },
      ],
    });
    const data = await Packer.toBuffer(doc);
    const result = await extractText({ data, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(result.fileType).toBe('docx');
    expect(result.pages).toBeUndefined();
    expect(result.text).toMatch(/^Иван Петров\n+Опыт разработки на Python и Go — 6 лет\.\n+Built a payment gateway on Kubernetes$/);
  });

  it('refuses a zip bomb by its declared size before inflating it', async () => {
    // 20 MB of spaces deflate to ~20 KB; the limit is set low so the refusal is quick.
    const documentXml = `<w:document><w:body><w:p><w:r><w:t>${' '.repeat(20 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`;
    const data = makeDocx({ documentXml });
    expect(data.length).toBeLessThan(1024 * 1024);
    await expectError(extractText({ data, maxUncompressedBytes: 5 * 1024 * 1024 }), 'file_too_large_uncompressed', 422);
  });

  it('refuses a zip bomb whose headers lie about its size, without inflating all of it', async () => {
    const documentXml = `<w:document><w:body><w:p><w:r><w:t>${' '.repeat(8 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`;
    const data = makeZip([{ name: 'word/document.xml', data: documentXml, declaredSize: 100 }]);
    await expectError(extractText({ data, maxUncompressedBytes: 1024 * 1024 }), 'file_too_large_uncompressed', 422);
  });

  it('reads a DOCX that is under the size limit', async () => {
    const result = await extractText({ data: makeDocx(['Первый абзац', 'Second paragraph']), maxUncompressedBytes: 5 * 1024 * 1024 });
    expect(result.text).toBe('Первый абзац\n\nSecond paragraph');
  });

  it('refuses a ZIP that is not a DOCX as unsupported', async () => {
    const data = makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    await expectError(extractText({ data, fileName: 'resume.docx' }), 'unsupported_file_type', 415);
  });

  it('reports a damaged ZIP as file_unreadable', async () => {
    const good = makeDocx(['Hello']);
    const data = Buffer.concat([good.subarray(0, 40), Buffer.alloc(200, 7)]);
    await expectError(extractText({ data }), 'file_unreadable', 422);
  });

  it('reports a DOCX whose document.xml is broken as file_unreadable', async () => {
    await expectError(extractText({ data: makeDocx({ documentXml: '<w:document><w:body><w:p>' }) }), 'file_unreadable', 422);
  });

  it('gives up with extraction_timeout when extraction runs past the deadline', async () => {
    // Hundreds of milliseconds of parsing here, most of it synchronous: refused whether or not the timer got to fire.
    // A 1 ms deadline, so that a machine many times faster still takes longer than that.
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i} with some words in it`);
    await expectError(extractText({ data: makeDocx(paragraphs), timeoutMs: 1 }), 'extraction_timeout', 422);
    // The same file within a generous deadline is read.
    expect((await extractText({ data: makeDocx(paragraphs), timeoutMs: 60_000 })).text).toContain('Paragraph 1 with some words in it');
  });
});

describe('extractText: plain text and unknown types', () => {
  it('decodes UTF-8, normalises whitespace and keeps paragraph breaks', async () => {
    const raw = '\uFEFFИван\u00A0Петров\r\n\r\n\r\n\tPython developer\u00AD\r\n• Django\r\nJava     Spring Boot  Kafka\r\n';
    const result = await extractText({ data: Buffer.from(raw, 'utf8') });
    // a run of spaces stays a gap of two: hh.ru's key skills copied onto one line are tags the posting reader splits
    const text = 'Иван Петров\n\nPython developer\n• Django\nJava  Spring Boot  Kafka';
    expect(result).toEqual({ text, fileType: 'txt', truncated: false, hiddenText: null });
  });

  it('decodes UTF-16 with a byte-order mark', async () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Резюме: Go, Rust', 'utf16le')]);
    expect((await extractText({ data })).text).toBe('Резюме: Go, Rust');
  });

  it('decides by content, not by name: a PNG named .pdf is unsupported', async () => {
    await expectError(extractText({ data: PNG_HEADER, fileName: 'resume.pdf', mimeType: 'application/pdf' }), 'unsupported_file_type', 415);
  });

  it('decides by content, not by name: a PDF named .txt is read as a PDF', async () => {
    const result = await extractText({ data: await makePdf([['Hello PDF']]), fileName: 'notes.txt', mimeType: 'text/plain' });
    expect(result.fileType).toBe('pdf');
  });

  it('refuses invalid UTF-8 and text with NUL bytes', async () => {
    await expectError(extractText({ data: Buffer.from([0xc3, 0x28, 0x41, 0x42]) }), 'unsupported_file_type', 415);
    await expectError(extractText({ data: Buffer.from('abc\u0000def') }), 'unsupported_file_type', 415);
  });

  it('reports an empty file and a blank one', async () => {
    await expectError(extractText({ data: new Uint8Array() }), 'empty_file', 400);
    await expectError(extractText({ data: Buffer.from(' \n\t \n') }), 'no_text_found', 422);
  });

  it('cuts text longer than maxChars at a line break', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line number ${i}`).join('\n');
    const result = await extractText({ data: Buffer.from(lines), maxChars: 200 });
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(200);
    expect(lines.startsWith(result.text)).toBe(true);
    expect(result.text.endsWith('\n')).toBe(false);
  });
});

describe('sniffFileType', () => {
  it('recognises the magic bytes', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.4\n'))).toBe('pdf');
    expect(sniffFileType(makeZip([{ name: 'a.txt', data: 'a' }]))).toBe('zip');
    expect(sniffFileType(PNG_HEADER)).toBe('binary');
    expect(sniffFileType(Buffer.from('{\\rtf1\\ansi hello}'))).toBe('binary');
    expect(sniffFileType(Buffer.from('plain'))).toBe('text');
  });
});
