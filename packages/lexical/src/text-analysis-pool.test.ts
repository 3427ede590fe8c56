import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HOSTILE_TEXTS } from '@rc/testing/hostile';
import { fittingResumeEn, fittingResumeRu, unrelatedResumeEn, unrelatedResumeRu, vacancyEn, vacancyRu } from '@rc/testing/fit-pairs';
import { analyseText, analyseTexts } from './text-analysis.ts';
import { chunkPairs, TEXT_ANALYSIS_CHUNK, TextAnalysisError, TextAnalysisPool } from './text-analysis-pool.ts';
import { NEVER_ENDING_ANALYSIS, NEVER_ENDS } from './testing/index.ts';

const pools: TextAnalysisPool[] = [];
const pool = (options: ConstructorParameters<typeof TextAnalysisPool>[0] = {}) => {
  const p = new TextAnalysisPool(options);
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

let server: Server | undefined;
afterAll(() => server?.close());

async function failure(promise: Promise<unknown>): Promise<TextAnalysisError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TextAnalysisError);
  return err as TextAnalysisError;
}

const RESUME = 'Jane Smith. Python developer, 2019 – present: Django services on PostgreSQL, shipped in Docker.';
const PAIRS = [
  { vacancyText: vacancyEn, resumeText: fittingResumeEn },
  { vacancyText: vacancyEn, resumeText: unrelatedResumeEn },
  { vacancyText: vacancyRu, resumeText: fittingResumeRu },
  { vacancyText: vacancyRu, resumeText: unrelatedResumeRu },
  { vacancyText: vacancyEn, resumeText: fittingResumeRu },
];

describe('TextAnalysisPool', () => {
  it('gives what the functions give on this thread, for one pair and for a ranking cut into chunks', async () => {
    const p = pool();
    const now = '2026-03-01T00:00:00.000Z';
    for (const pair of PAIRS) expect(await p.analyseText({ ...pair, now })).toEqual(analyseText({ ...pair, now }));
    // More pairs than one chunk holds, so the chunks are put back together in order.
    const many = Array.from({ length: TEXT_ANALYSIS_CHUNK.pairs * 2 + 3 }, (_, i) => PAIRS[i % PAIRS.length]!);
    const shares: number[] = [];
    const got = await p.analyseTexts(many, (d) => shares.push(d));
    expect(got).toEqual(analyseTexts(many));
    expect(shares).toEqual([TEXT_ANALYSIS_CHUNK.pairs / many.length, (2 * TEXT_ANALYSIS_CHUNK.pairs) / many.length, 1]);
  });

  it("runs a ranking's chunks on every worker at once and puts them back in order", async () => {
    const p = pool({ size: 2 });
    await p.warm();
    const many = Array.from({ length: TEXT_ANALYSIS_CHUNK.pairs * 4 + 1 }, (_, i) => PAIRS[i % PAIRS.length]!);
    const shares: number[] = [];
    const running = p.analyseTexts(many, (d) => shares.push(d));
    // both workers took a chunk at once, none waits in the queue
    expect(p.stats).toMatchObject({ busy: 2, queued: 0 });
    const got = await running;
    expect(got).toEqual(analyseTexts(many));
    expect(shares).toHaveLength(5);
    expect(shares.at(-1)).toBe(1);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });

  it('cuts a ranking into chunks of bounded pairs and characters', () => {
    const big = { vacancyText: 'v'.repeat(100_000), resumeText: 'r'.repeat(100_000) };
    expect(chunkPairs([big, big, big, big, big]).map((c) => c.length)).toEqual([2, 2, 1]);
    expect(chunkPairs(Array.from({ length: 60 }, () => PAIRS[0]!)).map((c) => c.length)).toEqual([25, 25, 10]);
    expect(chunkPairs([])).toEqual([]);
  });

  it('stops a text that never ends at the deadline with text_analysis_timeout, naming no text, and goes on with a new worker', async () => {
    // A deadline a fresh worker meets for a normal pair even on a loaded machine (its first call builds the readers).
    const p = pool({ module: NEVER_ENDING_ANALYSIS, timeoutMs: 3_000 });
    await p.warm();
    const secret = `${NEVER_ENDS} Secret Vacancy Text`;
    const err = await failure(p.analyseText({ vacancyText: secret, resumeText: RESUME }));
    expect({ code: err.code, status: err.statusCode }).toEqual({ code: 'text_analysis_timeout', status: 422 });
    expect(err.message).not.toMatch(/Secret|Jane|Python/);
    // The thread that held the text is gone, not left spinning in the background.
    expect(p.stats).toEqual({ busy: 0, queued: 0, workers: 0 });
    const next = await p.analyseText({ vacancyText: vacancyEn, resumeText: fittingResumeEn });
    expect(next.lexical.score).toBe(analyseText({ vacancyText: vacancyEn, resumeText: fittingResumeEn }).lexical.score);
    // A ranking chunk that never ends is stopped the same way.
    expect((await failure(p.analyseTexts([{ vacancyText: NEVER_ENDS, resumeText: RESUME }]))).code).toBe('text_analysis_timeout');
    expect(p.stats.workers).toBe(0);
  });

  it('keeps answering HTTP while a text that never ends is analysed: the request is served before the analysis is stopped', async () => {
    server = createServer((_req, res) => res.end('pong'));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    const p = pool({ module: NEVER_ENDING_ANALYSIS, timeoutMs: 5_000 });
    await p.warm();
    const order: string[] = [];
    const analysing = failure(p.analyseText({ vacancyText: NEVER_ENDS, resumeText: RESUME })).then((e) => order.push(e.code));
    // On this thread the loop would never turn again; with the text in a worker the request is answered at once.
    order.push(await (await fetch(url)).text());
    await analysing;
    expect(order).toEqual(['pong', 'text_analysis_timeout']);
  }, 30_000);

  it('analyses a 100,000-character hostile text in a worker: the event loop keeps turning meanwhile', async () => {
    const p = pool();
    await p.warm();
    const hostile = HOSTILE_TEXTS['every Unicode plane']!(100_000);
    let done = false;
    let turns = 0;
    let longest = 0;
    let last = performance.now();
    const started = last;
    // Asked for from a timer while the loop below is turning, as a job would ask for it while requests are served.
    const analysing = new Promise((resolve) => setTimeout(resolve, 20))
      .then(() => p.analyseText({ vacancyText: hostile, resumeText: hostile }))
      .finally(() => (done = true));
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      turns++;
    }
    const total = performance.now() - started;
    expect((await analysing).lexical.score).toBeGreaterThanOrEqual(0);
    // Analysed on this thread, the text would hold the loop for all of the time; in a worker no pause comes near a
    // quarter of it (a ratio, so it holds on any CPU).
    expect(longest).toBeLessThan(total / 4);
    expect(turns).toBeGreaterThan(100);
  }, 120_000);
});
