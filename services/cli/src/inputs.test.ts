import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePdf } from '@rc/testing/files';
import { readResume } from './inputs.ts';

const dir = mkdtempSync(join(tmpdir(), 'rc-cli-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readResume', () => {
  it('reads a PDF without its hidden text and keeps the report of it', async () => {
    const file = join(dir, 'cv.pdf');
    writeFileSync(
      file,
      writePdf([{ texts: [{ text: 'Jane Doe, Python developer', x: 50, y: 780 }, { text: 'Kubernetes Kafka', x: 50, y: 760, renderMode: 3 }] }]),
    );
    const resume = await readResume(file, 100_000);
    expect(resume.content).toBe('Jane Doe, Python developer');
    expect(resume.hiddenText).toEqual({ chars: 16, samples: ['Kubernetes Kafka'], reasons: [{ reason: 'invisible', page: 1, chars: 16 }] });
  });
});
