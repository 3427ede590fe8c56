/** Hostile text: the rules writer on 100,000-character adversarial resumes and vacancies stays fast and linear. */
import { describe, expect, it } from 'vitest';
import type { Scoring } from '@rc/contracts';
import { describeGrowth, HOSTILE_TEXTS, looksLinear, measureGrowth } from '@rc/testing/hostile';
import { writeRulesAdvice } from './rules.ts';

const BUDGET_MS = 1_000;

function scoringFor(evidence: string): Scoring {
  // Requirement and evidence texts come from the scorer, which cuts sentences to 400 characters.
  const clipped = evidence.slice(0, 400);
  return {
    score: 0.5,
    verdict: 'partial',
    language: 'en',
    engine: 'lexical',
    model: 'test',
    components: {},
    requirements: [
      { text: clipped, importance: 'must', score: 0.7, status: 'met', evidence: { text: clipped, start: 0, end: clipped.length } },
      { text: clipped, importance: 'must', score: 0.4, status: 'partial', evidence: { text: clipped, start: 0, end: clipped.length } },
      { text: clipped, importance: 'nice', score: 0.1, status: 'missing', evidence: null },
      { text: 'Kubernetes and Terraform', importance: 'must', score: 0, status: 'missing', evidence: null },
    ],
  };
}

describe('the rules writer on 100,000 hostile characters', () => {
  it.each(Object.keys(HOSTILE_TEXTS))('%s', (kind) => {
    const make = HOSTILE_TEXTS[kind]!;
    for (const language of ['en', 'ru'] as const) {
      const growth = measureGrowth(
        (text) => writeRulesAdvice({ scoring: scoringFor(text), vacancyText: text, resumeText: text, language }),
        make,
        { runs: 2 },
      );
      expect(growth.largeMs).toBeLessThan(BUDGET_MS);
      expect(looksLinear(growth), describeGrowth(growth)).toBe(true);
    }
  }, 60_000);
});
