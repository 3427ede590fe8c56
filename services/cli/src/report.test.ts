import { describe, expect, it } from 'vitest';
import { fitSummaryOf } from '@rc/contracts';
import { analysisReport, fitLine, plain, resumeFactsLine, type AnalysisView } from './report.ts';

const facts = {
  total_years: 7.3,
  stated_years: null,
  jobs: 3,
  education_level: 'master' as const,
  education: [{ level: 'master' as const }],
  languages: [{ name: 'English', level: 'B2' }, { name: 'Russian', level: 'native' }],
  licences: [{ kind: 'driving' as const, name: 'Права категории B, C', categories: ['B', 'C'] }],
};

describe('resume facts in the report', () => {
  it('makes one line in the report language', () => {
    expect(resumeFactsLine(facts, 'en')).toBe("From the resume: 7.3 years of experience · master's degree · English B2 · Russian native · driving licence B, C");
    expect(resumeFactsLine(facts, 'ru')).toBe('По резюме: 7,3 года опыта · магистр · английский B2 · русский родной · права категории B, C');
    expect(resumeFactsLine({ ...facts, total_years: 5, languages: [], licences: [], education_level: null }, 'ru')).toBe('По резюме: 5 лет опыта');
    expect(resumeFactsLine({ ...facts, total_years: null, stated_years: null, jobs: 0, languages: [], licences: [], education_level: null }, 'en')).toBe(
      'From the resume: no dated jobs found',
    );
    expect(resumeFactsLine(null, 'en')).toBe('');
  });

  it('prints the line under the score', () => {
    const a: AnalysisView = {
      id: 'a', status: 'done', score: 0.8, score_percent: 80, verdict: 'strong', requirements: [], resume_facts: facts,
      strengths: [], weaknesses: [], rewrite_suggestions: [], learning_recommendations: [], reflection_points: [], upgrades: '',
      advice_source: null, scorer: null, language: 'en', error: null,
    };
    const lines = analysisReport(a, { width: 80, style: plain }).split('\n');
    expect(lines[0]).toContain('Score: 80%');
    // wrapped to the terminal's width
    expect(`${lines[1]} ${lines[2]}`).toBe("From the resume: 7.3 years of experience · master's degree · English B2 · Russian native · driving licence B, C");
  });
});

describe('what the score is made of, in the report', () => {
  const fit = fitSummaryOf({
    must_total: 9, must_met: 7, must_partial: 1, nice_total: 4, nice_met: 2, years_asked: 3, years_shown: 5.2, capped: 1,
    must_coverage: 0.8, nice_coverage: 0.5, experience_fit: 1, title_fit: 0.9, document_overlap: 0.4, pair_probability: 0.7,
  });

  it('spells out must-haves, nice-to-haves, years and the cap in the report language', () => {
    expect(fitLine(fit, 'en')).toBe(
      'The score is made of: 7 of 9 must-haves shown (1 partly) · 2 of 4 nice-to-haves · 5.2 years against 3 asked · must-haves it does not show in full hold it below a strong fit',
    );
    expect(fitLine({ ...fit!, capped: false, must_partial: 0, nice_total: 0 }, 'ru')).toBe(
      'Из чего сложилась оценка: обязательных требований подтверждено: 7 из 9 · опыт 5,2 г. при запрошенных 3',
    );
    expect(fitLine({ ...fit!, years: { shown: null, asked: 2 }, must_total: 0, nice_total: 0, capped: false }, 'en')).toBe(
      'The score is made of: no dated jobs against 2 years asked',
    );
    expect(fitSummaryOf({ must_total: 2, must_met: 1, must_coverage: 0.5, years_asked: 3, years_shown: 0, years_overall: 11.3 })!.years).toEqual({ shown: 0, asked: 3, overall: 11.3 });
    expect(fitLine({ ...fit!, years: { shown: 0, asked: 3, overall: 11.3 }, must_total: 0, nice_total: 0, capped: false }, 'en')).toBe(
      'The score is made of: 11.3 years in all, in no job that names what is asked (counted half), against 3 asked',
    );
  });

  it("says when the resume and the vacancy are in two languages, and leaves the model's part out then", () => {
    const cross = fitSummaryOf({ must_total: 4, must_met: 3, must_coverage: 0.75, pair_probability: 0.02, cross_language: 1 });
    expect(cross).toMatchObject({ languages_differ: true });
    expect(cross!.parts.model).toBeUndefined();
    expect(fitLine(cross, 'en')).toBe(
      'The score is made of: 3 of 4 must-haves shown · the resume and the vacancy are in different languages: matched by meaning, without the whole-text model',
    );
    expect(fitLine(cross, 'ru')).toContain('резюме и вакансия на разных языках');
    const same = fitSummaryOf({ must_total: 4, must_met: 3, must_coverage: 0.75, pair_probability: 0.02, cross_language: 0 });
    expect(same!.languages_differ).toBeUndefined();
    expect(same!.parts.model).toBe(0.02);
  });

  it('is absent for results scored before the score had parts', () => {
    expect(fitSummaryOf({ requirement_coverage: 0.5, document_overlap: 0.2 })).toBeNull();
    expect(fitLine(null, 'en')).toBe('');
  });

  it('is printed under the score', () => {
    const a: AnalysisView = {
      id: 'a', status: 'done', score: 0.6, score_percent: 60, verdict: 'partial', requirements: [], fit,
      strengths: [], weaknesses: [], rewrite_suggestions: [], learning_recommendations: [], reflection_points: [], upgrades: '',
      advice_source: null, scorer: null, language: 'en', error: null,
    };
    const report = analysisReport(a, { width: 200, style: plain });
    expect(report.split('\n')[1]).toContain('7 of 9 must-haves shown (1 partly)');
  });
});

describe('a craft skill the years imply, in the report', () => {
  it('says it is not named and which job implies it, in the report language', () => {
    const row = {
      text: 'design patterns', importance: 'must' as const, score: 0.45, status: 'partial' as const, kind: 'skill' as const,
      evidence: { text: 'Lead Backend Engineer, Kestrel Card Services', start: 0, end: 44 }, implied: { years: 11.3 },
    };
    const view = (language: 'en' | 'ru'): AnalysisView => ({
      id: 'a', status: 'done', score: 0.8, score_percent: 80, verdict: 'strong', requirements: [row],
      strengths: [], weaknesses: [], rewrite_suggestions: [], learning_recommendations: [], reflection_points: [], upgrades: '',
      advice_source: null, scorer: null, language, error: null,
    });
    const flat = (language: 'en' | 'ru') => analysisReport(view(language), { width: 200, style: plain }).replace(/\s+/g, ' ');
    expect(flat('en')).toContain('↳ not named; implied by 11.3 years of jobs in the field, such as “Lead Backend Engineer, Kestrel Card Services”');
    expect(flat('ru')).toContain('↳ не названо; подразумевает опыт работы в профессии (11,3 г.), например “Lead Backend Engineer');
  });
});


describe('a row shown with no line to point at, in the report', () => {
  it('says what shows it, not that nothing in the resume covers it', () => {
    const row = (basis?: 'resume_language') => ({
      text: 'грамотный русский язык', importance: 'must' as const, score: basis ? 1 : 0, status: basis ? ('met' as const) : ('missing' as const),
      kind: 'language' as const, evidence: null, ...(basis ? { basis } : {}),
    });
    const flat = (language: 'en' | 'ru', basis?: 'resume_language') =>
      analysisReport(
        {
          id: 'a', status: 'done', score: 0.8, score_percent: 80, verdict: 'strong', requirements: [row(basis)],
          strengths: [], weaknesses: [], rewrite_suggestions: [], learning_recommendations: [], reflection_points: [], upgrades: '',
          advice_source: null, scorer: null, language, error: null,
        },
        { width: 200, style: plain },
      ).replace(/\s+/g, ' ');
    expect(flat('ru', 'resume_language')).toContain('↳ видно по самому резюме: оно написано на этом языке');
    expect(flat('en', 'resume_language')).toContain('↳ shown by the resume itself, written in this language');
    expect(flat('ru')).toContain('↳ в резюме об этом ничего нет');
  });
});
