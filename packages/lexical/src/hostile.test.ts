/** Hostile text: lexical scoring of 100,000-character adversarial vacancies and resumes stays fast, linear and sane. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGrowth, HOSTILE_TEXTS, looksLinear, measureGrowth } from '@rc/testing/hostile';
import { scoreLexical } from './score.ts';

const BUDGET_MS = 1_000;
const VACANCY = 'Backend developer\nRequirements:\n- 3+ years of Python\n- Django or FastAPI\n- PostgreSQL, Docker\nNice to have: Kubernetes';
const RESUME = 'Python developer, 4 years. Built Django services on PostgreSQL; shipped them in Docker containers.';

function expectSane(result: ReturnType<typeof scoreLexical>, resumeText: string): void {
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(1);
  for (const r of result.requirements) {
    expect(Number.isFinite(r.score)).toBe(true);
    if (r.evidence) expect(resumeText.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.text);
  }
}

describe.each([
  ['a hostile vacancy', (text: string) => scoreLexical({ vacancyText: text, resumeText: RESUME })],
  ['a hostile resume', (text: string) => scoreLexical({ vacancyText: VACANCY, resumeText: text })],
])('lexical scoring of %s of 100,000 characters', (_what, fn) => {
  it.each(Object.keys(HOSTILE_TEXTS))('%s', (kind) => {
    const growth = measureGrowth(fn, HOSTILE_TEXTS[kind]!, { runs: 2 });
    expect(growth.largeMs).toBeLessThan(BUDGET_MS);
    expect(looksLinear(growth), describeGrowth(growth)).toBe(true);
  }, 60_000);
});

describe('lexical scoring of arbitrary Unicode', () => {
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  const piece = fc.oneof(codeUnit, fc.string({ unit: 'binary', maxLength: 6 }),
    fc.constantFrom('\n', ' ', '- ', 'Requirements:', 'Python', 'Django', ' or ', 'such as ', '.', ',', 'опыт', '\u0000', '\ud800'));
  const text = fc.array(piece, { maxLength: 50 }).map((parts) => parts.join(''));

  it('gives a score in [0, 1], evidence that slices the resume, and the same result twice', () => {
    fc.assert(
      fc.property(text, text, (vacancyText, resumeText) => {
        const result = scoreLexical({ vacancyText, resumeText });
        expectSane(result, resumeText);
        expect(scoreLexical({ vacancyText, resumeText })).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });
});
