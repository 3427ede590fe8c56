/**
 * The resume facts an analysis result carries (`resume_facts`): what the reader found that a person checks first —
 * total and stated years, education, languages, licences — in the result's snake_case shape.
 */
import type { ResumeFacts } from './read-resume.ts';

export interface ResumeFactsSummary {
  total_years: number | null;
  stated_years: number | null;
  jobs: number;
  education_level: ResumeFacts['educationLevel'];
  education: { level: NonNullable<ResumeFacts['educationLevel']>; field?: string }[];
  languages: { name: string; level?: string }[];
  licences: { kind: 'driving' | 'naks' | 'certificate'; name: string; categories?: string[] }[];
}

/** Lists are cut to what a page can show: a resume with more is not read any better for listing them all. */
const MAX_ITEMS = 20;

export function resumeSummary(facts: ResumeFacts): ResumeFactsSummary {
  return {
    total_years: facts.totalYears === null ? null : Math.round(facts.totalYears * 10) / 10,
    stated_years: facts.statedYears === null ? null : Math.round(facts.statedYears * 10) / 10,
    jobs: facts.jobs.length,
    education_level: facts.educationLevel,
    education: facts.education.slice(0, MAX_ITEMS).map((e) => (e.field ? { level: e.level, field: e.field } : { level: e.level })),
    languages: facts.languages.slice(0, MAX_ITEMS).map((l) => (l.level ? { name: l.name, level: l.level } : { name: l.name })),
    licences: facts.licences.slice(0, MAX_ITEMS).map((l) => (l.categories ? { kind: l.kind, name: l.name, categories: l.categories } : { kind: l.kind, name: l.name })),
  };
}
