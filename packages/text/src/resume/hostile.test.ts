/**
 * The resume reader on hostile text: long runs of the characters its patterns look for. Each must be read in time
 * linear in its length; the bounds are generous (a fast machine reads 100,000 characters in tens of milliseconds).
 */
import { describe, expect, it } from 'vitest';
import { timeOf } from '@rc/testing/hostile';
import { readResume } from './index.ts';

const now = new Date('2026-11-15T12:00:00Z');

/**
 * Milliseconds of CPU the process spent reading `text`. CPU time, not the clock: on a machine shared with other work
 * the clock also counts the time the reader waited for a core.
 */
function timed(text: string): number {
  return timeOf((t) => readResume(t, { now }), text);
}

/** Best of five after a warm-up run, so neither compilation nor a garbage collection or a busy machine decides. */
function best(text: string): number {
  timed(text);
  let t = Infinity;
  for (let i = 0; i < 5; i++) t = Math.min(t, timed(text));
  return t;
}

const N = 100_000;
const cases: [string, (n: number) => string][] = [
  ['@', (n) => '@'.repeat(n)],
  ['.', (n) => '.'.repeat(n)],
  ['-', (n) => '-'.repeat(n)],
  ['digits', (n) => '7'.repeat(n)],
  ['one long word', (n) => 'a'.repeat(n)],
  ['one long Cyrillic word', (n) => 'я'.repeat(n)],
  ['spaces then a letter', (n) => `${' '.repeat(n - 1)}x`],
  ['a@ pairs', (n) => 'a@'.repeat(n / 2)],
  ['e-mail-like run', (n) => `${'a.'.repeat(n / 2 - 10)}@b.c`],
  ['www. run', (n) => 'www.'.repeat(n / 4)],
  ['dates and dashes', (n) => '2019 – '.repeat(n / 7)],
  ['month years', (n) => 'Jan 2015 - '.repeat(n / 11)],
  ['digit groups', (n) => '12-34 '.repeat(n / 6)],
  ['headings', (n) => 'Опыт работы\n'.repeat(n / 12)],
  ['dated lines', (n) => '03/2017–11/2020 Acme\n'.repeat(n / 21)],
  ['stated years', (n) => 'опыт 5 лет '.repeat(n / 11)],
  ['languages', (n) => 'Languages: English B2, '.repeat(n / 23)],
  ['category letters', (n) => 'категории B, C, '.repeat(n / 16)],
  ['brackets', (n) => '('.repeat(n)],
  ['newlines', (n) => '\n'.repeat(n)],
  ['merged columns', (n) => `Experience\n${`Senior Developer${' '.repeat(40)}SQL\n2019 – 2021${' '.repeat(40)}Excel\n`.repeat(n / 120)}`],
  ['months of one year', (n) => 'март–апрель 2019 '.repeat(n / 17)],
];

describe('hostile input', () => {
  it.each(cases)('%s: 100,000 characters well under a second, growing linearly', (_name, make) => {
    const big = make(N);
    expect(big.length).toBeGreaterThan(N * 0.95);
    const t = best(big);
    expect(t).toBeLessThan(1000);
    // Four times the text must not take much more than four times as long (a quadratic reader takes sixteen, every
    // time); times under 10 ms are mostly noise (a collection of the heap), so they count as 10, and a busy machine
    // gets two more tries.
    const smallText = make(N / 4);
    let ratio = t / Math.max(best(smallText), 10);
    for (let attempt = 0; attempt < 2 && ratio >= 12; attempt++) ratio = Math.min(ratio, best(big) / Math.max(best(smallText), 10));
    expect(ratio).toBeLessThan(12);
  });
});
