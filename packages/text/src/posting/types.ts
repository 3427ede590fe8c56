/** What the posting reader gives: requirements, each one thing with its span, and the structured asks among them. */

/** `quality`: a personal quality ("strong communication skills", «грамотная речь») that a resume rarely shows in words. */
export type RequirementKind = 'skill' | 'experience' | 'education' | 'language' | 'licence' | 'duty' | 'quality' | 'other';
export type Importance = 'must' | 'nice';

export type EducationLevel = 'secondary' | 'vocational' | 'associate' | 'bachelor' | 'higher' | 'master' | 'doctorate';

export interface EducationAsk {
  level: EducationLevel;
  /** Field of study as written ("Computer Science", "экономическое"), when the posting names one. */
  field: string | null;
  /**
   * A discipline the degree must be in, named plainly and with no "or related field" beside it ("degree in Nursing",
   * «по профилю «Математика»»): the resume's education is checked for it, not the level alone.
   */
  discipline?: string;
}

export interface LanguageAsk {
  /** ISO 639-1 code: en, ru, es, … */
  language: string;
  /** CEFR level (B2), or fluent | native | conversational | basic | reading, or null when none is named. */
  level: string | null;
  /** Other languages the ask takes instead ("German, French, Spanish or Dutch"), when it names several as alternatives. */
  or?: string[];
  /** Other languages asked as well ("Bilingual English/Spanish", «русский и английский»): every one must be shown. */
  and?: string[];
}

export type LicenceType = 'driving' | 'welding' | 'medical' | 'electrical' | 'teaching' | 'forklift' | 'certificate';

export interface LicenceAsk {
  type: LicenceType;
  /** Driving categories (B, C, CE, D), the electrical safety group (IV) or medical credentials (rn, bls, acls), when named. */
  categories: string[];
}

export interface PostingRequirement {
  text: string;
  /** [start, end) in the posting text. */
  start: number;
  end: number;
  kind: RequirementKind;
  importance: Importance;
  /** Vocabulary skill ids named in the requirement. */
  skills: string[];
  /** Minimum years of experience asked, for kind experience. */
  years?: number;
  education?: EducationAsk;
  language?: LanguageAsk;
  licence?: LicenceAsk;
}

export interface Posting {
  language: 'ru' | 'en';
  /** The job title, when the posting opens with one. */
  title: { text: string; start: number; end: number } | null;
  requirements: PostingRequirement[];
  /** The largest number of years a must-have asks for, or null. */
  minYears: number | null;
  /** Years asked, overall (skills empty) or per skill. */
  experience: Array<{ years: number; skills: string[]; importance: Importance; start: number; end: number }>;
  education: Array<EducationAsk & { importance: Importance; start: number; end: number }>;
  languages: Array<LanguageAsk & { importance: Importance; start: number; end: number }>;
  licences: Array<LicenceAsk & { importance: Importance; start: number; end: number }>;
}
