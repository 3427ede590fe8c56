import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrossEncoder } from '@rc/model-runtime';
import { RESUME_EN, RESUME_RU, VACANCY_EN, VACANCY_RU } from '@rc/testing';
import { CrossEncoderEngine, MODEL_MARGIN } from './cross-encoder-engine.ts';

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

  it("gives a ranking's list its full scores, and the model's logit only to the pairs that can make the list", async () => {
    const many = [
      ...pairs,
      { vacancyText: text(VACANCY_RU), resumeText: RESUME_EN },
      { vacancyText: 'Truck driver, CDL class A, two years of long haul.', resumeText: RESUME_RU },
      { vacancyText: 'Registered nurse for a surgical ward, BLS required.', resumeText: RESUME_EN },
    ];
    const full = await engine.scorePairs(many);
    const sameLanguage = await Promise.all(many.map(async (p) => (await engine.features(p)).lexical.components.cross_language !== 1));
    const ce = engine['ce'];
    const logitsOf = ce.logitsOf.bind(ce);
    let modelled = 0;
    ce.logitsOf = (items) => ((modelled += items.length), logitsOf(items));
    try {
      const limit = 1;
      const best = await engine.scoreBest(many, limit);
      // the model read at most the best limit + MODEL_MARGIN pairs (fewer where pairs in two languages are among
      // them), not every pair in one language
      const cross = sameLanguage.filter((x) => !x).length;
      expect(modelled).toBeGreaterThan(0);
      expect(modelled).toBeLessThanOrEqual(limit + MODEL_MARGIN);
      expect(modelled).toBeLessThan(many.length - cross);
      // every score given is the full score; the pairs in two languages always get theirs (no model needed), and
      // every pair in one language that got a score is one the model read
      best.forEach((b, i) => {
        if (b !== null) expect(b).toBeCloseTo(full[i]!, 10);
        if (!sameLanguage[i]) expect(b).not.toBeNull();
      });
      expect(best.filter((b) => b !== null)).toHaveLength(modelled + cross);
      // and the list's first by the full score is among those scored
      const top = full.indexOf(Math.max(...full));
      expect(best[top]).not.toBeNull();
      // a list as long as the pairs scores every one
      modelled = 0;
      expect((await engine.scoreBest(many, many.length)).every((b, i) => b !== null && Math.abs(b - full[i]!) < 1e-9)).toBe(true);
    } finally {
      ce.logitsOf = logitsOf;
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
