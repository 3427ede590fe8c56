import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Document, Packer, Paragraph } from 'docx';
import { writePdf } from '@rc/testing/files';
import { startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ MAX_UPLOAD_BYTES: String(200 * 1024) });
});
afterAll(async () => {
  await h?.close();
});

function multipart(fileName: string, data: Buffer, type: string, fields: Record<string, string> = {}) {
  const boundary = `----rc${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`));
  parts.push(data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function pdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  lines.forEach((l, i) => page.drawText(l, { x: 50, y: 750 - i * 20, size: 12, font }));
  return Buffer.from(await doc.save());
}

async function docx(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] });
  return Packer.toBuffer(doc);
}

const upload = (m: ReturnType<typeof multipart>) => h.app.inject({ method: 'POST', url: '/v1/resumes/upload', ...m });

describe('resume upload', () => {
  it('extracts the text of a PDF', async () => {
    const res = await upload(multipart('cv.pdf', await pdf(['Jane Doe', 'Senior Python developer, 6 years with Django'], ), 'application/pdf', { name: 'Jane' }));
    expect(res.statusCode).toBe(201);
    const body = JSON.parse(res.body);
    expect(body.content).toMatch(/Senior Python developer/);
    expect(body.name).toBe('Jane');
    expect(body.file).toMatchObject({ name: 'cv.pdf', type: 'pdf' });
  });

  it('extracts the text of a DOCX, Russian included', async () => {
    const res = await upload(multipart('резюме.docx', await docx(['Иван Петров', 'Опыт разработки на Python 5 лет']), 'application/octet-stream'));
    expect(res.statusCode).toBe(201);
    const body = JSON.parse(res.body);
    expect(body.content).toMatch(/Опыт разработки на Python/);
    expect(body.language).toBe('ru');
    expect(body.file.type).toBe('docx');
  });

  it('judges the type by content, not by name', async () => {
    const res = await upload(multipart('cv.pdf', Buffer.from('Plain text resume: Go developer, gRPC, Kafka.'), 'application/pdf'));
    expect(res.statusCode).toBe(201);
    expect(JSON.parse(res.body).file.type).toBe('txt');
  });

  it('refuses empty, oversized, unsupported and broken files with stable codes', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
    const brokenPdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0x41)]);
    const cases: Array<[ReturnType<typeof multipart>, number, string]> = [
      [multipart('empty.txt', Buffer.alloc(0), 'text/plain'), 400, 'empty_file'],
      [multipart('big.txt', Buffer.alloc(300 * 1024, 0x61), 'text/plain'), 413, 'file_too_large'],
      [multipart('photo.png', png, 'image/png'), 415, 'unsupported_file_type'],
      [multipart('cv.pdf', brokenPdf, 'application/pdf'), 422, 'file_unreadable'],
    ];
    for (const [m, status, code] of cases) {
      const res = await upload(m);
      expect({ status: res.statusCode, code: JSON.parse(res.body).error?.code }).toEqual({ status, code });
    }
    const notMultipart = await h.app.inject({ method: 'POST', url: '/v1/resumes/upload', payload: { a: 1 } });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('leaves hidden text out of the stored resume and shows the report on the resume and on its analysis', async () => {
    const keywords = 'Kubernetes Terraform Kafka Golang';
    const data = writePdf([
      {
        texts: [
          { text: 'Jane Doe, Python developer', x: 50, y: 780 },
          { text: 'Six years with Django and PostgreSQL', x: 50, y: 760 },
          { text: keywords, x: 50, y: 740, color: [1, 1, 1] },
          { text: keywords, x: 50, y: 720, size: 1 },
        ],
      },
    ]);
    const res = await upload(multipart('cv.pdf', data, 'application/pdf'));
    expect(res.statusCode).toBe(201);
    const resume = JSON.parse(res.body);
    expect(resume.content).toBe('Jane Doe, Python developer\nSix years with Django and PostgreSQL');
    expect(resume.hidden_text).toEqual({
      chars: keywords.length * 2,
      samples: [keywords, keywords],
      reasons: [
        { reason: 'white_text', page: 1, chars: keywords.length },
        { reason: 'tiny_font', page: 1, chars: keywords.length },
      ],
    });
    const stored = JSON.parse((await h.app.inject({ method: 'GET', url: `/v1/resumes/${resume.id}` })).body);
    expect(stored.hidden_text).toEqual(resume.hidden_text);

    const vacancy = JSON.parse(
      (await h.app.inject({ method: 'POST', url: '/v1/vacancies', payload: { title: 'Platform engineer', description: 'Kubernetes, Terraform, Kafka and Golang' } })).body,
    );
    const analysis = JSON.parse((await h.app.inject({ method: 'POST', url: '/v1/analyses', payload: { resumeId: resume.id, vacancyId: vacancy.id } })).body);
    const got = JSON.parse((await h.app.inject({ method: 'GET', url: `/v1/analyses/${analysis.id}` })).body);
    expect(got.hidden_text).toEqual(resume.hidden_text);

    // A resume edited as text no longer carries the file's report.
    const patched = JSON.parse((await h.app.inject({ method: 'PATCH', url: `/v1/resumes/${resume.id}`, payload: { content: 'Jane Doe, Python developer' } })).body);
    expect(patched.hidden_text).toBeNull();
  });
});
