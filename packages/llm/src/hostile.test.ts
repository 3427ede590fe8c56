/**
 * Hostile text: masking, prompt building, answer parsing and grounding on 100,000-character adversarial input stay
 * fast and linear, and masking still hides contacts inside arbitrary Unicode.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGrowth, HOSTILE_TEXTS, looksLinear, measureGrowth } from '@rc/testing/hostile';
import { findNames, maskPersonalData, toFineTuningJsonl } from './fine-tuning.ts';
import { checkGrounding } from './grounding.ts';
import { extractJsonObject, parseAdvice } from './parse.ts';
import { buildAdviceMessages, neutraliseMarkers } from './prompt.ts';
import { englishInput, englishScoring } from './test-fixtures.ts';

const BUDGET_MS = 1_000;

const advice = (text: string) => ({
  strengths: [text.slice(0, 500), 'Strong TypeScript'],
  weaknesses: [],
  rewrite_suggestions: [],
  learning_recommendations: [],
  reflection_points: [],
  upgrades: '',
});

const FUNCTIONS: Record<string, (text: string) => unknown> = {
  maskPersonalData: (text) => maskPersonalData(text),
  findNames,
  toFineTuningJsonl: (text) =>
    toFineTuningJsonl([{ messages: [{ role: 'user', content: text }], response: text, parsed: false, grounded: false }], { onlyGood: false }),
  neutraliseMarkers,
  buildAdviceMessages: (text) => buildAdviceMessages({ ...englishInput, vacancyText: text, resumeText: text }),
  extractJsonObject,
  parseAdvice: (text) => parseAdvice(text, 'en'),
  checkGrounding: (text) => checkGrounding(advice(text), { resumeText: text, scoring: englishScoring() }),
};

describe.each(Object.entries(FUNCTIONS))('%s on 100,000 hostile characters', (_name, fn) => {
  it.each(Object.keys(HOSTILE_TEXTS))('%s', (kind) => {
    const growth = measureGrowth(fn, HOSTILE_TEXTS[kind]!, { runs: 2 });
    expect(growth.largeMs).toBeLessThan(BUDGET_MS);
    expect(looksLinear(growth), describeGrowth(growth)).toBe(true);
  }, 60_000);
});

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const noise = fc
  .array(fc.oneof(codeUnit, fc.string({ unit: 'binary', maxLength: 5 }), fc.constantFrom('\n', ' ', '.', '@', ':', '<resume>', 'Name: ')), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('masking arbitrary Unicode', () => {
  it('hides an e-mail, a phone and a profile link wherever they stand, and repeats itself', () => {
    fc.assert(
      fc.property(noise, noise, (before, after) => {
        const text = `${before}\nmail ivan.petrov@example.com, +7 (999) 123-45-67, linkedin.com/in/ivanpetrov\n${after}`;
        const masked = maskPersonalData(text);
        expect(masked).not.toContain('ivan.petrov@example.com');
        expect(masked).not.toContain('123-45-67');
        expect(masked).not.toContain('linkedin.com/in/ivanpetrov');
        expect(maskPersonalData(text)).toBe(masked);
      }),
      { numRuns: 300 },
    );
  });
});

describe('marker neutralising', () => {
  // The patterns before they were made linear: the same output is expected wherever they are cheap to run.
  const oldPlain = /<\s*(\/?)\s*(resume|vacancy|requirements)\b[^>]*>/gi;
  const oldEscaped = /&lt;\s*(\/?)\s*(resume|vacancy|requirements)\b.*?&gt;/gi;
  const old = (text: string) => text.replace(oldPlain, '[$1$2]').replace(oldEscaped, '[$1$2]');
  const parts = ['<', '>', '/', ' ', '\n', 'resume', 'vacancy', 'x', '&lt;', '&gt;', 's', '\r', '\u2028'];

  it('gives what the old patterns gave', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(neutraliseMarkers(text)).toBe(old(text));
      }),
      { numRuns: 3000 },
    );
  });
});
