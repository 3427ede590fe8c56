import { describe, expect, it } from 'vitest';
import { analysisReport, plain, resumeFactsLine, type AnalysisView } from './report.ts';

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
