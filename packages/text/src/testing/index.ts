/** Helpers for tests of this and other packages: the screening data set, a CSV reader. */
export { parseCsv } from './csv.ts';
export { readScreening, screeningDataDir, seededRandom } from './screening-data.ts';
export { describeGrowth, HOSTILE_TEXTS, looksLinear, measureGrowth, repeatTo, timeOf, type Growth } from './hostile.ts';
