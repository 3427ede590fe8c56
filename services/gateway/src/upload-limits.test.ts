import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { startHarness, type Harness } from './testing/harness.ts';

// The upload route at the limits it really runs with (the defaults: MAX_UPLOAD_BYTES 5 MiB, MAX_TEXT_CHARS
// 100,000, 50 pages), not at limits lowered for the test: at each limit accepted, one past it refused with its code.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

function multipart(fileName: string, data: Buffer, type: string) {
  const boundary = `----rc${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (fileName: string, data: Buffer, type: string) => h.app.inject({ method: 'POST', url: '/v1/resumes/upload', ...multipart(fileName, data, type) });
const outcome = (res: { statusCode: number; body: string }) => ({ status: res.statusCode, code: JSON.parse(res.body).error?.code });

async function pdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`Page ${i + 1}: Python developer, PostgreSQL, Docker.`, { x: 50, y: 750, size: 12, font });
  return Buffer.from(await doc.save());
}

describe('resume upload at the route’s real limits', () => {
  it('uses the defaults', () => {
    expect(h.config.MAX_UPLOAD_BYTES).toBe(5 * 1024 * 1024);
    expect(h.config.MAX_TEXT_CHARS).toBe(100_000);
  });

  it('accepts a file of exactly MAX_UPLOAD_BYTES and refuses one byte more with 413 file_too_large', async () => {
    const limit = h.config.MAX_UPLOAD_BYTES;
    // a short resume padded with blank lines to the byte: its text is short, only the file is large
    const text = 'John Smith. Python developer, 5 years: Django, PostgreSQL, Docker.\n';
    const at = Buffer.concat([Buffer.from(text), Buffer.alloc(limit - Buffer.byteLength(text), 0x0a)]);
    expect(at.length).toBe(limit);
    const ok = await upload('cv.txt', at, 'text/plain');
    expect(ok.statusCode).toBe(201);
    expect(JSON.parse(ok.body).file.size).toBe(limit);
    expect(outcome(await upload('cv.txt', Buffer.concat([at, Buffer.from('\n')]), 'text/plain'))).toEqual({ status: 413, code: 'file_too_large' });
  });

  it('keeps an uploaded file’s text whole up to MAX_TEXT_CHARS, and cuts (not refuses) a longer one to the limit', async () => {
    const limit = h.config.MAX_TEXT_CHARS;
    const words = 'Python developer with PostgreSQL and Docker experience. ';
    const at = words.repeat(Math.ceil(limit / words.length)).slice(0, limit - 1) + '.';
    const whole = await upload('cv.txt', Buffer.from(at), 'text/plain');
    expect(whole.statusCode).toBe(201);
    expect(JSON.parse(whole.body).content).toBe(at);
    // a file is text the user did not type into a box: extraction keeps its head rather than failing the upload
    const long = await upload('cv.txt', Buffer.from(`${at} Kubernetes and Kafka.`), 'text/plain');
    expect(long.statusCode).toBe(201);
    const content = JSON.parse(long.body).content as string;
    expect(content.length).toBeLessThanOrEqual(limit);
    expect(at.startsWith(content)).toBe(true);
  });

  it('reads a PDF of 50 pages and refuses 51 with 422 too_many_pages', async () => {
    expect((await upload('cv.pdf', await pdf(50), 'application/pdf')).statusCode).toBe(201);
    expect(outcome(await upload('cv.pdf', await pdf(51), 'application/pdf'))).toEqual({ status: 422, code: 'too_many_pages' });
  });
});
