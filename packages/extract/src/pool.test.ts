import { afterEach, describe, expect, it } from 'vitest';
import { ExtractionError } from './extract.ts';
import { ExtractionPool } from './pool.ts';
import { makeDocx } from '@rc/testing/files';

// Slow by size, never by the machine: about a second of mammoth on a fast core, seconds on a slow one.
const hugeDocx = () => makeDocx(Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i} with some words in it`));

const pools: ExtractionPool[] = [];
const pool = (options: ConstructorParameters<typeof ExtractionPool>[0]) => {
  const p = new ExtractionPool(options);
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

async function failure(promise: Promise<unknown>): Promise<ExtractionError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExtractionError);
  return err as ExtractionError;
}

describe('ExtractionPool', () => {
  it('parses in a worker thread: the event loop keeps turning while a huge document is read', async () => {
    const p = pool({ size: 1 });
    await p.warm();
    let done = false;
    const parsing = p.extract({ data: hugeDocx(), timeoutMs: 600_000 }).finally(() => (done = true));
    // Count the turns of the main thread's event loop and its longest pause while the file is parsed.
    let turns = 0;
    let longest = 0;
    let last = performance.now();
    const started = last;
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      turns++;
    }
    const total = performance.now() - started;
    expect((await parsing).text).toContain('Paragraph 1999 with some words in it');
    // Parsed on this thread, one synchronous XML parse would hold the loop for most of the time; in a worker no pause
    // comes near a quarter of it (a ratio, so it holds on any CPU).
    expect(longest).toBeLessThan(total / 4);
    expect(turns).toBeGreaterThan(100);
  }, 300_000);

  it('stops the worker of a file past its deadline, refuses the file with 422 extraction_timeout, and goes on with a new worker', async () => {
    const p = pool({ size: 1 });
    await p.warm();
    const err = await failure(p.extract({ data: hugeDocx(), timeoutMs: 1 }));
    expect({ code: err.code, status: err.statusCode }).toEqual({ code: 'extraction_timeout', status: 422 });
    // The thread that held the file is gone, not left parsing in the background.
    expect(p.stats).toEqual({ busy: 0, queued: 0, workers: 0 });
    const next = await p.extract({ data: Buffer.from('Plain text resume: Go developer'), timeoutMs: 60_000 });
    expect(next.text).toBe('Plain text resume: Go developer');
    expect(p.stats.workers).toBe(1);
  });

  it('bounds the queue: a file beyond the workers and the queue is refused at once with 503 extraction_busy', async () => {
    const p = pool({ size: 1, maxQueue: 1 });
    // Files are taken in synchronously, so small ones fill the worker and the queue as well as slow ones would.
    const data = makeDocx(['Jane Smith', 'Backend developer']);
    const first = p.extract({ data, timeoutMs: 600_000 });
    const second = p.extract({ data, timeoutMs: 600_000 });
    const err = await failure(p.extract({ data, timeoutMs: 600_000 }));
    expect({ code: err.code, status: err.statusCode }).toEqual({ code: 'extraction_busy', status: 503 });
    expect(p.stats.queued + p.stats.busy).toBe(2);
    // The two accepted files are still read in turn.
    await expect(first).resolves.toMatchObject({ fileType: 'docx' });
    await expect(second).resolves.toMatchObject({ fileType: 'docx' });
  });

  it('passes extraction errors through with their code and status', async () => {
    const p = pool({ size: 1 });
    const err = await failure(p.extract({ data: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]) }));
    expect({ code: err.code, status: err.statusCode }).toEqual({ code: 'file_unreadable', status: 422 });
  });

  it('refuses files once closed', async () => {
    const p = pool({ size: 1 });
    const pending = expect(p.extract({ data: hugeDocx(), timeoutMs: 600_000 })).rejects.toThrow(/closed/);
    await p.close();
    await pending;
    await expect(p.extract({ data: Buffer.from('text') })).rejects.toThrow(/closed/);
  });
});
