/**
 * The resume reader on the project's development set (data/dev/resumes): total years against the hand labels and the
 * education level, with each held-out group reported apart (see the set's README). Prints the per-resume errors it
 * asserts on.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readResume } from './index.ts';

const dir = join(resolve(dirname(fileURLToPath(import.meta.url)), '../../../..'), 'data/dev/resumes');

interface Label {
  file: string;
  language: 'en' | 'ru';
  split: 'dev' | 'heldout' | 'heldout2';
  total_years: number;
  education_level: string;
  languages: { name: string; level?: string }[];
}

const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { as_of: string; resumes: Label[] };
const now = new Date(`${labels.as_of}T12:00:00Z`);

const rows = labels.resumes.map((l) => {
  const facts = readResume(readFileSync(join(dir, l.file), 'utf8'), { now });
  const years = facts.totalYears;
  const found = new Map(facts.languages.map((x) => [x.name, x.level]));
  return {
    ...l,
    years,
    error: years === null ? Infinity : Math.abs(years - l.total_years),
    level: facts.educationLevel,
    languagesFound: l.languages.filter((x) => found.has(x.name)).length,
    languageLevelsRight: l.languages.filter((x) => x.level !== undefined && found.get(x.name) === x.level).length,
    languageLevels: l.languages.filter((x) => x.level !== undefined).length,
  };
});

function summary(part: typeof rows) {
  const within = part.filter((r) => r.error <= 0.5).length;
  const eduRight = part.filter((r) => r.level === r.education_level).length;
  const errors = part.map((r) => r.error).filter(Number.isFinite).sort((a, b) => a - b);
  return {
    n: part.length,
    yearsWithinHalf: within / part.length,
    medianYearsError: errors[Math.floor(errors.length / 2)] ?? Infinity,
    educationRight: eduRight / part.length,
    languagesFound: part.reduce((s, r) => s + r.languagesFound, 0) / Math.max(1, part.reduce((s, r) => s + r.languages.length, 0)),
    languageLevelsRight: part.reduce((s, r) => s + r.languageLevelsRight, 0) / Math.max(1, part.reduce((s, r) => s + r.languageLevels, 0)),
  };
}

describe('resume reader on the development set', () => {
  it('reads total years within ±0.5 and the education level for at least 90 % of resumes', () => {
    for (const r of rows) {
      const flag = r.error > 0.5 || r.level !== r.education_level ? '  <-- ' : '';
      console.log(
        `${r.split.padEnd(8)} ${r.file.padEnd(30)} years ${String(r.years).padStart(6)} / ${String(r.total_years).padStart(6)}` +
          `  err ${Number.isFinite(r.error) ? r.error.toFixed(2) : ' none'}  education ${r.level} / ${r.education_level}${flag}`,
      );
    }
    const all = summary(rows);
    console.log('all      ', JSON.stringify(all));
    for (const split of ['dev', 'heldout', 'heldout2'] as const) console.log(split.padEnd(9), JSON.stringify(summary(rows.filter((r) => r.split === split))));
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(all.yearsWithinHalf).toBeGreaterThanOrEqual(0.9);
    expect(all.educationRight).toBeGreaterThanOrEqual(0.9);
  });
});
