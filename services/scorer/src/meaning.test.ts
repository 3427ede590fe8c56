import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@rc/config';
import { scoreLexical } from '@rc/lexical';
import { SentenceEmbedder } from '@rc/model-runtime';
import { meaningScore, refineByMeaning, type Embed, type MeaningThresholds } from './meaning.ts';

// The shipped embedder with the cosines the shipped fit score was fitted with.
const calibration = JSON.parse(readFileSync(join(repoRoot, 'models/resume-fit/calibration.json'), 'utf8')) as { meaning: MeaningThresholds };
const thresholds = calibration.meaning;
let embedder: SentenceEmbedder;
let embed: Embed;
beforeAll(async () => {
  embedder = await SentenceEmbedder.load(join(repoRoot, 'models/sentence-embed'));
  embed = (texts, kind) => embedder.embed(texts, kind);
}, 60_000);
afterAll(() => embedder?.close());

const resume = `Maria Lopez — Engineering Manager
Led a team of four backend engineers through a migration to event-driven services.
Hired and mentored two junior developers; ran weekly one-to-ones.`;

const row = (s: Awaited<ReturnType<typeof refineByMeaning>>, has: string) => s.requirements.find((r) => r.text.includes(has))!;

describe('requirements matched by meaning (shipped sentence embedder)', () => {
  const ruResume = `Ольга Смирнова — главный бухгалтер
Руководил командой из 5 человек.
Вёл расчёт зарплаты на 800 человек в ЗУП.`;

  it('raises a row the words miss and points at the sentence that shows it', async () => {
    const vacancy = 'Требования:\n- управление командой\n- знание МСФО';
    const words = scoreLexical({ vacancyText: vacancy, resumeText: ruResume });
    expect(row(words, 'управление командой').status).not.toBe('met');
    const s = await refineByMeaning(words, ruResume, embed, thresholds);
    const lead = row(s, 'управление командой');
    expect(['partial', 'met']).toContain(lead.status);
    expect(lead.score).toBeGreaterThan(row(words, 'управление командой').score);
    expect(lead.evidence!.text).toBe('Руководил командой из 5 человек.');
    expect(ruResume.slice(lead.evidence!.start, lead.evidence!.end)).toBe(lead.evidence!.text);
    // nothing in the resume speaks of IFRS: the row stays missing
    expect(row(s, 'МСФО').status).toBe('missing');
    expect(s.components.rows_by_meaning).toBe(1);
    expect(s.components.must_coverage).toBeGreaterThan(words.components.must_coverage!);
  });

  it('does not take an unrelated sentence for evidence', async () => {
    const vacancy = 'Requirements:\n- Experience leading a team of engineers\n- Kubernetes operators';
    const chef = 'Chef de partie at a hotel kitchen.\nPrepared sauces and fish for 200 covers a night.';
    const words = scoreLexical({ vacancyText: vacancy, resumeText: chef });
    const s = await refineByMeaning(words, chef, embed, thresholds);
    expect(s.requirements.map((r) => r.status)).toEqual(['missing', 'missing']);
  });

  it('never lowers a row and leaves years, education and language rows to the facts', async () => {
    const vacancy = 'Requirements:\n- 5+ years of experience leading teams\n- Backend engineers migration\n- English C1';
    const words = scoreLexical({ vacancyText: vacancy, resumeText: resume });
    const s = await refineByMeaning(words, resume, embed, thresholds);
    s.requirements.forEach((r, i) => {
      expect(r.score).toBeGreaterThanOrEqual(words.requirements[i]!.score);
      if (r.years || r.kind === 'language' || r.kind === 'education') expect(r).toEqual(words.requirements[i]);
    });
  });

  it('maps cosines onto the row scale monotonically: partial threshold → partly met, met threshold → met', () => {
    const t = { partial: 0.86, met: 0.88 };
    expect(meaningScore(0.85, t)).toBe(0);
    expect(meaningScore(0.86, t)).toBeCloseTo(0.3, 6);
    expect(meaningScore(0.88, t)).toBeCloseTo(0.6, 6);
    expect(meaningScore(0.99, t)).toBe(1);
    expect(meaningScore(0.87, t)).toBeGreaterThan(meaningScore(0.865, t));
  });
});
