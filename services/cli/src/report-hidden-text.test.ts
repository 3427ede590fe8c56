import { describe, expect, it } from 'vitest';
import { analysisReport, plain, type AnalysisView } from './report.ts';

const base: AnalysisView = {
  id: 'a',
  status: 'done',
  score: 0.5,
  score_percent: 50,
  verdict: 'partial',
  requirements: [],
  strengths: [],
  weaknesses: [],
  rewrite_suggestions: [],
  learning_recommendations: [],
  reflection_points: [],
  upgrades: '',
  advice_source: null,
  scorer: null,
  language: 'en',
  error: null,
};

const hidden_text = {
  chars: 66,
  samples: ['Kubernetes Terraform'],
  reasons: [
    { reason: 'white_text' as const, page: 1, chars: 33 },
    { reason: 'tiny_font' as const, page: 1, chars: 20 },
    { reason: 'tiny_font' as const, page: 2, chars: 13 },
  ],
};

describe('analysisReport: hidden text', () => {
  it('says in one line how much hidden text was ignored and why, in the report language', () => {
    expect(analysisReport({ ...base, hidden_text }, { width: 200, style: plain })).toContain(
      'We ignored 66 characters of hidden text: white text on page 1, text too small to read on pages 1, 2.',
    );
    expect(analysisReport({ ...base, language: 'ru', hidden_text }, { width: 200, style: plain })).toContain(
      'Не учтён скрытый текст (символов: 66): белый текст на стр. 1, слишком мелкий текст на стр. 1, 2.',
    );
  });

  it('says nothing when the file hid nothing', () => {
    expect(analysisReport({ ...base, hidden_text: null }, { width: 200, style: plain })).not.toMatch(/hidden text/);
    expect(analysisReport(base, { width: 200, style: plain })).not.toMatch(/hidden text/);
  });
});
