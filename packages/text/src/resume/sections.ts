/**
 * Section headings of a resume ("Work experience", "Опыт работы —7 лет 3 месяца", «Опыт работы 10 лет 3 месяца», "EDUCATION", "Languages: English
 * B2") and the sections they open. A heading is a short line, or the label before a colon, that names a known section;
 * a heading a PDF repeats on its next page opens the same kind of section again.
 */
import type { Line } from './scan.ts';

export type SectionName = 'experience' | 'education' | 'skills' | 'languages' | 'licences' | 'summary' | 'contacts' | 'projects' | 'other';

export interface ResumeSection {
  name: SectionName;
  /** From the heading's first character to the start of the next heading (or the end of the text). */
  start: number;
  end: number;
  /** End of the heading itself: an inline heading ("Languages: English") has its content after it on the same line. */
  headingEnd: number;
}

const HEADINGS: [SectionName, string[]][] = [
  ['experience', [
    'experience', 'work experience', 'professional experience', 'relevant experience', 'employment', 'employment history',
    'work history', 'career history', 'career', 'professional background', 'work', 'experience summary', 'job history',
    'опыт работы', 'опыт', 'трудовая деятельность', 'места работы', 'профессиональный опыт', 'трудовой опыт', 'стаж работы',
    'опыт работы по специальности', 'последнее место работы', 'history of employment',
    'current post', 'current position', 'current role', 'earlier experience', 'previous experience', 'previous posts',
    'previous employment', 'earlier career', 'clinical experience', 'teaching experience', 'nursing experience',
  ]],
  ['education', [
    'education', 'education and training', 'academic background', 'academic qualifications', 'educational background',
    'qualifications', 'education & training', 'training and qualifications', 'training & qualifications',
    'qualifications and training', 'education and qualifications', 'education & qualifications', 'образование', 'высшее образование', 'основное образование',
    'среднее специальное образование', 'среднее профессиональное образование', 'учеба', 'обучение',
  ]],
  ['skills', [
    'skills', 'key skills', 'technical skills', 'core skills', 'core competencies', 'competencies', 'hard skills',
    'soft skills', 'tools', 'technologies', 'tech stack', 'skills and tools', 'professional skills', 'it skills',
    'computer skills', 'digital skills', 'ключевые навыки', 'навыки', 'профессиональные навыки', 'технические навыки',
    'компетенции', 'ключевые компетенции', 'стек', 'стек технологий', 'технологии', 'владение пк', 'навыки и умения',
    'профессиональные навыки и знания', 'job-related skills',
  ]],
  ['languages', [
    'languages', 'language skills', 'language', 'foreign languages', 'mother tongue', 'mother tongue s', 'mother tongues', 'other languages', 'other language s',
    'знание языков', 'языки', 'владение языками', 'иностранные языки', 'иностранный язык', 'владение иностранными языками',
    'родной язык',
  ]],
  ['licences', [
    'licenses', 'licences', 'license', 'licence', 'certifications', 'certificates', 'certification', 'licenses and certifications',
    'licences and certifications', 'licenses & certifications', 'certifications & licenses', 'driving licence', 'driving license',
    'licenses and training', 'licences and training', 'licenses & training', 'licences & training', 'certifications and training',
    'certifications & training', 'training and certifications', 'training & certifications',
    'credentials', 'professional credentials', 'credentials & exams', 'credentials and exams', 'credentials & licenses',
    'credentials and licenses', 'licenses & exams', 'licenses and exams', 'certifications & exams', 'certifications and exams',
    "driver's license", 'сертификаты', 'удостоверения', 'водительское удостоверение', 'допуски', 'лицензии', 'аттестация',
    'сертификаты и удостоверения', 'допуски и удостоверения', 'права',
  ]],
  ['summary', [
    'summary', 'profile', 'professional summary', 'about me', 'objective', 'career objective', 'personal profile',
    'profile summary', 'personal statement', 'о себе', 'обо мне', 'цель', 'краткая информация', 'дополнительная информация',
    'желаемая должность и зарплата', 'желаемая должность', 'general information', 'career summary', 'summary of qualifications',
  ]],
  ['contacts', [
    'contacts', 'contact', 'contact information', 'contact details', 'personal information', 'personal details', 'personal data',
    'контакты', 'контактная информация', 'контактные данные', 'личная информация', 'личные данные',
    'гражданство, время в пути до работы',
  ]],
  ['projects', ['projects', 'key projects', 'selected projects', 'personal projects', 'проекты', 'ключевые проекты', 'портфолио', 'portfolio']],
  ['other', [
    'hobbies', 'interests', 'references', 'awards', 'achievements', 'publications', 'courses', 'training', 'trainings',
    'additional training', 'professional development', 'volunteering', 'volunteer experience', 'additional information',
    'хобби', 'интересы', 'рекомендации', 'награды', 'достижения', 'публикации', 'курсы', 'повышение квалификации',
    'повышение квалификации, курсы', 'тесты, экзамены', 'дополнительное образование', 'тренинги', 'волонтерство',
    'электронные сертификаты', 'other', 'misc',
    'talks', 'talks and other', 'talks and publications', 'conference talks', 'speaking', 'open source', 'community',
    'honors', 'honours', 'awards and honors', 'memberships', 'affiliations', 'professional affiliations', 'activities',
    'professional memberships', 'professional registration', 'professional registrations', 'registrations', 'memberships and registrations',
    'extracurricular activities', 'volunteer work', 'other information', 'miscellaneous', 'выступления', 'конференции',
  ]],
];

const HEADING_OF = new Map<string, SectionName>();
for (const [name, words] of HEADINGS) for (const w of words) HEADING_OF.set(w, name);

/** Longest heading in words: a heading with content after it is looked up by its first words only. */
const MAX_HEADING_WORDS = 6;
const MAX_HEADING_CHARS = 60;

/**
 * The section a heading's words name: the table, or a short "… experience" / "… work history" / "Education …"
 * heading the table does not list ("Clinical experience", "Education and qualifications").
 */
function sectionOfKey(key: string): SectionName | undefined {
  const known = HEADING_OF.get(key);
  if (known) return known;
  const words = key.split(' ');
  const last = words[words.length - 1];
  if (words.length <= 4 && (last === 'experience' || key.endsWith('work history') || key.endsWith('employment history'))) {
    return words[0] === 'volunteer' || words[0] === 'volunteering' ? 'other' : 'experience';
  }
  // "Education and qualifications", "Образование и курсы"
  if (words.length <= 4 && (words[0] === 'education' || words[0] === 'образование')) return 'education';
  return undefined;
}

const JUNK = " ,'-";

/** A line's words as the heading table spells them: lowercase, ё as е, '&' kept, other punctuation dropped. */
function headingKey(s: string): string {
  const key = s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}&',\s-]/gu, ' ')
    .replace(/\s+/g, ' ');
  // trimmed by a loop: a trailing-run pattern would backtrack on a long run
  let a = 0;
  let b = key.length;
  while (a < b && JUNK.includes(key[a]!)) a++;
  while (b > a && JUNK.includes(key[b - 1]!)) b--;
  return key.slice(a, b);
}

/** A run of spaces that parts two columns a PDF merged into one line. */
export const COLUMN_GAP_RE = /[ \t]{4,}/;

/**
 * The section a line opens, with where its heading ends, or null. Takes the line's text (at most
 * MAX_HEADING_CHARS are looked at for the heading itself, so a long line costs no more than a short one).
 */
export function headingOf(text: string, line: Line): { name: SectionName; headingEnd: number } | null {
  let s = line.start;
  const e = line.end;
  // bullets and decoration before a heading ("■ EXPERIENCE", "— Образование —")
  while (s < e && s - line.start < 8 && /[\s•·▪■●►▶#*=_|—–-]/.test(text[s]!)) s++;
  if (s >= e) return null;
  // Only the line's head is searched for the colon: searching on to the end of the text would make reading quadratic.
  let colon = -1;
  for (let k = s; k < e && k - s <= MAX_HEADING_CHARS; k++) {
    if (text.charCodeAt(k) === 58) {
      colon = k;
      break;
    }
  }
  const head = colon !== -1 ? text.slice(s, colon) : null;
  if (head !== null) {
    const name = sectionOfKey(headingKey(head));
    if (name) return { name, headingEnd: colon + 1 };
  }
  const whole = text.slice(s, Math.min(e, s + MAX_HEADING_CHARS + 1));
  if (whole.length <= MAX_HEADING_CHARS) {
    const key = headingKey(whole);
    const name = sectionOfKey(key);
    if (name) return { name, headingEnd: e };
  }
  // A heading followed by a note: hh.ru's "Опыт работы —7 лет 3 месяца", a PDF's "Experience (continued)".
  let cut = -1;
  for (let k = 2; k < whole.length && k <= 50; k++) {
    const c = whole[k]!;
    if (c === '—' || c === '–' || c === '(' || (c === '-' && whole[k + 1] === ' ')) {
      cut = k;
      break;
    }
  }
  if (cut !== -1) {
    const key = headingKey(whole.slice(0, cut));
    const name = sectionOfKey(key);
    if (name && key.split(' ').length <= MAX_HEADING_WORDS) return { name, headingEnd: e };
  }
  // and hh.ru's without a dash: «Опыт работы 10 лет 3 месяца», "Work experience 7 years"
  const duration = /^(\p{L}[\p{L} ]{1,40}?)\s+\d{1,2}\s(?:лет|года?|год|месяц\p{L}{0,3}|мес\.?|years?|yrs?|months?)(?![\p{L}])[\p{L}\d\s.]{0,30}$/u.exec(whole);
  if (duration) {
    const key = headingKey(duration[1]!);
    const name = sectionOfKey(key);
    if (name && key.split(' ').length <= MAX_HEADING_WORDS) return { name, headingEnd: e };
  }
  // Two columns' headings a PDF merged into one line ("EXPERIENCE                 SKILLS"): the left column's, which
  // the text under it mostly continues
  // (or over the other column's text: "WORK EXPERIENCE                  Basic Java and Python")
  const columns = whole.split(COLUMN_GAP_RE);
  const left = columns.length >= 2 ? sectionOfKey(headingKey(columns[0]!)) : undefined;
  if (left && /^[\p{Lu}\s&/]+$/u.test(columns[0]!)) return { name: left, headingEnd: e };
  return null;
}

/**
 * Sections in text order; text before the first heading belongs to none. A heading with its content on the same line
 * ("Tools: Jira, Git" inside a job) holds that line only, and the section around it goes on after it.
 */
export function findSections(text: string, ls: Line[]): ResumeSection[] {
  const out: ResumeSection[] = [];
  let open: SectionName | null = null;
  for (const line of ls) {
    const h = headingOf(text, line);
    if (!h) continue;
    const prev = out[out.length - 1];
    if (prev && prev.end > line.start) prev.end = line.start;
    const rest = h.headingEnd < line.end ? text.slice(h.headingEnd, Math.min(line.end, h.headingEnd + 200)).trim() : '';
    // "Опыт работы: 7 лет 3 месяца" opens the section all the same: the note is a duration, not the content.
    const inline = rest !== '' && !(rest.length <= 25 && /[0-9]/.test(rest));
    if (inline) {
      out.push({ name: h.name, start: line.start, end: line.end, headingEnd: h.headingEnd });
      if (open) out.push({ name: open, start: Math.min(text.length, line.end + 1), end: text.length, headingEnd: Math.min(text.length, line.end + 1) });
    } else {
      open = h.name;
      out.push({ name: h.name, start: line.start, end: text.length, headingEnd: h.headingEnd });
    }
  }
  return out.filter((s) => s.end > s.start);
}

/** The section that holds offset `at`, or undefined outside every section (sections are sorted and disjoint). */
export function sectionAt(sections: ResumeSection[], at: number): ResumeSection | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const s = sections[found];
  return s && at < s.end ? s : undefined;
}

/** Whether a line is a section heading and nothing more ("Ключевые навыки", "Work experience:"). */
export function isSectionHeading(line: string): boolean {
  const text = line.trim().replace(/:$/, '');
  if (text.length === 0) return false;
  return headingOf(text, { start: 0, end: text.length })?.headingEnd === text.length;
}

