export { readResume, yearsWhere, type ResumeFacts, type ResumeJob, type EducationEntry, type ReadResumeOptions } from './read-resume.ts';
export type { ContactKind, ContactSpan, EducationLevel, LanguageFact, LanguageLevel, LicenceFact, ResumeSection, SectionName, YearMonth } from './read-resume.ts';
export { resumeSummary, type ResumeFactsSummary } from './summary.ts';
export { isSectionHeading } from './sections.ts';
export { readingOrder } from './columns.ts';
export { PAGE_MARK_RE } from './facts.ts';
