/**
 * What a resume says besides its jobs: education levels, spoken languages with their levels, licences and
 * certificates, and the years of experience the person states. Phrases are matched on the words of a line (see
 * `wordsOf`), so "B.Sc.", "к.т.н." and "Ph.D." read as "b sc", "к т н" and "ph d", and matching stays linear.
 */
import type { Line } from './scan.ts';
import { scan, type Tok } from './scan.ts';
import { isNoLicenceClaim } from './claims.ts';

export type EducationLevel = 'secondary' | 'vocational' | 'bachelor' | 'master' | 'phd' | 'other';

export const EDUCATION_RANK: Record<EducationLevel, number> = { other: 0, secondary: 1, vocational: 2, bachelor: 3, master: 4, phd: 5 };

/** At most this many characters of one line are read for a phrase: a 100,000-character line costs what 400 do. */
export const LINE_HEAD = 400;
/** How much of a paragraph (a summary written as one line) is read for a degree it names. */
export const PARAGRAPH_HEAD = 3000;

/** The line's words, lowercased, ё as е, with a space at both ends, so ` phrase ` finds whole words. */
export function wordsOf(text: string, start: number, end: number, head = LINE_HEAD): string {
  const toks = scan(text.slice(start, Math.min(end, start + head)));
  return ` ${wordToks(toks).join(' ')} `;
}

function wordToks(toks: Tok[]): string[] {
  const out: string[] = [];
  for (const t of toks) if (t.kind === 'word' || t.kind === 'num') out.push(t.low);
  return out;
}

const has = (words: string, phrase: string) => words.includes(` ${phrase} `);
const hasAny = (words: string, phrases: readonly string[]) => phrases.some((p) => has(words, p));

// Order matters only for readability: the highest level found on a line wins.
const LEVEL_PHRASES: [EducationLevel, string[]][] = [
  ['phd', [
    'phd', 'ph d', 'doctor of philosophy', 'doctorate', 'doctoral degree', 'dclinpsy', 'dcpsych', 'dcounspsych', 'psyd', 'psy d', 'кандидат наук', 'доктор наук', 'к т н', 'к э н',
    'к ф м н', 'к п н', 'к м н', 'к х н', 'к б н', 'кандидат технических наук', 'кандидат экономических наук',
    'кандидат физико математических наук', 'кандидат педагогических наук', 'кандидат медицинских наук', 'кандидат химических наук',
    'кандидат биологических наук', 'кандидат юридических наук', 'кандидат филологических наук', 'кандидат исторических наук',
  ]],
  ['master', [
    'master', 'masters', 'master s', 'msc', 'm sc', 'msci', 'mmath', 'mphys', 'mchem', 'ma', 'mba', 'm s', 'meng', 'm eng',
    'specialist degree', 'specialist diploma', 'mphil', 'llm', 'med', 'm ed', 'doctor of medicine', 'mbbs', 'pharmd', 'pharm d', 'dvm',
    'm tech', 'mtech', 'mca', 'm e', 'm com',
    'магистр', 'магистратура', 'магистратуры', 'магистра', 'специалист', 'специалитет', 'диплом специалиста',
  ]],
  ['bachelor', [
    'bachelor', 'bachelors', 'bachelor s', 'bsc', 'b sc', 'ba', 'b a', 'bs', 'b s', 'beng', 'b eng', 'bba', 'bcom', 'llb',
    'bsn', 'bed', 'b ed', 'undergraduate degree', 'university degree', 'бакалавр', 'бакалавриат', 'бакалавра', 'высшее',
    'b tech', 'btech', 'b e', 'bca', 'b com',
  ]],
  ['vocational', [
    'associate degree', 'associate of applied science', 'associate of science', 'associate of arts', 'vocational', 'nvq',
    'btec', 'apprenticeship', 'trade school', 'technical college', 'community college', 'college diploma', 'hnd', 'hnc',
    'колледж', 'колледжа', 'техникум', 'техникума', 'училище', 'училища', 'пту', 'среднее специальное', 'среднее профессиональное',
    'средне специальное', 'профессиональное училище', 'профессиональный лицей',
  ]],
  ['secondary', [
    'high school', 'secondary school', 'gcse', 'gcses', 'a levels', 'a level', 'ged', 'high school diploma', 'средняя школа',
    'среднее образование', 'среднее общее', 'среднее полное', 'школа', 'гимназия', 'сош', 'лицей',
  ]],
];

/** A university or a college with no degree named: a graduate's level. */
const INSTITUTIONS: [EducationLevel, string[]][] = [
  // a faculty is a university's («КубГУ, факультет романо-германской филологии»)
  // and the universities CVs name by their abbreviation or their patron («РЭУ им. Г. В. Плеханова», «МГТУ им. Баумана»)
  ['bachelor', [
    'university', 'университет', 'университета', 'институт', 'института', 'академия', 'академии', 'institute', 'polytechnic', 'academy',
    'политехнический', 'факультет', 'факультета', 'faculty of', 'вшэ', 'мфти', 'мгимо', 'мгу', 'спбгу', 'рэу', 'мгту',
    'урфу', 'кфу', 'нгу', 'тгу', 'тпу', 'кубгу', 'юфу', 'двфу', 'бфу', 'сфу', 'итмо', 'мифи', 'мисис', 'ранхигс', 'мэи',
    'мирэа', 'рудн', 'спбпу', 'лэти', 'мгюа', 'плеханова', 'баумана', 'губкина',
  ]],
  ['vocational', ['college']],
  ['secondary', ['school']],
];

const COURSE_WORDS = ['training', 'course', 'courses', 'certificate', 'курсы', 'курс', 'тренинг', 'переподготовка', 'повышение'];

/** Degrees named so plainly that they count outside an education section too ("Master of Science", not "Scrum Master"). */
const PLAIN_DEGREES: [EducationLevel, string[]][] = [
  ['phd', ['phd', 'ph d', 'кандидат наук', 'к т н', 'к э н']],
  ['master', ['master of', 'masters degree', 'master s degree', 'masters s degree', 'msc', 'm sc', 'mba', 'm tech', 'mtech', 'магистр', 'магистратура', 'магистратуру']],
  ['bachelor', ['bachelor', 'bachelor s', 'bachelors', 'bsc', 'b sc', 'bsn', 'b tech', 'btech', 'бакалавр', 'бакалавриат', 'высшее образование']],
  ['vocational', ['associate degree', 'колледж', 'техникум', 'училище', 'среднее специальное', 'среднее профессиональное']],
  ['secondary', ['high school diploma', 'среднее образование']],
];

/**
 * India's "BE" (Bachelor of Engineering), told from the verb by its capitals and what follows it: "BE in Computer
 * Science Engineering", "B.E. (Mechanical)", "BE - IT", "BE, Anna University".
 */
const BE_DEGREE_RE =
  /(?<![\p{L}\p{N}])B\.?E\.?(?=\s{0,2}(?:\(|[-–—,:]\s{0,2}\p{Lu}|\/\s{0,2}B\.?\s?Tech)|\s{1,2}in\s{1,2}(?:Computer|Electronics?|Electrical|Mechanical|Civil|Chemical|Information|IT|CSE|ECE|EEE|Instrumentation|Production|Automobile|Aeronautical|Telecommunications?|Biotechnology|Biomedical|Industrial|Software|Mechatronics)(?![\p{L}]))/u;

/** "Incomplete higher education" is not a degree. */
const INCOMPLETE = ['неоконченное высшее', 'незаконченное высшее', 'incomplete higher', 'неполное высшее'];

/**
 * The highest education level a line names, or null. `strict`: only plainly named degrees (for lines outside an
 * education section); `degree`: any degree word; `any`: a degree word or else an institution's kind.
 */
export function levelOfLine(words: string, mode: 'strict' | 'degree' | 'any', raw?: string): EducationLevel | null {
  let w = words;
  for (const p of INCOMPLETE) if (has(w, p)) w = w.replace(` ${p} `, ' ');
  for (const [level, phrases] of mode === 'strict' ? PLAIN_DEGREES : LEVEL_PHRASES) if (hasAny(w, phrases)) return level;
  if (raw !== undefined && BE_DEGREE_RE.test(raw)) return 'bachelor';
  if (mode !== 'any') return null;
  // "CDL training, Joliet Junior College": a course taken at a college is not the college's level.
  if (hasAny(w, COURSE_WORDS)) return null;
  for (const [level, phrases] of INSTITUTIONS) if (hasAny(w, phrases)) return level;
  return null;
}

/** The field of study named on a line: "… in Computer Science", "специальность: Бухгалтерский учет". */
export function fieldOfLine(text: string, line: Line): string | undefined {
  const s = text.slice(line.start, Math.min(line.end, line.start + LINE_HEAD));
  const low = s.toLowerCase();
  for (const cue of [' in ', 'специальность', 'специальности', 'направление', 'направлению', 'факультет', 'major:', 'field:']) {
    const at = low.indexOf(cue);
    if (at === -1) continue;
    let from = at + cue.length;
    while (from < s.length && /[\s:«"]/.test(s[from]!)) from++;
    let to = from;
    while (to < s.length && to - from < 80 && !/[,;()«»"\n|]/.test(s[to]!)) to++;
    let cut = to;
    while (cut > from && /[.\s]/.test(s[cut - 1]!)) cut--;
    const field = s.slice(from, cut).trim();
    if (field.length >= 3) return field;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Languages

const LANGUAGE_NAMES: [string, string[], string[]][] = [
  // [name, English words, Russian stems]
  ['English', ['english'], ['английск']],
  ['Russian', ['russian'], ['русск']],
  ['German', ['german'], ['немецк']],
  ['French', ['french'], ['французск']],
  ['Spanish', ['spanish'], ['испанск']],
  ['Italian', ['italian'], ['итальянск']],
  ['Chinese', ['chinese', 'mandarin'], ['китайск']],
  ['Japanese', ['japanese'], ['японск']],
  ['Korean', ['korean'], ['корейск']],
  ['Turkish', ['turkish'], ['турецк']],
  ['Arabic', ['arabic'], ['арабск']],
  ['Portuguese', ['portuguese'], ['португальск']],
  ['Polish', ['polish'], ['польск']],
  ['Ukrainian', ['ukrainian'], ['украинск']],
  ['Kazakh', ['kazakh'], ['казахск']],
  ['Uzbek', ['uzbek'], ['узбекск']],
  ['Belarusian', ['belarusian'], ['белорусск']],
  ['Hebrew', ['hebrew'], ['иврит']],
  ['Hindi', ['hindi'], ['хинди']],
  ['Dutch', ['dutch'], ['нидерландск', 'голландск']],
  ['Swedish', ['swedish'], ['шведск']],
  ['Finnish', ['finnish'], ['финск']],
  ['Czech', ['czech'], ['чешск']],
  ['Armenian', ['armenian'], ['армянск']],
  ['Georgian', ['georgian'], ['грузинск']],
  ['Azerbaijani', ['azerbaijani'], ['азербайджанск']],
  ['Tatar', ['tatar'], ['татарск']],
  ['Romanian', ['romanian'], ['румынск']],
  ['Greek', ['greek'], ['греческ']],
  ['Kyrgyz', ['kyrgyz'], ['киргизск', 'кыргызск']],
  ['Tajik', ['tajik'], ['таджикск']],
];

const LANGUAGE_OF = new Map<string, string>();
const LANGUAGE_STEMS: [string, string][] = [];
for (const [name, en, ru] of LANGUAGE_NAMES) {
  for (const w of en) LANGUAGE_OF.set(w, name);
  for (const s of ru) LANGUAGE_STEMS.push([s, name]);
}

function languageOfWord(w: string): string | undefined {
  const en = LANGUAGE_OF.get(w);
  if (en) return en;
  // Russian names decline ("английский", "английским"): a stem plus at most a short ending.
  for (const [stem, name] of LANGUAGE_STEMS) if (w.startsWith(stem) && w.length - stem.length <= 3) return name;
  return undefined;
}

export type LanguageLevel = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | 'native';

// Longer phrases first: "upper intermediate" before "intermediate".
const LEVEL_CUES: [string, LanguageLevel][] = [
  ['native', 'native'], ['mother tongue', 'native'], ['родной', 'native'], ['носитель', 'native'], ['bilingual', 'native'],
  ['в совершенстве', 'C2'], ['proficient', 'C2'], ['proficiency', 'C2'],
  ['upper intermediate', 'B2'], ['средне продвинутый', 'B2'], ['выше среднего', 'B2'],
  ['pre intermediate', 'A2'], ['ниже среднего', 'A2'],
  ['fluent', 'C1'], ['fluently', 'C1'], ['свободно', 'C1'], ['свободное', 'C1'], ['свободный', 'C1'], ['advanced', 'C1'], ['продвинутый', 'C1'],
  ['intermediate', 'B1'], ['средний', 'B1'], ['разговорный', 'B1'], ['conversational', 'B1'], ['working knowledge', 'B1'],
  ['читаю профессиональную литературу', 'B1'], ['professional working', 'B2'],
  ['elementary', 'A2'], ['элементарный', 'A2'], ['basic', 'A1'], ['beginner', 'A1'], ['начальный', 'A1'], ['базовый', 'A1'],
  ['базовые', 'A1'], ['базовое', 'A1'], ['со словарем', 'A1'],
];

const NOT_SPOKEN = ['не владею', 'не владеет', 'не владела', 'не знаю', 'не изучал', 'не изучала', 'no knowledge', 'not spoken', 'none'];

const CEFR_RE = /(?<![\p{L}0-9])([ABCАВС])\s?([12])(?![0-9])/gu;
const CYR_TO_LAT: Record<string, string> = { А: 'A', В: 'B', С: 'C' };

export interface LanguageFact {
  name: string;
  level?: LanguageLevel;
  start: number;
  end: number;
}

/** The level an item names: a CEFR code first, then words. */
function levelOf(item: string, words: string): LanguageLevel | undefined {
  CEFR_RE.lastIndex = 0;
  const m = CEFR_RE.exec(item);
  if (m) return `${CYR_TO_LAT[m[1]!] ?? m[1]}${m[2]}` as LanguageLevel;
  for (const [cue, level] of LEVEL_CUES) if (has(words, cue)) return level;
  return undefined;
}

/**
 * Languages named in [start, end): an item per comma, semicolon or line. `needLevel`: outside a languages section a
 * language counts only with its level beside it ("fluent English"), so "Russian Railways" is no language.
 */
export function languagesIn(text: string, start: number, end: number, needLevel: boolean, out: LanguageFact[]): void {
  let s = start;
  const limit = Math.min(end, start + 4000);
  // a language named on a line of its own, its levels on the next (Europass: "English" / "Understanding Listening B2
  // Reading C1 …"): the next line with levels and no language gives the first of them
  let unlevelled: LanguageFact | null = null;
  while (s < limit) {
    let e = s;
    while (e < limit && !/[,;\n•|]/.test(text[e]!)) e++;
    if (e - s <= LINE_HEAD) {
      const item = text.slice(s, e);
      const toks = scan(item);
      const words = ` ${wordToks(toks).join(' ')} `;
      const level = levelOf(item, words);
      if (level && unlevelled && !toks.some((t) => t.kind === 'word' && languageOfWord(t.low))) {
        unlevelled.level = level;
        unlevelled = null;
        s = e + 1;
        continue;
      }
      if (item.trim() !== '') unlevelled = null;
      // "Английский – не владею", "German: none": a language named as not spoken
      if (hasAny(words, NOT_SPOKEN)) {
        s = e + 1;
        continue;
      }
      for (const t of toks) {
        if (t.kind !== 'word') continue;
        const name = languageOfWord(t.low);
        if (!name || (needLevel && !level)) continue;
        if (!out.some((l) => l.name === name)) {
          out.push({ name, level, start: s + t.start, end: s + t.end });
          if (!level && !needLevel && item.trim().split(/\s+/).length <= 2) unlevelled = out[out.length - 1]!;
        } else {
          const known = out.find((l) => l.name === name)!;
          if (!known.level && level) known.level = level;
        }
      }
    }
    s = e + 1;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Licences

export interface LicenceFact {
  kind: 'driving' | 'naks' | 'certificate';
  /** The line that names it (trimmed, at most 160 characters). */
  name: string;
  /** Driving categories ("B", "C", "CE"), for kind `driving`. */
  categories?: string[];
  start: number;
  end: number;
}

/** Words that put driving categories on a line; outside a licences section only the first kind counts ("driving A/B tests"). */
const CATEGORY_CUES = ['категория', 'категории', 'категорий', 'кат', 'cat', 'category', 'categories', 'cdl', 'class'];
const DRIVING_CUES = [...CATEGORY_CUES, 'права', 'водительское', 'водительские', 'driving', 'driver s', 'drivers'];
const CATEGORY_RE = /(?<![\p{L}0-9])([ABCDMАВСЕМ](?:1|[EЕ]|1[EЕ])?)(?![\p{L}0-9])/gu;
const CERT_CUES = [
  'certified', 'certificate', 'certification', 'сертификат', 'сертифицированный', 'аккредитация', 'удостоверение', 'допуск',
  'допог', 'adr', 'licence', 'license', 'licensed', 'cpa', 'acca', 'cipd', 'nebosh', 'iosh', 'pmp',
];
/** A PDF's running page mark: "page 1 of 2", «Страница 2 из 2», «стр. 1 из 3». */
export const PAGE_MARK_RE = /(?:page|стр(?:аница)?\.?)\s*\d+\s*(?:of|из)\s*\d+/iu;
const LAT: Record<string, string> = { А: 'A', В: 'B', С: 'C', Е: 'E', М: 'M' };
const DRIVING_LICENCE_RE = /driver['’]?s['’]? licen[cs]e|driving licen[cs]e|(?<![\p{L}])(?:valid|clean|full) (?:[\p{L}]+ ){0,2}(?:licen[cs]e|DL)(?![\p{L}])|водительск\p{L}{0,3} (?:удостоверени|прав)/iu;
const MACHINE_LICENCE_RE = /тракторист|погрузчик|самоходн|стропальщик|forklift|reach truck/iu;

/**
 * A licence or certificate named on a line, or null. `where`: the line is in a licences section, in a job's text or
 * the summary (where "prepared certificates of conformity" is a duty, so only driving categories and НАКС count), or
 * elsewhere.
 */
export function licenceOfLine(text: string, line: Line, words: string, where: 'section' | 'job' | 'elsewhere'): LicenceFact | null {
  const inSection = where === 'section';
  let s = line.start;
  let e = Math.min(line.end, line.start + LINE_HEAD);
  while (s < e && /[\s•·▪■●►*\-–—]/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (s >= e) return null;
  const raw = text.slice(s, e);
  // a PDF's running header or footer ("Priya N. — page 2 of 2", «Страница 2 из 2») names no licence
  if (PAGE_MARK_RE.test(raw)) return null;
  // nor does a line that says the person has none or only wants one («Водительского удостоверения нет», "No driver's
  // license yet", «Хочу получить удостоверение на погрузчик»)
  if (isNoLicenceClaim(raw)) return null;
  const name = raw.length > 160 ? `${raw.slice(0, 159)}…` : raw;
  if (has(words, 'накс') || has(words, 'naks')) return { kind: 'naks', name, start: s, end: e };
  // a tractor driver's or forklift licence has categories of its own («Удостоверение тракториста-машиниста категории
  // «C»»): a certificate, not a licence to drive a lorry
  if (MACHINE_LICENCE_RE.test(raw) && (inSection || hasAny(words, CERT_CUES))) return { kind: 'certificate', name, start: s, end: e };
  if (hasAny(words, inSection ? DRIVING_CUES : CATEGORY_CUES)) {
    const cats: string[] = [];
    CATEGORY_RE.lastIndex = 0;
    for (const m of raw.matchAll(CATEGORY_RE)) {
      const c = [...m[1]!].map((ch) => LAT[ch] ?? ch).join('');
      if (!cats.includes(c)) cats.push(c);
    }
    if (cats.length > 0) return { kind: 'driving', name, categories: cats, start: s, end: e };
  }
  // a driving licence named plainly, without its categories, outside a job ("Valid California driver's license.")
  if (where !== 'job' && DRIVING_LICENCE_RE.test(raw)) return { kind: 'driving', name, categories: [], start: s, end: e };
  if (inSection || (where === 'elsewhere' && hasAny(words, CERT_CUES))) return { kind: 'certificate', name, start: s, end: e };
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Stated years

const YEAR_UNITS = new Set(['year', 'years', 'yrs', 'yr', 'год', 'года', 'лет']);
const MONTH_UNITS = new Set(['month', 'months', 'mos', 'мес', 'месяц', 'месяца', 'месяцев']);
const EXPERIENCE_WORDS = new Set(['experience', 'experienced', 'опыт', 'опыта', 'опытом', 'стаж', 'стажем']);
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, один: 1, два: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10,
};

function numberAt(t: Tok | undefined): number | null {
  if (!t) return null;
  if (t.kind === 'num') return t.low.length <= 2 ? Number(t.low) : null;
  return NUMBER_WORDS[t.low] ?? null;
}

/**
 * Durations stated next to an experience word on one line: "Опыт работы — 7 лет 3 месяца", "10+ years of
 * experience", "стаж 12 лет". `at` is the offset of the number.
 */
export function statedDurations(toks: Tok[]): { years: number; at: number }[] {
  const out: { years: number; at: number }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const n = numberAt(toks[i]);
    if (n === null) continue;
    let j = i + 1;
    if (toks[j]?.low === '+') j++;
    let years: number | null = null;
    if (YEAR_UNITS.has(toks[j]?.low ?? '')) {
      years = n;
      j++;
      if (toks[j]?.low === '.' || toks[j]?.low === ',' || toks[j]?.low === 'and' || toks[j]?.low === 'и') j++;
      const m = numberAt(toks[j]);
      if (m !== null && m < 12 && MONTH_UNITS.has(toks[j + 1]?.low ?? '')) {
        years += m / 12;
        j += 2;
      }
    } else if (MONTH_UNITS.has(toks[j]?.low ?? '') && n < 12) {
      years = n / 12;
      j++;
    }
    if (years === null || years > 60) continue;
    if (experienceNear(toks, i, j)) out.push({ years: Math.round(years * 100) / 100, at: toks[i]!.start });
    i = j - 1;
  }
  return out;
}

/** Words of a driving record's length («стаж вождения 14 лет», "driving experience: 9 years"): no years of work. */
const DRIVING_WORDS = new Set(['вождения', 'водительский', 'водительского', 'driving']);

/**
 * An experience word within six tokens before [i, j) or four after it, without crossing a line break; not a driving
 * record's length.
 */
function experienceNear(toks: Tok[], i: number, j: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
    if (toks[k]!.kind === 'nl') break;
    if (DRIVING_WORDS.has(toks[k]!.low)) return false;
    if (EXPERIENCE_WORDS.has(toks[k]!.low)) return true;
  }
  for (let k = j; k < toks.length && k < j + 4; k++) {
    if (toks[k]!.kind === 'nl') break;
    if (EXPERIENCE_WORDS.has(toks[k]!.low)) return true;
  }
  return false;
}
