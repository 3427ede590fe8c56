/**
 * The shared screening data set (job descriptions, resumes, ground-truth pairs) for tests that check behaviour on
 * real texts. It lives outside the repository; tests that need it skip where it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

function dataDir(): string | null {
  const candidates = [
    process.env.RC_SCREENING_DATA,
    join(repoRoot, 'shared/data/screening'),
    resolve(repoRoot, '../shared/data/screening'),
  ];
  for (const dir of candidates) if (dir && existsSync(join(dir, 'jd1.csv'))) return dir;
  return null;
}

export const screeningDataDir = dataDir();

/** Rows of one CSV of the data set without its header, e.g. readScreening('jd1'); throws if the data is absent. */
export function readScreening(name: string): string[][] {
  if (!screeningDataDir) throw new Error('screening data set not found (set RC_SCREENING_DATA)');
  return parseCsv(readFileSync(join(screeningDataDir, `${name}.csv`), 'utf8')).slice(1);
}

/** A deterministic pseudo-random generator (mulberry32) for sampling the data set reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
