/**
 * The screening data set (job descriptions, resumes, ground-truth pairs; Apache-2.0, see datasets/screening/NOTICE)
 * for tests and benchmarks that check behaviour on real texts. It ships in the repository, so a test that needs it
 * fails rather than skips when it is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The data set's folder: RC_SCREENING_DATA when set (another copy), else the one shipped in the repository. */
export const screeningDataDir: string = process.env.RC_SCREENING_DATA || join(repoRoot, 'datasets/screening');

/** Rows of one CSV of the data set without its header, e.g. readScreening('jd1'); throws if the file is absent. */
export function readScreening(name: string): string[][] {
  const file = join(screeningDataDir, `${name}.csv`);
  if (!existsSync(file)) {
    throw new Error(`screening data set not found: ${file} is missing (it ships in datasets/screening; RC_SCREENING_DATA points elsewhere)`);
  }
  return parseCsv(readFileSync(file, 'utf8')).slice(1);
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
