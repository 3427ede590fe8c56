export { detectLanguage } from './language.ts';
export { cleanUserText } from './clean.ts';
export { normalizeText } from './normalize.ts';
export { isNotDoneClaim, isSideProjectClaim } from './resume/claims.ts';
export { RecentTexts } from './recent.ts';
export { isListLine, splitLines, splitSentences, type LineSpan, type TextSpan } from './sentences.ts';
export { splitRequirements, type Importance, type Requirement, type SplitRequirementsOptions } from './requirements.ts';
export { SKILL_TERMS, stem, terms, termSpans, tokenize, tokenSpans, type TermSpan, type TokenSpan } from './tokens.ts';
export {
  readResume,
  readingOrder,
  isSectionHeading,
  PAGE_MARK_RE,
  resumeSummary,
  yearsWhere,
  type EducationEntry,
  type EducationLevel,
  type LanguageFact,
  type LicenceFact,
  type ReadResumeOptions,
  type ResumeFacts,
  type ResumeFactsSummary,
  type ResumeJob,
  type ResumeSection,
} from './resume/index.ts';
export { findSkills, impliedSkills, skillById, skillIds, SKILLS, type Skill, type SkillMatch } from './skills/index.ts';
export { ROLE_GRADE, ROLE_NOUN_RE } from './roles.ts';
export {
  credentialsNamed,
  electricalGroup,
  EXPLAINING_TO_LAYPEOPLE_RE,
  LEVEL_RANK as POSTING_EDUCATION_RANK,
  licenceAsked,
  namesLicence,
  MAX_ALTERNATIVES_LIST,
  postingTitle,
  readPosting,
  yearsAsked,
  type EducationAsk,
  type EducationLevel as PostingEducationLevel,
  type LanguageAsk,
  type LicenceAsk,
  type LicenceType,
  type Posting,
  type PostingRequirement,
  type ReadPostingOptions,
  type RequirementKind,
} from './posting/index.ts';
/** Where this package's code and data lie (src, or dist in a build): a stored reading is valid only for this code. */
export const TEXT_CODE_DIR = new URL('.', import.meta.url);
