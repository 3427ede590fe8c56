export { credentialsNamed, electricalGroup, LEVEL_RANK, licenceAsked, namesLicence, yearsAsked } from './asks.ts';
export { EXPLAINING_TO_LAYPEOPLE_RE, MAX_ALTERNATIVES_LIST, postingTitle, readPosting, type ReadPostingOptions } from './read.ts';
export type {
  EducationAsk,
  EducationLevel,
  Importance,
  LanguageAsk,
  LicenceAsk,
  LicenceType,
  Posting,
  PostingRequirement,
  RequirementKind,
} from './types.ts';
