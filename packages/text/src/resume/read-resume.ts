/**
 * The resume reader: sections, jobs with their dates, total years of experience (overlaps counted once), stated years,
 * education, languages, licences, skills lists and contact details, from a resume as people write it (hh.ru exports,
 * two-page CVs out of a PDF, Europass, plain text; English and Russian). Linear in the text's length.
 */
import { findRanges, rangeMonths, unionMonths, type DateRange, type YearMonth } from './dates.ts';
import { findContacts, inContact, type ContactSpan } from './contacts.ts';
import {
  EDUCATION_RANK,
  fieldOfLine,
  languagesIn,
  levelOfLine,
  LINE_HEAD,
  PARAGRAPH_HEAD,
  licenceOfLine,
  statedDurations,
  wordsOf,
  type EducationLevel,
  type LanguageFact,
  type LicenceFact,
} from './facts.ts';
import { ROLE_NOUN_RE } from '../roles.ts';
import { lineAt, lines, scan, type Line, type Tok } from './scan.ts';
import { COLUMN_GAP_RE, findSections, sectionAt, type ResumeSection, type SectionName } from './sections.ts';

export type { EducationLevel, LanguageFact, LanguageLevel, LicenceFact } from './facts.ts';
export type { ContactKind, ContactSpan } from './contacts.ts';
export type { ResumeSection, SectionName } from './sections.ts';
export type { YearMonth } from './dates.ts';

export interface ResumeJob {
  title?: string;
  employer?: string;
  start: YearMonth;
  end: YearMonth | 'present';
  /** Offsets of the entry: its heading lines, its dates and its description, up to the next entry. */
  span: [number, number];
  /** The entry's text (text.slice(span[0], span[1])). */
  text: string;
}

export interface EducationEntry {
  level: EducationLevel;
  field?: string;
  span: [number, number];
}

export interface ResumeFacts {
  sections: ResumeSection[];
  jobs: ResumeJob[];
  /** Years covered by the jobs' dates, overlaps counted once, "present" up to `asOf`; null when no job is dated. */
  totalYears: number | null;
  /** Years of experience the resume states ("Опыт работы — 7 лет 3 месяца", "10+ years of experience"), or null. */
  statedYears: number | null;
  education: EducationEntry[];
  /** The highest level among `education`, or null. */
  educationLevel: EducationLevel | null;
  languages: LanguageFact[];
  licences: LicenceFact[];
  /** Spans of the lines of skills lists. */
  skillsLines: { start: number; end: number }[];
  /** E-mail addresses, phones, links, handles and address lines: never evidence of anything. */
  contactSpans: ContactSpan[];
  /** The date "present" was read as (ISO). */
  asOf: string;
}

export interface ReadResumeOptions {
  /** What "present" means; the current time by default. */
  now?: Date;
}

/** No resume lists more jobs than this; text with more dated lines is not a resume, and reading stops there. */
const MAX_JOBS = 200;
/** Lines longer than this are prose, not a job's heading line, whatever dates they hold. */
const MAX_HEADING_LINE = 160;
/** Words that make a dated line a course of study rather than a job, in a resume with no experience section. */
const STUDY_WORDS = [
  'university', 'college', 'institute', 'academy', 'bachelor', 'master', 'degree', 'student', 'diploma', 'school',
  'университет', 'институт', 'академия', 'колледж', 'техникум', 'училище', 'бакалавр', 'магистр', 'диплом', 'студент',
  'школа', 'курсы', 'курс', 'course', 'courses', 'training', 'образование', 'education', 'факультет',
];
const PROSE_END = /[.;!?]$/;

export function readResume(text: string, options: ReadResumeOptions = {}): ResumeFacts {
  const now = options.now ?? new Date();
  const ls = lines(text);
  const toks = scan(text);
  const sections = findSections(text, ls);
  const contactSpans = findContacts(text, ls);
  const sectionOf = (at: number): SectionName | undefined => sectionAt(sections, at)?.name;
  const jobs = findJobs(text, ls, toks, sections, contactSpans);
  const totalYears = jobs.length === 0 ? null : round2(unionMonths(jobs.map((j) => rangeMonths(j.start, j.end, now))) / 12);
  const statedYears = statedYearsOf(toks, jobs, contactSpans);

  const education: EducationEntry[] = [];
  const languages: LanguageFact[] = [];
  const licences: LicenceFact[] = [];
  const skillsLines: { start: number; end: number }[] = [];
  const hasEducation = sections.some((s) => s.name === 'education');
  for (const s of sections) {
    // the heading itself may name the level (hh.ru's "Высшее образование (Бакалавр)")
    if (s.name === 'education') readEducation(text, ls, s, education);
    if (s.name === 'languages') {
      const known = languages.length;
      languagesIn(text, s.headingEnd, s.end, false, languages);
      // (Europass's "Mother tongue(s): Polish", «Родной язык: русский»: what it names is native)
      if (MOTHER_TONGUE_RE.test(text.slice(s.start, s.headingEnd))) for (const l of languages.slice(known)) l.level ??= 'native';
    }
    if (s.name === 'skills') {
      for (let li = lineAt(ls, s.headingEnd); li < ls.length && ls[li]!.start < s.end; li++) {
        const span = trimmed(text, Math.max(ls[li]!.start, s.headingEnd), Math.min(ls[li]!.end, s.end));
        if (span) skillsLines.push(span);
      }
    }
  }
  // Lines outside those sections: plainly named degrees, languages with a level, licences.
  let jobIdx = 0;
  for (const line of ls) {
    if (line.end - line.start < 2) continue;
    const name = sectionOf(line.start);
    while (jobIdx < jobs.length && jobs[jobIdx]!.span[1] <= line.start) jobIdx++;
    const inJob = jobIdx < jobs.length && jobs[jobIdx]!.span[0] <= line.start;
    if (inContact(contactSpans, line.start, line.end) && name !== 'licences') continue;
    const words = wordsOf(text, line.start, line.end);
    if (name === 'licences') {
      const s = sectionAt(sections, line.start)!;
      const from = Math.max(line.start, s.headingEnd);
      if (from < line.end) {
        const lic = licenceOfLine(text, { start: from, end: line.end }, wordsOf(text, from, line.end), 'section');
        if (lic) licences.push(lic);
      }
      continue;
    }
    const lic = licenceOfLine(text, line, words, inJob || name === 'experience' || name === 'summary' ? 'job' : 'elsewhere');
    if (lic) licences.push(lic);
    if (name !== 'languages' && name !== 'experience' && !inJob) languagesIn(text, line.start, line.end, true, languages);
    if (!hasEducation && name !== 'experience' && !inJob) {
      // (a summary's paragraph names its degree anywhere in it: "… Possesses a Master's degree in Mathematics.")
      const whole = line.end - line.start > LINE_HEAD ? wordsOf(text, line.start, line.end, PARAGRAPH_HEAD) : words;
      const level = levelOfLine(whole, 'strict', text.slice(line.start, Math.min(line.end, line.start + PARAGRAPH_HEAD)));
      if (level) education.push({ level, field: fieldOfLine(text, line), span: [line.start, line.end] });
    }
  }
  let educationLevel: EducationLevel | null = null;
  for (const e of education) if (educationLevel === null || EDUCATION_RANK[e.level] > EDUCATION_RANK[educationLevel]) educationLevel = e.level;

  return {
    sections,
    jobs,
    totalYears,
    statedYears,
    education,
    educationLevel,
    languages,
    licences,
    skillsLines,
    contactSpans,
    asOf: now.toISOString(),
  };
}

/** Jobs: the date ranges that head an entry of the experience section (or of a resume without sections). */
function findJobs(text: string, ls: Line[], toks: Tok[], sections: ResumeSection[], contactSpans: ContactSpan[]): ResumeJob[] {
  const hasExperience = sections.some((s) => s.name === 'experience');
  const heads: { range: DateRange; line: number }[] = [];
  let studyLine = -1; // the last line looked at for study words, and what was found (many ranges can share a line)
  let studyFound = false;
  for (const range of findRanges(toks)) {
    if (inContact(contactSpans, range.from, range.to)) continue;
    const name = sectionAt(sections, range.from)?.name;
    const li = lineAt(ls, range.from);
    const line = ls[li]!;
    if (hasExperience ? name !== 'experience' : name !== undefined && name !== 'summary') continue;
    if (!hasExperience) {
      if (li !== studyLine) {
        studyLine = li;
        studyFound = hasAnyWord(wordsOf(text, line.start, line.end), STUDY_WORDS);
      }
      if (studyFound) continue;
    }
    if (!isHeadingLine(text, line, range, heads.length > 0)) continue;
    // a stage of the entry just above, its dates in brackets after words ("Операционист (с 07.2026), до этого — стажёр
    // (05.2026–06.2026)" under "05.2026 — по настоящее время") is part of that entry, not one of its own
    const last = heads[heads.length - 1];
    const lineBefore = text.slice(line.start, range.from);
    if (last && li - last.line <= 3 && /\p{L}{3}/u.test(lineBefore) && /\(\s*$/.test(lineBefore) && within(range, last.range)) continue;
    heads.push({ range, line: li });
    if (heads.length === MAX_JOBS) break;
  }
  // Entries either open with their dates (hh.ru: dates, then employer and title) or with a title and employer above
  // the dates; the first entry shows which: nothing between the section heading and its dates means dates first.
  const datesFirst = heads.length > 0 && datesOpenEntries(text, ls, heads[0]!.line, sections);
  // (where the first entry's title stands on its dates' line, "Clinical Psychologist (Band 7)      Jan 2023 – present",
  // a later entry whose dates stand on a line of their own has its title above them, as a CV's earlier posts often do)
  const titled = (k: number) => /\p{L}{3}/u.test(text.slice(ls[heads[k]!.line]!.start, heads[k]!.range.from));
  const titlesOnDates = heads.length > 0 && titled(0);
  const startOf = (k: number) =>
    datesFirst && (!titlesOnDates || titled(k)) ? ls[heads[k]!.line]!.start : entryStart(text, ls, heads[k]!.line, k > 0 ? heads[k - 1]!.line : -1, sections);
  const jobs: ResumeJob[] = [];
  for (let k = 0; k < heads.length; k++) {
    const { range, line } = heads[k]!;
    const start = startOf(k);
    const section = sectionAt(sections, range.from);
    const limit = Math.min(k + 1 < heads.length ? startOf(k + 1) : text.length, section ? section.end : text.length);
    const end = Math.max(start, limit);
    const job: ResumeJob = { start: range.start, end: range.end, span: [start, end], text: text.slice(start, end) };
    Object.assign(job, titleAndEmployer(text, ls, line, range, start));
    jobs.push(job);
  }
  return jobs;
}

/**
 * Stated years: the largest duration stated next to an experience word outside the jobs' own text (a job's
 * "5 лет 2 месяца" is that job's length, not the whole career).
 */
function statedYearsOf(toks: Tok[], jobs: ResumeJob[], contactSpans: ContactSpan[]): number | null {
  let stated: number | null = null;
  let jk = 0;
  for (const d of statedDurations(toks)) {
    while (jk < jobs.length && jobs[jk]!.span[1] <= d.at) jk++;
    if (jk < jobs.length && jobs[jk]!.span[0] <= d.at) continue;
    if (inContact(contactSpans, d.at, d.at + 1)) continue;
    if (stated === null || d.years > stated) stated = d.years;
  }
  return stated;
}

/**
 * Years covered by the jobs whose text passes `predicate` (overlaps counted once): years with Java, years as a nurse.
 */
export function yearsWhere(facts: ResumeFacts, predicate: (jobText: string) => boolean): number {
  const now = new Date(facts.asOf);
  const chosen = facts.jobs.filter((j) => predicate(j.text)).map((j) => rangeMonths(j.start, j.end, now));
  return round2(unionMonths(chosen) / 12);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function hasAnyWord(words: string, list: readonly string[]): boolean {
  return list.some((w) => words.includes(` ${w} `));
}

/** The text without the separators and brackets around it (a loop: a trailing-run regex would backtrack). */
function stripEnds(s: string): string {
  const junk = (c: string) => /[\s•·▪■●►*|,:;()[\]–—-]/.test(c);
  let a = 0;
  let b = s.length;
  while (a < b && junk(s[a]!)) a++;
  // (a bracket that closes one the text opened stays: "Data Engineer (started as Junior Data Engineer, promoted Jun 2020)")
  const closesOpen = (at: number) => s[at] === ')' && s.slice(a, at).split('(').length > s.slice(a, at).split(')').length;
  while (b > a && junk(s[b - 1]!) && !closesOpen(b - 1)) b--;
  return s.slice(a, b);
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /[\s•·▪■●►*\-–—:]/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** A month's place on one scale; "present" after every month, a year without its month at `fallback`. */
const monthIndex = (m: YearMonth | 'present', fallback: number): number => (m === 'present' ? Number.POSITIVE_INFINITY : m.year * 12 + (m.month ?? fallback));

/** Whether one range lies inside another (a year without its month taken as widely as it can be). */
function within(inner: DateRange, outer: DateRange): boolean {
  return monthIndex(inner.start, 12) >= monthIndex(outer.start, 1) && monthIndex(inner.end, 1) <= monthIndex(outer.end, 12);
}

/**
 * Whether a dated line heads a job: the dates open or close the line, or a separator (a dash, a bar, a comma, a tab
 * or a run of spaces) sets them apart from the title; "the project of 2001 – 2005 was finished" is prose.
 */
function isHeadingLine(text: string, line: Line, range: DateRange, underEntry = false): boolean {
  // At most MAX_HEADING_LINE characters either side are looked at: a dated line of prose costs no more than a heading.
  const beforeRaw = text.slice(Math.max(line.start, range.from - MAX_HEADING_LINE), range.from);
  const afterRaw = text.slice(range.to, Math.min(line.end, range.to + MAX_HEADING_LINE));
  const before = beforeRaw.trim();
  const after = afterRaw.trim();
  if (before === '' || /^[•·▪■●►*\-–—|(]{1,3}$/.test(before)) return true;
  // a bullet's sentence that says since when inside it ("— Ультразвуковая санация ротовой полости под общим наркозом (с
  // 2023 года самостоятельно, врач проверяет результат).") is what the job did, not an entry of its own
  const whole = text.slice(line.start, line.end).trim();
  const bulleted = /^[•·▪■●►*\-–—]\s/u.test(whole);
  const wordsBefore = before.split(/\s+/).length;
  if (bulleted && wordsBefore >= 8 && /[.!?;]$/.test(whole)) return false;
  // under an entry, a bullet's project with its years in brackets ("- City water treatment plant upgrade (2023–2024):
  // replaced 6 SLC 5/05 panels with …") and a bullet's sentence that runs on into its year ("- Wrote our company
  // template for PowerFlex drive faceplates, used on every job since 2024") are what the job did
  if (underEntry && bulleted && /\($/.test(before) && /^\)\s{0,2}[:–—-]\s{0,2}\p{L}+(?:\s+\S+){2}/u.test(after)) return false;
  if (underEntry && bulleted && wordsBefore >= 8 && /\p{Ll}$/u.test(before)) return false;
  if (after === '' || /^[)|,.:;–—-]{1,3}$/.test(after) || /^\(?[0-9]{1,2}\s?(?:years?|yrs?|лет|года?|мес|months?)/i.test(after)) return true;
  const apart = (c: string | undefined) => c !== undefined && /[|,:;()–—\-\t]/.test(c);
  if (apart(before[before.length - 1]) || apart(after[0]) || beforeRaw.endsWith('  ') || afterRaw.startsWith('  ')) return true;
  return line.end - line.start <= 80 && !PROSE_END.test(after);
}

function datesOpenEntries(text: string, ls: Line[], li: number, sections: ResumeSection[]): boolean {
  const section = sectionAt(sections, ls[li]!.start);
  if (!section) return true;
  for (let k = li - 1; k >= 0 && ls[k]!.end > section.headingEnd; k--) {
    if (text.slice(Math.max(ls[k]!.start, section.headingEnd), Math.min(ls[k]!.end, ls[k]!.start + 200)).trim() !== '') return false;
  }
  return true;
}

/**
 * Where the entry headed by the dates on line `li` starts: up to two short title and employer lines right above the
 * dates belong to it, when a blank line, a bullet, a sentence, the section heading or the previous entry's dates end
 * the text before them.
 */
function entryStart(text: string, ls: Line[], li: number, prevHead: number, sections: ResumeSection[]): number {
  const section = sectionAt(sections, ls[li]!.start);
  const floor = section ? section.headingEnd : 0;
  let k = li;
  for (let up = 0; up < 3; up++) {
    const cand = k - 1;
    if (cand <= prevHead || cand < 0 || ls[cand]!.end <= floor) return ls[k]!.start;
    const l = ls[cand]!;
    const body = text.slice(l.start, Math.min(l.end, l.start + 200)).trim().split(COLUMN_GAP_RE)[0]!;
    if (body === '' || body.length > 100 || PROSE_END.test(body) || /^[•·▪■●►*\-–—]/.test(body)) return ls[k]!.start;
    if (up === 2) break;
    k = cand;
  }
  // Three short lines in a row above the dates: they may be the end of the entry before, so only the dates are ours.
  return ls[li]!.start;
}

const ORG_MARKERS = /(?:^|[\s«"(])(?:ООО|ОАО|ЗАО|ПАО|АО|ИП|ГБУЗ|ГБУ|ГБОУ|МБОУ|МАОУ|ФГУП|LLC|Inc|Ltd|GmbH|Corp|PLC|Group|Company|Co\.)(?:[\s»".,)]|$)/u;

/** Title and employer from the dated line ("Senior Developer, Acme Corp — 2019 – present") or the lines above it. */
function titleAndEmployer(text: string, ls: Line[], li: number, range: DateRange, entryStartAt: number): { title?: string; employer?: string } {
  const line = ls[li]!;
  // (what stands right of the dates past a wide gap is the next column of a PDF whose columns were merged: "09/2021 –
  // present                                  Excel (pivot tables,")
  // (but not a role: Europass sets the role right of the dates, "01/11/2021 – Present          Electrician for …")
  const after = text.slice(range.to, Math.min(line.end, range.to + MAX_HEADING_LINE));
  const columns = after.split(COLUMN_GAP_RE);
  const right = columns.length > 1 && columns[0]!.trim() === '' && !ROLE_NOUN_RE.test(after) ? '' : after;
  const raw = `${text.slice(Math.max(line.start, range.from - MAX_HEADING_LINE), range.from)} ${right}`;
  // (a bracket the dates or a length were taken out of is closed up: "Packer (3 years)", "(курс, онлайн-школа, 2025–2026)")
  const rest = stripEnds(raw.replace(/\(?[0-9]{1,2}\s?(?:years?|yrs?|лет|года?|мес\S{0,5}|months?)[^)]{0,30}\)?/giu, ' ').replace(/[\s,;]+\)/g, ')').replace(/\(\s*\)/g, ' '));
  // (not inside a bracket: "Data Engineer (started as Junior Data Engineer, promoted Jun 2020)" is one title)
  const split = (s: string) => splitOutsideBrackets(s, /\s[|@–—-]\s|,\s|\sat\s|\sв\s/gu).map((p) => p.trim()).filter((p) => p.length > 1).slice(0, 2);
  let parts: string[] = [];
  if (rest) {
    parts = split(rest);
    // the dated line names the employer and its city, the role a line of its own beside it: "Valley Drug & Variety,
    // Salem, OR — May 2024 to present" under "Pharmacy Clerk / Front Store Cashier", «с 04.2019 по настоящее время —
    // ООО «Климат-Сервис Поволжье», г. Самара» over «Сервисный инженер по холодильному оборудованию»
    const role = parts.some((p) => ROLE_NOUN_RE.test(p)) ? undefined : roleLineBeside(text, ls, li, entryStartAt);
    if (role) return { title: role, employer: parts[0] };
  } else if (entryStartAt === line.start) return hhTitleAndEmployer(text, ls, lineAt(ls, range.to));
  else {
    for (let k = lineAt(ls, entryStartAt); k < li && parts.length < 2; k++) {
      const body = text.slice(ls[k]!.start, Math.min(ls[k]!.end, ls[k]!.start + 120)).trim().split(COLUMN_GAP_RE)[0]!;
      if (body) parts.push(body);
    }
    // (a line of its own that names only the city: "WordPress Developer - XYZ Company" over "Ahmedabad, India")
    if (parts.length === 2 && isPlace(parts[1]!) && !isPlace(parts[0]!)) parts = [parts[0]!];
    if (parts.length === 1) parts = split(parts[0]!);
  }
  if (parts.length === 0) return {};
  if (parts.length === 1) return ORG_MARKERS.test(parts[0]!) ? { employer: parts[0] } : { title: parts[0] };
  const [a, b] = parts as [string, string];
  // LinkedIn's export puts the employer above the title ("Tessaly" over "Senior Customer Support Specialist"): the line
  // that names a role is the title
  const employerFirst = (ORG_MARKERS.test(a) && !ORG_MARKERS.test(b)) || (ROLE_NOUN_RE.test(b) && !ROLE_NOUN_RE.test(a));
  return employerFirst ? { title: b, employer: a } : { title: a, employer: b };
}

/** A city and its country or state, and nothing else: "Ahmedabad, India", "Salem, OR", «Москва, Россия». */
const PLACE_RE = /^(?:г\.\s?)?\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,2},\s{1,2}(?:\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,2}|[A-Z]{2})$/u;
const isPlace = (s: string) => PLACE_RE.test(s) && !ROLE_NOUN_RE.test(s) && !ORG_MARKERS.test(s);

/** The short line right above the dated line (inside its entry) or right below it that names a role, if one does. */
function roleLineBeside(text: string, ls: Line[], li: number, entryStartAt: number): string | undefined {
  const at = (k: number) => (k >= 0 && k < ls.length ? text.slice(ls[k]!.start, ls[k]!.end).trim() : '');
  const isRole = (b: string) =>
    b.length > 2 && b.length <= 80 && !PROSE_END.test(b) && !/^[-–—•·*]/.test(b) && b.split(/\s+/).length <= 10 && ROLE_NOUN_RE.test(b) && !ORG_MARKERS.test(b) && !/(?:19|20)\d\d/.test(b);
  // (Europass labels the role: "Occupation or position held: Senior Accountant")
  const unlabelled = (b: string) => b.replace(/^(?:occupation or position held|position held|position|job title|должность)\s*:\s*/iu, '');
  const above = li > 0 && ls[li - 1]!.start >= entryStartAt ? unlabelled(at(li - 1)) : '';
  if (isRole(above)) return above;
  const below = unlabelled(at(li + 1));
  return isRole(below) ? below : undefined;
}

/** A text cut at the separators that stand outside its brackets. */
function splitOutsideBrackets(s: string, separators: RegExp): string[] {
  // the brackets' insides masked, so no separator is found there (lengths kept, so the offsets hold)
  const masked = s.replace(/\([^()]{0,120}\)/g, (m) => '('.padEnd(m.length - 1, '_') + ')');
  const out: string[] = [];
  let from = 0;
  for (const m of masked.matchAll(separators)) {
    out.push(s.slice(from, m.index));
    from = m.index + m[0].length;
  }
  out.push(s.slice(from));
  return out;
}

const DURATION_LINE = /^\(?[0-9]{1,2}\s?(?:years?|yrs?|months?|год|года|лет|мес)/iu;

/**
 * An entry under its dates with no length line: the employer then the title («Гастробар «Печка и Погреб», Москва» /
 * «Повар горячего цеха»), or the title then the employer. Of the short lines after the dates, the first that names a
 * role is the title and the other the employer; none naming a role, nothing is read.
 */
function undatedLengthEntry(body: (k: number) => string, from: number): { title?: string; employer?: string } {
  const lines: string[] = [];
  for (let k = from; lines.length < 3; k++) {
    const b = body(k);
    if (b === '' || b.length > 80 || PROSE_END.test(b) || /^[-–—•·*]/.test(b)) break;
    lines.push(b);
  }
  // (a line that names the employer's legal form after the role: "Security Officer, grade 4 – Private security company
  // "Argus-M" (LLC), Moscow": the role is what comes before its first separator)
  const roleHead = (b: string) => {
    const head = splitOutsideBrackets(b, /\s[|–—-]\s|,\s/gu)[0]!.trim();
    return head.length < b.length && ROLE_NOUN_RE.test(head) && !ORG_MARKERS.test(head) ? head : null;
  };
  const heads = lines.slice(0, 2).map((b) => (ROLE_NOUN_RE.test(b) ? (ORG_MARKERS.test(b) ? roleHead(b) : b) : null));
  const at = heads.findIndex((h) => h !== null);
  if (at === -1) return {};
  if (heads[at] !== lines[at]) return { title: heads[at]!, employer: lines[at]!.slice(heads[at]!.length).replace(/^[\s,|–—-]+/u, '') };
  // "Младший программист, НИИ «Гидроприбор-Сервис», Санкт-Петербург": the role before the comma, the employer after
  const comma = lines[at]!.indexOf(', ');
  if (comma > 0 && ROLE_NOUN_RE.test(lines[at]!.slice(0, comma))) return { title: lines[at]!.slice(0, comma), employer: lines[at]!.slice(comma + 2) };
  const employer = at === 1 ? lines[0] : lines[1] !== undefined && !ROLE_NOUN_RE.test(lines[1]) ? lines[1] : undefined;
  return employer ? { title: lines[at], employer } : { title: lines[at] };
}

/**
 * An hh.ru entry: the dates, their length ("5 лет 2 месяца"), the employer, its city and site, then the title. The
 * city line is missing when the employer gave none: then the line after the employer is the title.
 */
/** An hh.ru employer's industry item: «• Ресторан», «• Лекарственные препараты, медицинские изделия (оптовая торговля)». */
const INDUSTRY_ITEM_RE = /^[•·]\s*[\p{L}, ()-]{2,90}$/u;
/** hh.ru's industries of an employer on one line, set apart by bullets: «Электроника, приборостроение • Промышленное оборудование (производство)». */
const INDUSTRY_LINE_RE = /^[\p{L}, ()-]{2,120}(?:\s[•·]\s[\p{L}, ()-]{2,120}){1,5}$/u;

function hhTitleAndEmployer(text: string, ls: Line[], last: number): { title?: string; employer?: string } {
  const body = (k: number) => (k < ls.length ? text.slice(ls[k]!.start, Math.min(ls[k]!.end, ls[k]!.start + 200)).trim() : '');
  let k = last + 1;
  if (!DURATION_LINE.test(body(k))) return undatedLengthEntry(body, k);
  k++;
  const next: string[] = [];
  for (; k < ls.length && next.length < 7; k++) {
    const b = body(k);
    // (a blank line after the industry's items may stand before the title)
    if (b === '' && !(next.length > 0 && INDUSTRY_ITEM_RE.test(next.at(-1)!))) break;
    if (b !== '') next.push(b);
  }
  const short = (b: string | undefined) => !!b && b.length <= 80 && !PROSE_END.test(b);
  if (!short(next[0])) return {};
  // the employer's industry may sit between its city and the title («Оптовая торговля керамической плиткой и
  // сантехникой» / «Ведущий специалист отдела снабжения»): of the short lines after the employer, the last that
  // names a role
  const heads: string[] = [];
  for (const b of next.slice(1)) {
    // (the industry's own items, «• Ресторан», «• Розничная торговля», are passed over)
    if ((INDUSTRY_ITEM_RE.test(b) && b.split(/\s+/).length <= 8) || INDUSTRY_LINE_RE.test(b)) continue;
    // (a title may run longer with its promotion: «Торговый представитель по аптечному направлению, с 2023 — старший …»)
    if (!(short(b) || (b.length <= 120 && !/[.;!?:]$/.test(b) && ROLE_NOUN_RE.test(b.split(/\s+/).slice(0, 2).join(' ')))) || /^[-–—•·*]/.test(b)) break;
    heads.push(b);
  }
  const role = heads.filter((b) => ROLE_NOUN_RE.test(b)).pop();
  const title = role ?? (short(next[2]) ? next[2] : short(next[1]) ? next[1] : undefined);
  return title ? { employer: next[0], title } : { employer: next[0] };
}

/**
 * Education entries of one section: a unit per line that names a degree or an institution; a degree line and the
 * institution line next to it ("Master of Science" / "University of Leeds") make one entry.
 */
const MOTHER_TONGUE_RE = /mother tongue|native language|first language|родной язык/iu;
const UNDER_WAY_RE =
  /(?<![\p{L}])(?:по настоящее время|по н\.\s?в\.|настоящее время|(?:[-–—]\s{0,2}|to\s|till\s)(?:present|now)|currently (?:enrolled|studying)|in progress|expected(?: graduation)?|anticipated|в процессе|обучаюсь|учусь|студент\p{L}{0,2}|(?<!\d)[1-6]\s?-?(?:й|ий|ом)?\s?курс\p{L}{0,2})(?![\p{L}])/iu;

/** A qualification's year in brackets ("NVQ Level 2 (2024), Level 3 in progress"): something on the line is finished. */
const FINISHED_YEAR_RE = /\((?:19|20)\d{2}\)/;
/** A line of dates and nothing else ("2024 – по настоящее время"). */
const DATES_ONLY_RE = /^[\s\d.\/–—-]*(?:(?:по|to|till|until|-|–|—)\s*)?(?:по настоящее время|настоящее время|н\.\s?в\.|present|now|сейчас)?[\s.]*$/iu;

/**
 * Whether the education entry on line `li` says it is not finished: on its own line (unless a finished qualification
 * stands there too), on the dates line right above it, or in a note below that names no level of its own.
 */
function studyUnderWay(text: string, ls: Line[], li: number, s: ResumeSection): boolean {
  const body = (k: number) => {
    const l = ls[k];
    return !l || l.end <= s.headingEnd || l.start >= s.end ? '' : text.slice(Math.max(l.start, s.headingEnd), Math.min(l.end, l.start + 200));
  };
  const own = body(li);
  if (UNDER_WAY_RE.test(own)) return !FINISHED_YEAR_RE.test(own);
  const above = body(li - 1).trim();
  if (above && DATES_ONLY_RE.test(above) && UNDER_WAY_RE.test(above)) return true;
  const below = body(li + 1);
  return below !== '' && UNDER_WAY_RE.test(below) && levelOfLine(wordsOf(text, ls[li + 1]!.start, ls[li + 1]!.end), 'any') === null;
}

function readEducation(text: string, ls: Line[], s: ResumeSection, out: EducationEntry[]): void {
  let prevLine = -2;
  let prevDegree = false;
  for (let li = lineAt(ls, s.start); li < ls.length && ls[li]!.start < s.end; li++) {
    const from = Math.max(ls[li]!.start, s.start);
    const to = Math.min(ls[li]!.end, s.end);
    if (to - from < 2) continue;
    const words = wordsOf(text, from, to);
    const degree = levelOfLine(words, 'degree', text.slice(from, to));
    const found = degree ?? levelOfLine(words, 'any');
    if (!found) continue;
    // a study still under way is no degree held: "2024 – по настоящее время / СГУПС, заочно / сейчас 3 курс",
    // "B.Sc. Computer Science (expected 2027)"; the school finished to enter it is
    const level: EducationLevel = studyUnderWay(text, ls, li, s) ? 'secondary' : found;
    const prev = out[out.length - 1];
    if (prev && prevLine === li - 1 && (degree === null || !prevDegree)) {
      if (EDUCATION_RANK[level] > EDUCATION_RANK[prev.level]) prev.level = level;
      prev.field ??= fieldOfLine(text, { start: from, end: to });
      prev.span[1] = to;
      prevDegree ||= degree !== null;
    } else {
      out.push({ level, field: fieldOfLine(text, { start: from, end: to }), span: [from, to] });
      prevDegree = degree !== null;
    }
    prevLine = li;
  }
}
