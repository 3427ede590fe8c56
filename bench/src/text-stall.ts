/**
 * How long the event loop stands still while a 100,000-character hostile pair is analysed (lexical scoring and the
 * resume reader), side by side in one run: analysed on the event loop, as the scorer did before, and in the
 * text-analysis workers, as it does now. In embedded mode every HTTP request waits out such a stall. And what the
 * workers cost a ranking: its lexical estimate over 1,000 real pairs, on the loop and in the worker's chunks.
 */
import { analyseText, analyseTexts, TextAnalysisPool } from '@rc/lexical';
import { HOSTILE_TEXTS } from '@rc/testing/hostile';
import { readScreening } from '@rc/testing/screening';
import { writeResult } from './report.ts';

const CHARS = 100_000;

/** The longest gap between turns of the event loop while `work` is pending. */
async function longestPause(work: Promise<unknown>): Promise<number> {
  let done = false;
  void work.finally(() => (done = true));
  let longest = 0;
  let last = performance.now();
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }
  await work;
  return longest;
}

export async function benchTextStall(): Promise<void> {
  const pool = new TextAnalysisPool({ timeoutMs: 120_000 });
  await pool.warm();
  const pairs = Object.entries(HOSTILE_TEXTS).map(([kind, make]) => {
    const text = make(CHARS);
    return { kind, pair: { vacancyText: text, resumeText: text, now: '2026-01-01T00:00:00.000Z' } };
  });
  // The worker runs come first, so that garbage the on-loop runs leave behind does not pause the loop in theirs.
  const inWorker: number[] = [];
  const jds = readScreening('jd1').map((r) => `${r[0]}\n${r[1]}`);
  const cvs = readScreening('resumes1').map((r) => r.join('\n'));
  const ranking = Array.from({ length: 1_000 }, (_, i) => ({ vacancyText: jds[i % jds.length]!, resumeText: cvs[(i * 7) % cvs.length]! }));
  let rankingInWorkerMs: number;
  try {
    for (const { pair } of pairs) inWorker.push(await longestPause(pool.analyseText(pair)));
    const started = performance.now();
    await pool.analyseTexts(ranking);
    rankingInWorkerMs = performance.now() - started;
  } finally {
    await pool.close();
  }
  const rankingStarted = performance.now();
  analyseTexts(ranking);
  const rankingOnLoopMs = performance.now() - rankingStarted;
  const rows = pairs.map(({ kind, pair }, i) => {
    // On the loop the whole analysis is one synchronous stretch: the loop stands still for all of it.
    const started = performance.now();
    analyseText(pair);
    const onLoopMs = performance.now() - started;
    return { text: kind, onLoopMs: Math.round(onLoopMs), inWorkerMs: Math.round(inWorker[i]! * 10) / 10 };
  });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const worst = rows.reduce((a, b) => (b.onLoopMs > a.onLoopMs ? b : a));
  const worstWorker = Math.max(...rows.map((r) => r.inWorkerMs));
  const markdown = `
| event loop stalled by one 100,000-character hostile pair (both sides), ${rows.length} kinds of hostile text | on the event loop (before) | in the text-analysis worker (now) |
| --- | --- | --- |
| worst kind (${worst.text}) | ${worst.onLoopMs} ms | ${worst.inWorkerMs} ms longest pause (${Math.round(worst.onLoopMs / Math.max(worst.inWorkerMs, 0.1))}× shorter) |
| longest pause over all kinds | ${Math.max(...rows.map((r) => r.onLoopMs))} ms | ${worstWorker} ms |
| median over the kinds | ${median(rows.map((r) => r.onLoopMs))} ms | ${median(rows.map((r) => r.inWorkerMs))} ms |
| a ranking's lexical estimate, 1,000 real pairs (time to the result) | ${Math.round(rankingOnLoopMs)} ms, all of it a stall | ${Math.round(rankingInWorkerMs)} ms in chunks of 25 |
`;
  writeResult('text-stall', { chars: CHARS, rows, ranking: { pairs: ranking.length, onLoopMs: Math.round(rankingOnLoopMs), inWorkerMs: Math.round(rankingInWorkerMs) } }, markdown);
}
