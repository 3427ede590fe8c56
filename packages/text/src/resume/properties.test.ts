/**
 * Properties of the resume reader on arbitrary Unicode and on resumes cut and shuffled at random: it never throws, every
 * span lies inside the text, sections and contacts are ordered and disjoint, a job's text is its span, years are never
 * negative and never exceed the time its dates cover.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@rc/testing/screening';
import { readResume, yearsWhere, type ResumeFacts } from './index.ts';

const now = new Date('2026-11-15T12:00:00Z');
const dir = join(resolve(dirname(fileURLToPath(import.meta.url)), '../../../..'), 'data/dev/resumes');
const resumes = ['01-en-software.txt', '11-en-software-pdf.txt', '16-ru-software-hh.txt', '20-ru-truck.txt', '24-ru-welding-pdf.txt'].map((f) =>
  readFileSync(join(dir, f), 'utf8'),
);

// Characters the reader treats specially, and some it must merely survive: surrogate pairs, combining marks, RTL.
const ALPHABET = [...'0123456789@.-–—/|:;,()+ \n\t\r§•·АаВвСсЕеМмABCDEMxyzёЁ\u0301\u200b\u00a0\u2028\u05d0\u0627', '😀', '𝔘', '\ud800'];

function randomText(rand: () => number, length: number): string {
  let s = '';
  while (s.length < length) {
    const r = rand();
    if (r < 0.6) s += ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
    else if (r < 0.8) s += String.fromCodePoint(Math.floor(rand() * 0x2ffff));
    else s += ['2019 – present', 'Jan 2015', 'Опыт работы', '\nEducation\n', 'н.в.', '03/2017', 'категории B, C', 'a@b.co'][Math.floor(rand() * 8)]!;
  }
  return s;
}

/** A resume with lines dropped, repeated and swapped, as a careless copy or a bad extraction leaves it. */
function mangled(rand: () => number, text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const r = rand();
    if (r < 0.1) continue;
    out.push(r < 0.2 ? line.slice(0, Math.floor(rand() * line.length)) : line);
    if (r > 0.95) out.push(line);
  }
  for (let i = 0; i < 3; i++) {
    const a = Math.floor(rand() * out.length);
    const b = Math.floor(rand() * out.length);
    [out[a], out[b]] = [out[b]!, out[a]!];
  }
  return out.join(rand() < 0.5 ? '\n' : ' ');
}

function checkInvariants(text: string, f: ResumeFacts): void {
  const inside = (s: number, e: number) => s >= 0 && e <= text.length && s <= e;
  let last = -1;
  for (const s of f.sections) {
    expect(inside(s.start, s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(last);
    last = s.end;
  }
  last = -1;
  for (const c of f.contactSpans) {
    expect(inside(c.start, c.end)).toBe(true);
    expect(c.start).toBeGreaterThanOrEqual(last);
    last = c.end;
  }
  for (const j of f.jobs) {
    expect(inside(j.span[0], j.span[1])).toBe(true);
    expect(text.slice(j.span[0], j.span[1])).toBe(j.text);
  }
  for (const x of [...f.education.map((e) => e.span), ...f.skillsLines.map((l) => [l.start, l.end] as const)]) expect(inside(x[0], x[1])).toBe(true);
  for (const x of [...f.languages, ...f.licences]) expect(inside(x.start, x.end)).toBe(true);
  if (f.totalYears === null) expect(f.jobs).toEqual([]);
  else {
    expect(f.totalYears).toBeGreaterThanOrEqual(0);
    // never more than from the earliest start to now
    const earliest = Math.min(...f.jobs.map((j) => j.start.year));
    expect(f.totalYears).toBeLessThanOrEqual(2027 - earliest);
    expect(yearsWhere(f, () => true)).toBe(f.totalYears);
  }
  expect(yearsWhere(f, () => false)).toBe(0);
}

describe('resume reader properties', () => {
  it('holds its invariants on arbitrary Unicode', () => {
    const rand = seededRandom(17);
    for (let i = 0; i < 300; i++) {
      const text = randomText(rand, Math.floor(rand() * 600));
      checkInvariants(text, readResume(text, { now }));
    }
  });

  it('holds its invariants on resumes cut, repeated and shuffled at random', () => {
    const rand = seededRandom(19);
    for (let i = 0; i < 200; i++) {
      const text = mangled(rand, resumes[i % resumes.length]!);
      checkInvariants(text, readResume(text, { now }));
    }
  });

  it('reads a resume the same wherever it sits in a longer text', () => {
    const text = resumes[0]!;
    const alone = readResume(text, { now });
    const padded = readResume(`\n\n${text}`, { now });
    expect(padded.totalYears).toBe(alone.totalYears);
    expect(padded.jobs.map((j) => j.span[0] - 2)).toEqual(alone.jobs.map((j) => j.span[0]));
  });
});
