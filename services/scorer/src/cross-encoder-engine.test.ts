import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrossEncoder } from '@rc/model-runtime';
import { RESUME_EN, RESUME_RU, VACANCY_EN, VACANCY_RU } from '@rc/testing';
import { CrossEncoderEngine } from './cross-encoder-engine.ts';

const modelDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/resume-fit');
const text = (v: { title: string; description: string }) => `${v.title}\n${v.description}`;
const logOdds = (p: number) => Math.log(p / (1 - p));

describe('the cross-encoder engine (shipped model)', () => {
  let engine: CrossEncoderEngine;
  beforeAll(async () => {
    engine = new CrossEncoderEngine(await CrossEncoder.load(modelDir));
  });
  afterAll(async () => {
    await engine?.close();
  });

  const pairs = [
    { vacancyText: text(VACANCY_EN), resumeText: RESUME_EN },
    { vacancyText: text(VACANCY_EN), resumeText: RESUME_RU },
    { vacancyText: text(VACANCY_RU), resumeText: RESUME_RU },
    { vacancyText: 'Pastry chef: croissants, cakes, food safety certificate.', resumeText: RESUME_EN },
  ];

  it('scores a pair in a ranking exactly as its analysis does', async () => {
    const ranked = await engine.scorePairs(pairs);
    for (const [i, pair] of pairs.entries()) {
      expect(ranked[i]).toBeCloseTo((await engine.analyse(pair)).score, 4);
    }
  });

  it('estimates without the model what the full score adds the logit to', async () => {
    const fit = engine['ce'].info.calibration?.fit;
    expect(fit?.weights.pair_logit, 'the shipped calibration weighs the logit in the fit score').toBeTypeOf('number');
    const estimates = await engine.prescorePairs(pairs);
    const full = await engine.scorePairs(pairs);
    let compared = 0;
    let crossLanguage = 0;
    for (const [i, pair] of pairs.entries()) {
      const { pairLogit, lexical } = await engine.features(pair);
      if (lexical.components.cross_language === 1) {
        // the model's judgement is left out where the posting and the resume are in two languages
        crossLanguage++;
        expect(full[i]).toBeCloseTo(estimates[i]!, 10);
        continue;
      }
      if (lexical.components.must_missing) continue; // capped scores are not the sum of their log-odds
      compared++;
      expect(logOdds(full[i]!)).toBeCloseTo(fit!.weights.pair_logit! * pairLogit + logOdds(estimates[i]!), 6);
    }
    expect(compared).toBeGreaterThan(0);
    expect(crossLanguage).toBe(1);
    // the estimate alone already tells the fitting pair from the pastry chef's vacancy
    expect(estimates[0]!).toBeGreaterThan(estimates[3]!);
  });

  it("scores a pair in two languages by its parts alone: the model's logit does not move it, as it does a pair in one", () => {
    const cal = engine['ce'].info.calibration!;
    expect(cal.fit_cross_language, 'the shipped calibration has weights for pairs in two languages').toBeDefined();
    const parts = { must_total: 4, must_met: 4, must_partial: 0, must_missing: 0, must_coverage: 0.9, nice_total: 1, nice_met: 1, nice_coverage: 0.8, experience_fit: 1, title_fit: 0.7, document_overlap: 0.3, years_asked: 2 };
    const cross = { ...parts, cross_language: 1 };
    expect(engine.scoreOf(cross, -5).score).toBe(engine.scoreOf(cross, 5).score);
    expect(engine.scoreOf(parts, 5).score).toBeGreaterThan(engine.scoreOf(parts, -5).score);
  });
});
