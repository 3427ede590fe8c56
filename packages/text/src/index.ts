export { detectLanguage } from './language.ts';
export { normalizeText } from './normalize.ts';
export { RecentTexts } from './recent.ts';
export { splitLines, splitSentences, type LineSpan, type TextSpan } from './sentences.ts';
export { splitRequirements, type Importance, type Requirement, type SplitRequirementsOptions } from './requirements.ts';
export { SKILL_TERMS, stem, terms, termSpans, tokenize, tokenSpans, type TermSpan, type TokenSpan } from './tokens.ts';
export {
  EXTRACTION_DEFAULTS,
  ExtractionError,
  extractText,
  sniffFileType,
  type ExtractedText,
  type ExtractionErrorCode,
  type ExtractTextInput,
  type FileType,
} from './extract.ts';
export { findSkills, skillById, skillIds, SKILLS, type Skill, type SkillMatch } from './skills/index.ts';
export {
  readPosting,
  type EducationAsk,
  type EducationLevel,
  type LanguageAsk,
  type LicenceAsk,
  type LicenceType,
  type Posting,
  type PostingRequirement,
  type ReadPostingOptions,
  type RequirementKind,
} from './posting/index.ts';
