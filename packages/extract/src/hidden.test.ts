import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { readStyles, removeHiddenRuns } from './docx-hidden.ts';
import { ExtractionError, extractTextHere } from './extract.ts';
import { makeDocx, writePdf } from '@rc/testing/files';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const docXml = (...paragraphs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${paragraphs.map((p) => `<w:p>${p}</w:p>`).join('')}</w:body></w:document>`;

const VISIBLE = { text: 'Jane Smith, backend developer', x: 50, y: 780 };
const KEYWORDS = 'Kubernetes Terraform Golang';

async function pdfWith(...hidden: Parameters<typeof writePdf>[0][number]['texts']) {
  return extractTextHere({ data: writePdf([{ texts: [VISIBLE, ...hidden, { text: 'Five years at Acme Corp', x: 50, y: 500 }] }]) });
}

describe('hidden text in PDFs', () => {
  it.each([
    ['white text on a white page', { color: [1, 1, 1] as const }, 'white_text'],
    ['invisible render mode (Tr 3)', { renderMode: 3 }, 'invisible'],
    ['clip-only render mode (Tr 7)', { renderMode: 7 }, 'invisible'],
    ['a 1-pt font', { size: 1 }, 'tiny_font'],
    ['a 12-pt font scaled to 1.2 pt by the page transform', { scale: 0.1, x: 500, y: 7000 }, 'tiny_font'],
    ['text right of the page', { x: 700, y: 600 }, 'off_page'],
    ['text below the page', { y: -40 }, 'off_page'],
    ['text clipped away', { clip: [300, 100, 10, 10] as const }, 'clipped'],
  ])('leaves out and reports %s', async (_, how, reason) => {
    const result = await pdfWith({ text: KEYWORDS, x: 50, y: 600, ...how });
    expect(result.text).toBe('Jane Smith, backend developer\nFive years at Acme Corp');
    expect(result.hiddenText).toEqual({ chars: KEYWORDS.length, samples: [KEYWORDS], reasons: [{ reason, page: 1, chars: KEYWORDS.length }] });
  });

  it('leaves out text drawn in the colour of the box beneath it, and keeps readable text on that box', async () => {
    const data = writePdf([
      {
        background: [0.1, 0.2, 0.5],
        texts: [
          { text: 'Readable white on blue', x: 50, y: 780, color: [1, 1, 1] },
          { text: KEYWORDS, x: 50, y: 760, color: [0.1, 0.2, 0.5] },
        ],
      },
    ]);
    const result = await extractTextHere({ data });
    expect(result.text).toBe('Readable white on blue');
    expect(result.hiddenText?.reasons).toEqual([{ reason: 'background_colour', page: 1, chars: KEYWORDS.length }]);
  });

  it('keeps white text drawn over an image (a dark sidebar or photo), whose colour is not known', async () => {
    const data = writePdf([
      {
        images: [[0, 0, 200, 842]],
        texts: [
          { text: 'Contacts: jane@example.com', x: 20, y: 780, color: [1, 1, 1] },
          { text: 'Jane Smith, backend developer', x: 250, y: 780 },
          { text: KEYWORDS, x: 250, y: 760, color: [1, 1, 1] },
        ],
      },
    ]);
    const result = await extractTextHere({ data });
    // PDF.js reads the two columns' first lines as one line: the white contact line is kept, the white keywords are not.
    expect(result.text).toBe('Contacts: jane@example.com Jane Smith, backend developer');
    expect(result.hiddenText?.reasons).toEqual([{ reason: 'white_text', page: 1, chars: KEYWORDS.length }]);
  });

  it('keeps grey, small-but-legible and partly visible text, and reports nothing for an honest PDF', async () => {
    const result = await pdfWith(
      { text: 'Grey footnote', x: 50, y: 600, color: [0.6, 0.6, 0.6] },
      { text: 'Six point print', x: 50, y: 580, size: 6 },
      { text: 'Runs off the right edge', x: 560, y: 560 },
    );
    // PDF.js itself keeps only the glyphs of a line that fall on the page; that is not reported as hidden.
    expect(result.text).toMatch(/^Jane Smith, backend developer\nGrey footnote\nSix point print\nRuns o[a-z ]*\nFive years at Acme Corp$/);
    expect(result.hiddenText).toBeNull();
  });

  it('refuses a PDF whose only text is hidden with no_text_found, saying why', async () => {
    const data = writePdf([{ texts: [{ text: KEYWORDS, x: 50, y: 700, color: [1, 1, 1] }] }]);
    const err = await extractTextHere({ data }).then(
      () => null,
      (e: unknown) => e as ExtractionError,
    );
    expect({ code: err?.code, status: err?.statusCode }).toEqual({ code: 'no_text_found', status: 422 });
    expect(err?.message).toMatch(/hidden/);
  });

  it('removes hidden words inside a visible line and names the page of each', async () => {
    const data = writePdf([
      { texts: [VISIBLE] },
      {
        texts: [
          { text: 'Skills: SQL', x: 50, y: 700 },
          { text: ' Kafka', x: 110, y: 700, color: [1, 1, 1] },
          { text: 'Python', x: 50, y: 680 },
          { text: 'ML AI', x: 50, y: 660, renderMode: 3 },
          { text: 'Rust', x: 50, y: 640, size: 2 },
          { text: 'Scala', x: 50, y: 620, size: 1 },
        ],
      },
    ]);
    const result = await extractTextHere({ data });
    expect(result.text).toBe('Jane Smith, backend developer\n\nSkills: SQL\nPython');
    expect(result.hiddenText).toEqual({
      chars: 'Kafka'.length + 'ML AI'.length + 'Rust'.length + 'Scala'.length,
      samples: ['Kafka', 'ML AI', 'Rust'],
      reasons: [
        { reason: 'white_text', page: 2, chars: 5 },
        { reason: 'invisible', page: 2, chars: 5 },
        { reason: 'tiny_font', page: 2, chars: 9 },
      ],
    });
  });
});

describe('hidden text in DOCX', () => {
  it('leaves out hidden (w:vanish), white and sub-4-pt runs and reports each', async () => {
    const documentXml = docXml(
      run('Jane Smith, backend developer'),
      run('Python and SQL. ') + run('Kubernetes Terraform', '<w:vanish/>'),
      run('Golang Rust', '<w:color w:val="FFFFFF"/>'),
      run('Experience: Acme Corp') + run(' Kafka', '<w:sz w:val="2"/>'),
      run('Shown again', '<w:vanish w:val="0"/><w:color w:val="000000"/>'),
    );
    const result = await extractTextHere({ data: makeDocx({ documentXml }) });
    expect(result.text).toBe('Jane Smith, backend developer\n\nPython and SQL.\n\nExperience: Acme Corp\n\nShown again');
    expect(result.hiddenText).toEqual({
      chars: 'Kubernetes Terraform'.length + 'Golang Rust'.length + 'Kafka'.length,
      samples: ['Kubernetes Terraform', 'Golang Rust', 'Kafka'],
      reasons: [
        { reason: 'hidden_format', page: null, chars: 20 },
        { reason: 'white_text', page: null, chars: 11 },
        { reason: 'tiny_font', page: null, chars: 5 },
      ],
    });
  });

  it('reads hidden runs written by a real DOCX library', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Иван Петров, разработчик')] }),
            new Paragraph({ children: [new TextRun({ text: 'Kubernetes Kafka', vanish: true }), new TextRun({ text: 'Go', color: 'FFFFFF' })] }),
          ],
        },
      ],
    });
    const result = await extractTextHere({ data: await Packer.toBuffer(doc) });
    expect(result.text).toBe('Иван Петров, разработчик');
    expect(result.hiddenText?.reasons.map((r) => r.reason)).toEqual(['hidden_format', 'white_text']);
  });

  it('follows styles: a character or paragraph style that hides, through basedOn, and the document defaults', async () => {
    const style = (type: string, id: string, inner: string, extra = '') => `<w:style w:type="${type}" w:styleId="${id}"${extra}><w:name w:val="${id}"/>${inner}</w:style>`;
    const stylesXml = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>${[
      style('paragraph', 'Normal', '<w:rPr><w:color w:val="000000"/></w:rPr>', ' w:default="1"'),
      style('character', 'Ghost', '<w:rPr><w:vanish/></w:rPr>'),
      style('character', 'GhostChild', '<w:basedOn w:val="Ghost"/><w:rPr><w:b/></w:rPr>'),
      style('paragraph', 'Snow', '<w:basedOn w:val="Normal"/><w:rPr><w:color w:val="ffffff"/></w:rPr>'),
    ].join('')}</w:styles>`;
    const documentXml = docXml(
      run('Jane Smith, backend developer'),
      run('Python. ') + run('Kubernetes', '<w:rStyle w:val="Ghost"/>'),
      run('Terraform', '<w:rStyle w:val="GhostChild"/>'),
      `<w:pPr><w:pStyle w:val="Snow"/></w:pPr>${run('Golang Rust')}${run('Readable on purpose', '<w:color w:val="202020"/>')}`,
      run('Acme Corp'),
    );
    const result = await extractTextHere({ data: makeDocx({ documentXml, stylesXml }) });
    expect(result.text).toBe('Jane Smith, backend developer\n\nPython.\n\nReadable on purpose\n\nAcme Corp');
    expect(result.hiddenText?.reasons).toEqual([
      { reason: 'hidden_format', page: null, chars: 'Kubernetes'.length + 'Terraform'.length },
      { reason: 'white_text', page: null, chars: 'Golang Rust'.length },
    ]);
    // Tiny text by the document defaults.
    const tinyDefaults = stylesXml.replace('<w:sz w:val="22"/>', '<w:sz w:val="4"/>');
    const tiny = await extractTextHere({ data: makeDocx({ documentXml: docXml(run('Visible heading', '<w:sz w:val="28"/>'), run('keyword soup')), stylesXml: tinyDefaults }) });
    expect(tiny.text).toBe('Visible heading');
    expect(tiny.hiddenText?.reasons).toEqual([{ reason: 'tiny_font', page: null, chars: 'keyword soup'.length }]);
  });

  it('ignores formatting inside a tracked change (w:rPrChange) and keeps the text of ordinary runs untouched', () => {
    const xml = docXml(run('Kept &amp; shown', '<w:b/><w:rPrChange w:id="1"><w:rPr><w:vanish/></w:rPr></w:rPrChange>'));
    expect(removeHiddenRuns(xml)).toEqual({ xml, hidden: [] });
  });

  it('walks hostile XML in linear time', () => {
    // CPU time, not wall-clock time, and the least of three runs: on a busy machine the process waits for a core, and
    // those waits are not the walk's cost.
    const time = (n: number, unit: string) => {
      const xml = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = process.cpuUsage();
        removeHiddenRuns(xml, readStyles(xml));
        const used = process.cpuUsage(started);
        best = Math.min(best, (used.user + used.system) / 1000);
      }
      return best;
    };
    for (const unit of ['<', '<w:style w:styleId="a"><w:basedOn w:val="a"/><w:rPr><w:vanish/>', '<w:r><w:rPr><w:vanish/>', '<w:r><w:rPr><w:vanish/></w:rPr><w:t>&#x', '<w:t>', '&amp;&#12;', '<w:r ']) {
      const small = time(100_000, unit);
      expect(small, unit).toBeLessThan(1000);
      const large = time(800_000, unit);
      // Eight times the input costs about eight times as long (a quadratic walk: 64); the slack is for the collector.
      expect(large / Math.max(small, 2), unit).toBeLessThan(32);
    }
  });
});
