/**
 * The posting reader: a vacancy as users paste it (a flattened job-board scrape, clean bulleted sections, hh.ru
 * «Обязанности / Требования / Условия», LinkedIn prose or a short informal post) read into requirements, each one
 * thing with its span, kind and importance, and the structured asks among them. Benefits, salary, schedule, company
 * blurb, legal and apply text, contacts and the title are dropped. Linear in the text: one pass for sections, then
 * bounded patterns over each sentence.
 */
import { detectLanguage } from '../language.ts';
import { EMOJI_CLASS, isLetterOrDigit } from '../scan.ts';
import { findSkills, type SkillMatch } from '../skills/index.ts';
import { ROLE_GRADE, ROLE_NOUN_RE } from '../roles.ts';
import { terms } from '../tokens.ts';
import { educationAsked, languageAsked, LEVEL_RANK, licenceAsked, yearsAsked } from './asks.ts';
import { sectionsOf, type Section } from './sections.ts';
import type { Importance, LanguageAsk, LicenceAsk, Posting, PostingRequirement, RequirementKind } from './types.ts';

interface Span {
  start: number;
  end: number;
}

/**
 * What the reader asks of a stretch of text, remembered for one posting: the same stretch is read as a unit, as a list
 * item and as a row, and its skills, licence and language are asked each time.
 */
interface Asker {
  skills: (text: string) => SkillMatch[];
  licence: (text: string) => LicenceAsk | null;
  language: (text: string) => LanguageAsk | null;
}

function remembered<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text)!;
    const value = read(text);
    seen.set(text, value);
    return value;
  };
}

const newAsker = (): Asker => ({ skills: remembered(findSkills), licence: remembered(licenceAsked), language: remembered(languageAsked) });

export interface ReadPostingOptions {
  /** At most this many requirements (default 60). */
  max?: number;
}

const WORD_EDGE_L = '(?<![\\p{L}\\p{N}])';
const cue = (body: string) => new RegExp(`${WORD_EDGE_L}(?:${body})`, 'iu');

const NICE_RE = cue(
  "preferred|preferably|ideally|would be lovely|won't stop me (?:from )?hiring you|if you(?:'ve| have) (?:ever )?(?:worked|done|used|had|run|been)|если (?:вы )?(?:уже )?(?:работали|работал\\p{L}?|есть опыт)|a plus|is a plus|(?:is|are|would be) (?:useful|helpful)|would help(?: you)?|will help(?: you)?|(?:is|are) welcome|welcomed|welcome(?=[.!]?$)|or (?:be )?willing to (?:get|obtain|earn|complete)|(?:would|will|could|should) (?:really |truly |definitely |also )?(?:set you apart|make you stand out)|sets you apart|plus(?=\\s{0,2}(?:[.!;:)]|$)|\\s{1,2}(?:for|if|but|to have|here)(?![\\p{L}]))|^plus\\b(?!\\s{0,2}(?:years|yrs))|would be great|would be nice|(?:a|is a|would be a) bonus|bonus points|nice[ -]to[ -]have|good to have|desirable|desired|advantage|advantageous|optional|not required|желательн|желател[еь]н|будет плюсом|плюсом|(?:тоже|это|будет|большой|огромный|[—–-]) плюс(?![\\p{L}])|преимуществ|приветству|не обязательн|было бы (?:здорово|хорошо|отлично|плюсом)|вообще супер|будет круто|бонусом|[—–-] (?:супер|отлично|круто|здорово)(?=[.!)]?$)|within (?:[\\p{L}\\d]+ ){0,2}(?:months?|weeks?|days?|years?) of (?:hire|hiring|start|starting|employment|joining)|(?:obtain|get|earn|gain) [^.;]{0,80}?within (?:[\\p{L}\\d]+ ){0,2}(?:months?|weeks?|days?)(?![\\p{L}])|в течение [^.;]{0,30}? после (?:трудоустройства|выхода на работу|при[её]ма на работу)",
);
const MUST_RE = cue('mandatory|required|must|non-negotiable|обязательн|необходим');
const MONEY_RE = /[$€£₽₹]\s{0,2}\d|\d\s{0,2}(?:[$€£₽₹]|руб|тыс|k(?![\p{L}])|к(?![\p{L}])|lpa)|(?<![\p{L}])(?:per (?:year|month|annum|hour|week)|an hour|a year|\/hr|\/hour|в месяц|в день|на руки|оклад|зарплат\p{L}{0,3}|заработн\p{L}{0,3} плат|доход|зп|ote|salary|compensation|pay range|стипенди)(?![\p{L}])/iu;
/**
 * Money a candidate is asked to have handled, not paid: "a quota of $600k+ in annual contract value", «бюджет 5 млн ₽»,
 * "running a store … in a store doing $15M+ a year".
 */
const TARGET_MONEY_RE = cue('quota|contract value|revenue|arr|acv|budgets?|deal sizes?|(?:stores?|shops?|locations?|restaurants?|branch(?:es)?) doing|annual sales|sales volume|in (?:annual )?sales|товарооборот|book of business|portfolio|projects? (?:of|worth|valued|up to|from)|(?:commercial|construction|capital) projects|выручк|оборот|бюджет|план продаж');
const PERK_RE = cue(
  "401\\(k\\)|health insurance|dental|vision|pto|paid time off|vacation|holiday|stipend|tuition|equity|stock options|discount|free lunch|commission|wellness|insurance|sign-on|perks?|benefits?|дмс|отпуск|спецодежд|питани|корпоративн\\p{L}{0,3} транспорт|оформлени\\p{L}{0,2} по тк|трудоустройство|соцпакет|социальн\\p{L}{0,3} пакет|за сч[её]т компании|компенсаци|преми[ия]|суточные|проезд|проживани",
);
const PERKS_RE = new RegExp(PERK_RE.source, `${PERK_RE.flags.replace('g', '')}g`);
const SCHEDULE_RE = cue(
  'full[ -]time|part[ -]time|five-day week|5-day week|monday to friday|mon-fri|tue-sat|shifts?|weekends? as needed|mornings|evenings|remote|hybrid|on-site|график|смен\\p{L}{0,3}|вахт\\p{L}{0,2}|5/2|2/2|полный день|пятидневк\\p{L}{0,2}|шестидневк\\p{L}{0,2}|удал[её]нк\\p{L}{0,2}|удал[её]нн\\p{L}{0,3}|гибрид|гибк\\p{L}{0,3} график',
);
const EEO_RE = cue(
  'equal opportunity|equal employment|proud to be an?|without regard to|protected veteran|e-verify|drug-free|not discriminate|diverse team|we welcome applications|accommodation|qualified applicants|m/f/d/v|affirmative action|дискриминац',
);
const APPLY_RE = cue(
  "apply (?:today|now|online|in person|through|here)|please apply|to apply|send (?:your|us|a) (?:resume|cv)|submit your|read on|interviews? on the spot|откликайтесь|откликайся|откликнуться|присылайте|отправляйте резюме|резюме присылайте|ждем ваших|ждём ваших|будем рады познакомиться|звоните|звонить|пишите|no agencies|unsolicited|all-inclusive|this job description|not allowed to apply|please (?!read)[\\p{L} ]{0,40}?before (?:you )?apply(?:ing)?(?![\\p{L}])",
);
const BOARD_CLUTTER_RE = cue(
  '(?:re)?posted (?:\\d{1,3}|a|an|one) (?:days?|hours?|weeks?|months?) ago|posted today|posted yesterday|hiring insights|job activity|actively (?:hiring|recruiting)|responses managed (?:off|on) linkedin|promoted by (?:hirer|the hirer)|skills? match(?:es)? your profile|you may be a good fit|set alert for|easy apply|see how you compare|try premium|others who clicked apply|meet the hiring team|\\d{1,5}\\+? applicants|вакансия опубликована|опубликовано \\d|уровень дохода не указан|опыт работы:? не требуется|контактная информация|показать телефон|показать контакты|задайте вопрос работодателю|получит его с откликом|где предстоит работать|сейчас эту вакансию смотр|вакансию смотрят|похожие вакансии|откликнуться|contact information|show phone number|similar jobs|report (?:this )?job|\\d+ comments?|\\d+ reposts?|reposts? (?:genuinely |really )?help|please share|dm me|i read every application|not a cover letter|резюме не обязательно|можно без резюме|resume (?:is )?not required|вакансия открыта|какая оплата труда|какой график работы|какие условия|комментари\\p{L}{0,2} \\(\\d{1,5}\\)|comments? \\(\\d{1,5}\\)|правила канала|разместить вакансию|(?:изменено|edited) \\d',
);
/**
 * How the employer hires, not what it asks: the interview's steps and tasks ("You will be asked to complete a short
 * SolidWorks exercise during the interview process", «на втором этапе будет практическое задание», «Тестового нет:
 * техсобес 1,5 часа») and the consent an application gives («Направляя резюме, вы даёте согласие на обработку
 * персональных данных»).
 */
const HIRING_PROCESS_RE = cue(
  "(?:the|our) (?:interview|hiring|selection) process|during (?:the|your|an?) interview|you(?:'ll| will)? be asked to (?:complete|take|do|present|solve)|take-home (?:task|exercise|assignment|test)|на (?:первом|втором|третьем|финальном|следующем|последнем) этапе|тестового (?:задания )?нет|без тестового|техсобес|(?:даете|даёте) (?:свое |своё )?согласие|согласие на обработку|обработк\\p{L}{0,2} (?:ваших |своих )?персональных данных|processing of (?:your )?personal data|consent to (?:the )?processing",
);
/** Words that make a piece about hiring an ask of the job itself ("Experience running the hiring process end to end"). */
const ASKS_HIRING_RE = cue('experience|опыт|knowledge|знани|manag|conduct|провед|организ');
const HIRING_CHECK_RE = cue(
  '(?:be |at least )?(?:18|21) years of age|(?:18|21) years (?:old|or older)|(?:aged?|minimum age(?: of)?) (?:18|21)|совершеннолет|drug (?:screen|test)|background (?:check|screening|investigation)|pre-employment (?:screening|physical|testing)|criminal record|(?:справк\\p{L}{0,2} об )?отсутстви\\p{L}{0,2} судимост|без судимост',
);
/**
 * Hours the hire must be free for ("Ability to work 12-hour night shifts including every third weekend", Indeed's
 * "Shift availability: Night Shift (Required)", «готовность работать в ночные смены») and what the employer puts every
 * new hire through ("New graduate RNs complete a 12-week residency"): a condition of the job, nothing a resume shows.
 */
const AVAILABILITY_RE =
  /^(?:shift availability|availability|weekend availability)\s{0,2}:|^availability (?:for|on|to work) (?:early |late |weekday |weekend )?(?:mornings?|nights?|weekends?|evenings?|holidays?|shifts?|overnights?)|^(?:you can|you're able to|you are able to|can|able to) (?:do|work|cover) (?:weekday |weekend |early |late )*(?:mornings?|nights?|weekends?|evenings?|holidays?|saturdays?|sundays?|shifts?)|^(?:the )?(?:schedule|hours|work hours|working hours|shift) (?:is|are|runs?)\s|\d{1,2}(?::\d\d)?\s?[ap]\.?m\.?\s{0,2}(?:to|–|—|-)\s{0,2}\d{1,2}(?::\d\d)?\s?[ap]\.?m|^(?:nights?|weekends?|evenings?|holidays?)(?: and (?:nights?|weekends?|evenings?|holidays?))? (?:a must|required|are a must|is a must)|(?:ability|able|willing(?:ness)?|available|availability|flexibility) to work (?:(?:\d{1,2}|eight|ten|twelve)[- ]hour |rotating |overnight |any )?(?:nights?|night shifts?|weekends?|evenings?|overnights?|holidays?|on-call|rotating|shifts?|12-hour|8-hour|10-hour)|готовност\p{L}{0,2} (?:работать )?(?:в |к )?(?:ночн\p{L}{0,3}|выходн\p{L}{0,3}|сменн\p{L}{0,3}|по сменам|графику 2\/2)|(?:работ\p{L}{0,3}|work\p{L}{0,3}) (?:по|on|in) (?:московскому|мск|местному|moscow|eastern|central|pacific|cet|est|pst|uk) (?:времени|time|hours)|(?<![\d:])\d{1,2}:\d{2}\s{0,2}[–—-]\s{0,2}\d{1,2}:\d{2}(?![\d:])|(?<![\p{L}])(?:complete|completes|attend|attends|go through|goes through|undergo|undergoes)\s{1,2}(?:an?|our)\s{1,2}(?:\d{1,2}[- ](?:week|month|day)\s{0,1}-?\s{0,1})?(?:paid\s)?(?:residency|orientation|onboarding|preceptorship|training program)/iu;
const WHERE_RE = cue(
  'гражданств\\p{L}{0,2} (?:рф|россии|российской федерации)|citizenship|time ?zones?|eligib\\p{L}{0,5} to work|authori[sz]ed to work|authori[sz]ation to work|work authori[sz]ation|right to work|visa sponsorship|(?:be |are )?based in (?:the )?(?:eu|us|uk|usa|europe|european|emea)',
);
// the local part starts where a word starts, so a long run of dots or letters is tried once, not at every offset
const CONTACT_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}][\p{L}\p{N}._%+-]{0,63}@[\p{L}\p{N}-]{1,63}\.\p{L}{2,}|https?:\/\/|www\.|\+?\d[\d\s()-]{8,20}\d|(?<![\p{L}\p{N}])@[A-Za-z0-9_]{3,32}|(?<![\p{L}])(?:text|call|dm) (?:me|us|[A-Z][a-z]{1,15})(?![\p{L}])/u;
const COPYRIGHT_RE = /©|\(c\) \d{4}|copyright|all rights reserved|все права защищены/iu;
// ("they" of a recruiter's client: "They're in the middle of switching from Excel-based planning to SAP IBP")
const BLURB_RE = /(?<![\p{L}])(?:we|we're|we've|we'll|our|us|join|they|they're|they've|their|мы|наш\p{L}{0,3}|нас|нам|компания|компании)(?![\p{L}])/iu;
const ROLE_STATEMENT_RE = /^[^,.;:]{0,30}?(?<![\p{L}])(?:нам нужен|нам нужна|мы ищем|ищем|we are looking for|we're looking for|we are seeking|we're seeking|we are hiring|we're hiring|hiring|we need an? |приглашаем|требуется|требуются|открыта вакансия|(?:they|my client|our client) (?:is |are )?(?:staffing up|hiring|looking for|seeking)|they're (?:staffing up|hiring|looking for|seeking)|(?:они|клиент|заказчик) ищ(?:ут|ет))/iu;
const REQ_CUE_RE = cue(
  "need|needs|must|required|require|requirement|experience|years|knowledge|ability|able to|degree|licen[cs]e|certif|skills?|proficien|familiar|understand|you have|you know|you are comfortable|you're comfortable|you write|you've|you care about|you can|you speak|you hold|background in|нужн|нужен|нужна|требуется|обязательн|необходим|опыт|стаж|знани|умени|умеешь|навык|владени|понима|права|образовани|удостоверени|сертификат|должен|должна|важно, чтобы",
);
/** A sentence that opens by asking («Нужен опыт …», "You'll need …"). */
const ASK_OPENER_RE =
  /^(?:нужен|нужна|нужно|нужны|требуется|требуются|от вас|ждём от вас|ждем от вас|we need|you need|you'll need|you will need|you must|must have|required|обязательно)(?![\p{L}])/iu;
const DUTY_OPENER_RE = /^(?:(?:(?:day to day|day-to-day|on a typical day|most days),\s{1,2})?(?:you'll|you will|you would|you'd)(?:\s{1,2}also)?(?!\s{1,2}(?:need|have(?!\s{1,2}(?:the\s{1,2}(?:chance|opportunity)|a\s{1,2}chance|access|fun))|be required|require|bring))|in this role|as an? [\p{L} ]{1,40},? you(?:'ll| will)?|ты будешь|вы будете|будешь|предстоит)(?![\p{L}])/iu;

/**
 * Words after which a capitalised word continues the phrase ("experience with Spring", "an active Arizona real estate
 * license"), never a new item.
 */
const FUNCTION_WORDS = new Set(
  `with in on of and or the a an for to at by from as like such than least minimum min about into using via per
  including is are be your our e g и в во с со на по для от до к у о об или не менее более чем как из за
  active valid current unrestricted their his her its my means written spoken`.split(/\s+/),
);
/** Capitalised words that open a requirement or a new sentence when a scrape has lost its bullets and full stops. */
const OPENERS = new Set(
  `minimum must ability able experience knowledge strong solid excellent clean valid current proficient proficiency
  familiarity familiar bachelor's bachelor master's associate high degree own previous working understanding good
  basic advanced intermediate fluent demonstrated proven effective willingness willing comfortable knowing expert
  attention hands if we our you please so this join apply colleagues all preferably ideally опыт знание умение навыки высшее среднее
  наличие уверенное владение понимание готовность ответственность желательно права водительское стаж образование
  отсутствие сертификат удостоверение свидетельство допуск аттестация если мы наша компания`.split(/\s+/),
);
/**
 * Words an opener goes on from within the same ask: openers a noun follows ("Bachelor's Degree", "Proven Experience",
 * "Strong Knowledge"), and a years count's noun ("3-5+ Years Experience").
 */
const NOUN_AFTER = new Set(
  `minimum strong solid excellent proven demonstrated good basic advanced intermediate fluent working previous hands
  bachelor bachelor's bachelors master master's masters associate associate's doctoral college university high
  year years yrs`.split(/\s+/),
);
const ABBREVIATIONS = new Set(
  `e.g i.e eg ie vs mr mrs ms dr prof approx incl excl cf no nos fig st jr sr inc ltd co etc u.s u.k j.d ph.d m.d b.s b.a m.s m.a ph
  msc bsc m.sc b.sc b.tech m.tech btech mtech b.e m.e b.com m.com
  т.е т.к т.д т.п напр им ул проф тел см гл
  стр ср англ рус мин макс ок кат г д м руб тыс ст пр др т`.split(/\s+/),
);

const BULLET_RE = /^[ \t]{0,8}(?:[•·▪◦●○■□➢►▶✓✔❖→∙◆◇‣⁃⦁*+]|[-–—](?=\s|\p{L})|\(?\d{1,2}[.)](?![\d.])|\(?[a-zа-я]\)(?=\s))[ \t]{0,4}/iu;

/** What a piece's ends shed: spaces, list punctuation, bullets and a post's emoji ("✅ уверенный ПК", "▪️ опыт …"). */
const LEAD_TRIM_RE = new RegExp(`[\\s,;:|•·\\-–—*${EMOJI_CLASS}]`, 'u');
const TAIL_TRIM_RE = new RegExp(`[\\s,;:|.•·\\-–—*${EMOJI_CLASS}]`, 'u');

function trimSpan(text: string, s: number, e: number): Span | null {
  while (s < e && LEAD_TRIM_RE.test(text[s]!)) s++;
  while (e > s && TAIL_TRIM_RE.test(text[e - 1]!)) e--;
  // connectors left over from a split: "and CI", "и Docker"
  const lead = /^(?:and|or|и|или|а также|as well as)\s{1,3}/iu.exec(text.slice(s, Math.min(e, s + 16)));
  if (lead) s += lead[0].length;
  return e > s ? { start: s, end: e } : null;
}

/** Where the word starting at `start` ends: letters, digits, apostrophes, + and #, and a dot inside ("Node.js"). */
function wordEnd(text: string, start: number, end: number): number {
  let i = start;
  for (; i < end; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '’' || ch === '+' || ch === '#') continue;
    if (ch === '.' ? !isLetterOrDigit(text[i + 1]) : !isLetterOrDigit(ch)) break;
  }
  return i;
}

function wordsOf(text: string, span: Span): Array<{ raw: string; key: string; start: number; end: number }> {
  const out: Array<{ raw: string; key: string; start: number; end: number }> = [];
  let i = span.start;
  while (i < span.end) {
    if (isLetterOrDigit(text[i])) {
      const start = i;
      i = wordEnd(text, i, span.end);
      const raw = text.slice(start, i);
      const lower = raw.toLowerCase();
      out.push({ raw, key: lower.includes('’') ? lower.replaceAll('’', "'") : lower, start, end: i });
    } else i++;
  }
  return out;
}

/** The number of words wordsOf finds, without making them. */
function wordCount(text: string, span: Span): number {
  let count = 0;
  let i = span.start;
  while (i < span.end) {
    if (isLetterOrDigit(text[i])) {
      i = wordEnd(text, i, span.end);
      count++;
    } else i++;
  }
  return count;
}

/** Lines of a section, bullets stripped, inline bullets and full stops as separators. */
function sentencesOf(text: string, section: Span): Span[] {
  const out: Span[] = [];
  let lineStart = section.start;
  while (lineStart < section.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > section.end) lineEnd = section.end;
    let s = lineStart;
    const bullet = BULLET_RE.exec(text.slice(s, Math.min(lineEnd, s + 24)));
    if (bullet) s += bullet[0].length;
    let from = s;
    let depth = 0;
    for (let i = s; i < lineEnd; i++) {
      const ch = text[i]!;
      let cut = -1;
      let skip = 1;
      // a bracket that closes soon on the same line holds one ask: "Java (8 or later; we run 17)"
      if (ch === '(' && closesSoon(text, i, lineEnd)) depth++;
      else if (ch === ')' && depth > 0) depth--;
      if (depth > 0) continue;
      if (ch === ';' || ch === '•' || ch === '·' || ch === '▪' || ch === '●' || ch === '■' || ch === '|') cut = i;
      else if ((ch === '.' || ch === '!' || ch === '?' || ch === '…') && /\s/.test(text[i + 1] ?? ' ')) {
        const next = nextNonSpace(text, i + 1, lineEnd);
        const prevWord = wordBefore(text, i, from);
        if (ch !== '.' || !ABBREVIATIONS.has(prevWord) || endsAfterAbbreviation(text, i, next, prevWord, lineEnd)) cut = i;
      } else if ((ch === '-' || ch === '–' || ch === '—') && text[i - 1] === ' ' && text[i + 1] === ' ' && (/\p{Lu}/u.test(text[i + 2] ?? '') || (/\d/.test(text[i + 2] ?? '') && !/\d/.test(text[i - 2] ?? ''))) && !QUALIFIER_AFTER_DASH_RE.test(text.slice(i + 2, Math.min(lineEnd, i + 40)))) {
        // a flattened list's dash before an item, also one that opens with a number ("… or a related field - 5+ years
        // of …"), but not a range ("3 - 5 years"), nor one before the word that says how much the ask before it is
        // asked and what it takes («свой ручной инструмент — ОБЯЗАТЕЛЬНО (ключи, головки …)»)
        cut = i;
      }
      if (cut >= 0) {
        const span = trimSpan(text, from, cut);
        if (span) out.push(span);
        from = cut + skip;
      }
    }
    const span = trimSpan(text, from, lineEnd);
    if (span) out.push(span);
    lineStart = lineEnd + 1;
  }
  return out;
}

/** A word that says how much the ask before it is asked, with its bracket or at the line's end (not "- REQUIRED - Next …"). */
const QUALIFIER_AFTER_DASH_RE = /^(?:обязательно|желательно|required|preferred|mandatory|a must)(?![\p{L}])\s{0,2}(?:\(|[.;!]|$)/iu;

/** The word (letters and inner dots, at most 6) that ends at `at`, lower-cased: what an abbreviation is looked up by. */
function wordBefore(text: string, at: number, from: number): string {
  return /[\p{L}.]{1,6}$/u.exec(text.slice(Math.max(from, at - 6), at))?.[0]?.toLowerCase().replace(/^\./, '') ?? '';
}

/**
 * Whether a full stop after an abbreviation also ends the sentence: a unit after a number followed by a capital («до
 * 9 м. Обязательно: …», "up to 20 kg. Must …"), or a capitalised word that opens an ask or a label («… ул. Шефская» is
 * a street and goes on; «… и т.д. Опыт от года» ends).
 */
function endsAfterAbbreviation(text: string, stop: number, next: number, abbreviation: string, lineEnd: number): boolean {
  if (next === -1 || !/\p{Lu}/u.test(text[next]!)) return false;
  const word = /^[\p{L}'’]+/u.exec(text.slice(next, Math.min(lineEnd, next + 40)))?.[0] ?? '';
  if (OPENERS.has(word.toLowerCase()) || LABEL_WORDS.has(word.toLowerCase())) return true;
  if (text[next + word.length] === ':') return true;
  const unitStart = stop - abbreviation.length;
  return UNITS.has(abbreviation) && /\d\s{0,2}$/.test(text.slice(Math.max(0, unitStart - 3), unitStart));
}

/** Units of ABBREVIATIONS written with a full stop after a number («9 м.», «70 тыс.», «2019 г.»). */
const UNITS = new Set(['м', 'г', 'руб', 'тыс', 'мин']);
/** Words that open a posting's label or list when capitalised after a stop («Обязательно:», «Требования», "Required"). */
const LABEL_WORDS = new Set(['обязательно', 'требования', 'требуется', 'условия', 'обязанности', 'required', 'requirements', 'responsibilities']);

/** Whether the bracket opened at `open` closes within a short stretch of the same line. */
function closesSoon(text: string, open: number, lineEnd: number): boolean {
  const close = text.slice(open + 1, Math.min(lineEnd, open + 121)).indexOf(')');
  return close !== -1;
}

function nextNonSpace(text: string, from: number, end: number): number {
  for (let k = from; k < end && k < from + 8; k++) if (!/\s/.test(text[k]!)) return k;
  return -1;
}

/** A scrape whose bullets and full stops were lost: a long line with few sentence ends. */
function isFlattened(text: string, section: Span): boolean {
  const length = section.end - section.start;
  if (length < 160) return false;
  let stops = 0;
  let lines = 0;
  for (let i = section.start; i < section.end; i++) {
    const ch = text[i]!;
    if (ch === '.' || ch === '!' || ch === '?' || ch === ';') stops++;
    else if (ch === '\n') lines++;
  }
  const words = length / 6;
  return lines <= 1 && stops * 18 < words;
}

const NUMBER_WORD_RE = /^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)$/;
/** A word that ends an item by saying how it is asked. */
const ASK_END_RE = /^(?:experience|preferred|required|desired)$/;
/** A word that names a credential after its issuer's acronym ("ASE Certification", "BLS Card", "ASE Master Technician"). */
const CREDENTIAL_NOUN_RE = /^(?:Certifications?|Certificates?|Certified|Licen[cs]es?|Licensed|Cards?|Endorsements?|Master|Registration)$/;
/** A credential's capitalised name up to its noun: "National General Certificate", "Black Card", "Managing Safely Certificate". */
const CREDENTIAL_NAME_RE = /^(?:\p{Lu}[\p{L}'-]{0,20}\s{1,2}){1,4}(?:Certifications?|Certificates?|Diploma|Award|Licen[cs]es?|Cards?|Qualifications?)(?![\p{L}])/u;
const SECOND_ASK_RE =
  /(?:,\s{1,3}|\s)((?:and|и|а также)\s{1,3}(?:you|вы|ты)\s{1,3}(?:have|know|are|can|care|understand|enjoy|bring|speak|write|hold|'re|'ve|умеете|знаете|имеете|владеете|понимаете|умеешь|знаешь|имеешь|владеешь|понимаешь)(?![\p{L}']))/giu;

/** Split where a lost bullet or full stop must have been: before "Minimum …", "Must …", or a capital after a lowercase word. */
function softSplit(text: string, span: Span, flattened: boolean, tagCloud = false): Span[] {
  const ws = wordsOf(text, span);
  const cuts: number[] = [];
  // brackets open at each word, counted once along the span: no cut inside "(OWASP Top 10)"
  let depth = 0;
  let scanned = span.start;
  for (let k = 1; k < ws.length; k++) {
    const w = ws[k]!;
    const p = ws[k - 1]!;
    for (; scanned < w.start; scanned++) {
      if (text[scanned] === '(' && closesSoon(text, scanned, span.end)) depth++;
      else if (text[scanned] === ')' && depth > 0) depth--;
    }
    if (depth > 0) continue;
    const gap = w.start - p.end;
    // a flattened list's item that ends on its bracket: "… compact state (required) BLS and ACLS (required)", "… (ED
    // experience preferred) TNCC or ENPC is a plus", "… (Engine Repair, Brakes, etc.) Must provide …"
    if (flattened && /^[.!?]?\)\s{1,3}$/.test(text.slice(p.end, w.start)) && /^\p{Lu}/u.test(w.raw)) {
      cuts.push(w.start);
      continue;
    }
    if (gap < 1 || gap > 3 || !/^\s{1,3}$/.test(text.slice(p.end, w.start))) continue;
    if (FUNCTION_WORDS.has(p.key)) continue;
    // outside a flattened scrape only an opener is cut before
    const opener = OPENERS.has(w.key);
    if (!opener && !flattened) continue;
    // a Latin name inside a Russian sentence is part of it: «… собираете интерфейсы на SwiftUI и не боитесь UIKit»
    // (a tag cloud's tags are names in both scripts: «Техническая поддержка Usedesk Zendesk»)
    if (flattened && !tagCloud && !opener && /^\p{Script=Latin}/u.test(w.raw) && /\p{Script=Cyrillic}$/u.test(p.raw)) continue;
    const capital = /^\p{Lu}\p{Ll}/u.test(w.raw) || /^\p{Lu}$/u.test(w.raw) === false && /^\p{Lu}[\p{Ll}\p{Lu}]/u.test(w.raw) && /\p{Ll}/u.test(w.raw);
    if (capital && opener && !NOUN_AFTER.has(p.key)) {
      cuts.push(w.start);
      continue;
    }
    if (!flattened) continue;
    const prevLower = /^\p{Ll}/u.test(p.raw) && !/ing$/.test(p.key);
    // (Microsoft's "MS Project", "MS Office" are one name)
    // (and a credential is named by its body's acronym: "ASE Certification", "CPR Card", "ASE Master Technician")
    // (and by its body's acronym before its capitalised name: "NEBOSH National General Certificate", "CSCS Black Card")
    const prevAcronym = /^\p{Lu}{2,}$/u.test(p.raw) && p.raw !== 'MS' && !CREDENTIAL_NOUN_RE.test(w.raw) && !CREDENTIAL_NAME_RE.test(text.slice(w.start, w.start + 80));
    if (capital && (prevLower || (prevAcronym && /^\p{Lu}\p{Ll}{2,}$/u.test(w.raw)))) cuts.push(w.start);
    // a credential by its acronym opens an item: "… in the State of Ohio BLS required, ACLS within 6 months of hire"
    else if (/^\p{Lu}{2,6}$/u.test(w.raw) && !prevAcronym && /^\s{1,2}(?:required|preferred|certification|certified|certificate|card)(?![\p{L}])/iu.test(text.slice(w.end, w.end + 16))) cuts.push(w.start);
    // an item that ends on what it asks, before a name in capitals: "Hybrid or EV experience ALLDATA, Mitchell 1 …"
    else if (ASK_END_RE.test(p.raw) && /^\p{Lu}{3,}$/u.test(w.raw)) cuts.push(w.start);
    // "… Network+ or Security+ a plus A valid driver's license …": a plus ends its item before any capital
    else if (/^plus$/i.test(p.raw) && /^a$/i.test(ws[k - 2]?.raw ?? '') && /^\p{Lu}/u.test(w.raw)) cuts.push(w.start);
    // a company opening a sentence: "… Spring Boot CyberCoders, Inc is proud …"
    else if (capital && /^,?\s{0,2}(?:Inc|LLC|Ltd|Corp)(?![\p{L}])/u.test(text.slice(w.end, w.end + 8))) cuts.push(w.start);
    else if (prevLower && /^\d{1,2}\+$/.test(w.raw) && /^\s{0,2}(?:years?|yrs)/i.test(text.slice(w.end, w.end + 12))) cuts.push(w.start);
    // "… the American Heart Association One year of acute care experience": a year count opens an ask
    else if (NUMBER_WORD_RE.test(w.raw) && /^\s{0,2}(?:\+\s{0,2})?(?:years?|yrs)(?![\p{L}])/iu.test(text.slice(w.end, w.end + 14))) cuts.push(w.start);
  }
  // a second ask addressed to the reader in the same sentence: "… Python in production, and you know one of the
  // major web frameworks", «…, и вы умеете …»
  const inner = text.slice(span.start, span.end);
  const seen = new Set(cuts);
  let depthAt = 0;
  let scannedTo = span.start;
  for (const m of inner.matchAll(SECOND_ASK_RE)) {
    const at = span.start + m.index + m[0].indexOf(m[1]!);
    // brackets counted once along the span, as the matches come in order
    for (; scannedTo < at; scannedTo++) {
      if (text[scannedTo] === '(') depthAt++;
      else if (text[scannedTo] === ')' && depthAt > 0) depthAt--;
    }
    if (!seen.has(at) && depthAt === 0) cuts.push(at);
  }
  cuts.sort((a, b) => a - b);
  if (cuts.length === 0) return [span];
  const out: Span[] = [];
  let from = span.start;
  for (const c of [...cuts, span.end]) {
    const s = trimSpan(text, from, c);
    if (s) out.push(s);
    from = c;
  }
  return out;
}

/** "категории B, C, CE": a comma between driving categories does not separate asks. */
function categoryList(text: string, comma: number): boolean {
  return (
    /(?<![\p{L}])(?:[A-EА-Е]{1,2}1?|C\+E)$/u.test(text.slice(Math.max(0, comma - 4), comma)) &&
    /^\s{0,2}(?:[A-EА-Е]{1,2}1?|C\+E)(?![\p{L}])/u.test(text.slice(comma + 1, comma + 8))
  );
}

/** Pieces between commas outside brackets and quotes. */
function commaPieces(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let from = span.start;
  for (let i = span.start; i < span.end; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[' || ch === '«') depth++;
    else if ((ch === ')' || ch === ']' || ch === '»') && depth > 0) depth--;
    else if (ch === ',' && depth === 0 && !/\d/.test(text[i + 1] ?? '') && !categoryList(text, i)) {
      const s = trimSpan(text, from, i);
      if (s) out.push(s);
      from = i + 1;
    }
  }
  const s = trimSpan(text, from, span.end);
  if (s) out.push(s);
  return out;
}

/** Where the sentence that runs on at `from` ends: its full stop before a space, or its line's end. */
function sentenceEndAfter(text: string, from: number): number {
  const end = /[.!?](?=\s|$)|\n/.exec(text.slice(from, from + 2000));
  return end ? from + end.index : Math.min(text.length, from + 2000);
}

function firstKey(text: string, span: Span): string {
  return wordsOf(text, { start: span.start, end: Math.min(span.end, span.start + 40) })[0]?.key ?? '';
}

/**
 * "Java, C#, SQL" and "высшее образование, опыт от 5 лет, знание 1С" are lists; "Python, ideally with Django" is not.
 * `clauses` marks a list of whole asks, each with its own wording ("…, сертификат будет плюсом"), as against a list
 * of short items that one marker qualifies together ("Kafka, RabbitMQ is a plus").
 */
/** A level of a skill before its examples: "Strong colour work", «Уверенные сложные окрашивания». */
const ASK_WITH_EXAMPLES_RE = /^\s*(?:strong|solid|good|excellent|advanced|confident|proven|уверенн\p{L}{0,3}|хорош\p{L}{0,3}|отличн\p{L}{0,3}|глубок\p{L}{0,3}|продвинут\p{L}{0,3})\s/iu;

function splitList(text: string, span: Span, ask: Asker): { pieces: Span[]; clauses: boolean } {
  const whole = { pieces: [span], clauses: false };
  // two asks the posting says it wants both of, each naming what it asks: "Hands-on programming on BOTH platforms:
  // Allen-Bradley Logix in Studio 5000 (ladder and structured text) AND Siemens S7-1200/1500 in TIA Portal"
  const both = bothParts(text, span, ask);
  if (both) return { pieces: both, clauses: true };
  // a topic and what it covers after a colon: «понимание НДС: счета-фактуры, корректировки, книга продаж», "knowledge of
  // GAAP: accruals, deferrals, revenue recognition"
  if (TOPIC_COLON_RE.test(text.slice(span.start, span.end))) return whole;
  // a list any one item of meets: "Hands-on with at least one BI tool - Looker, Tableau, Power BI, Mode, whatever"
  if (ANY_ONE_RE.test(text.slice(span.start, span.end))) return whole;
  // and a skill with what of it is asked: «Уверенный TypeScript: дженерики, утилитарные типы, типизация API-ответов»
  const colon = /^([^:,;()]{1,60}):\s/u.exec(text.slice(span.start, span.end));
  // (or a level of something, its examples after the colon, at most one skill among them: «Уверенные сложные
  // окрашивания: балаяж, шатуш, airtouch, …», all of them hair colouring)
  if (colon && colon[1]!.trim().split(/\s+/).length <= 4 && (ask.skills(colon[1]!).length > 0 || (ASK_WITH_EXAMPLES_RE.test(colon[1]!) && new Set(ask.skills(text.slice(span.start + colon[0].length, span.end)).map((m) => m.id)).size <= 1))) return whole;
  // a sentence that leads into its list ("A few things would make you stand out but aren't deal-breakers: an OSHA 30,
  // any fire alarm or low-voltage work, …"): the items after its colon are the asks, each asked as it says
  const leadIn = LEAD_IN_RE.exec(text.slice(span.start, span.end));
  // (not where any one item will do: "Experience with one of the following operating systems: Linux, Windows")
  if (leadIn && !/(?<![\p{L}])(?:(?:one|any|either) of|один из|одн\p{L}{1,2} из|люб\p{L}{1,2} из)(?![\p{L}])/iu.test(leadIn[0])) {
    const items = commaPieces(text, { start: span.start + leadIn[0].length, end: span.end });
    // (one item here where the rest run on after a semicolon, each a unit of its own)
    if (items.length >= 2 || (items.length === 1 && /^[^\S\n]{0,3};/.test(text.slice(span.end, span.end + 4)))) return { pieces: items, clauses: false };
  }
  let pieces = commaPieces(text, span);
  // a last piece that only says how much the rest is asked: "A PMP or a degree … is welcome, not required"
  if (pieces.length >= 2 && QUALIFIER_PIECE_RE.test(text.slice(pieces[pieces.length - 1]!.start, pieces[pieces.length - 1]!.end))) {
    pieces = [...pieces.slice(0, -2), { start: pieces[pieces.length - 2]!.start, end: pieces[pieces.length - 1]!.end }];
  }
  // examples after a marker belong to the ask before it: "Solid experience with dbt, including incremental models,
  // tests and macros", «опыт с BI, например Power BI, Tableau»
  const examples = pieces.findIndex((p, k) => k > 0 && EXAMPLES_OPENER_RE.test(text.slice(p.start, p.end)));
  if (examples > 0) pieces = [...pieces.slice(0, examples - 1), { start: pieces[examples - 1]!.start, end: span.end }];
  // a clause that opens by saying it is only hoped for is a plus of its own, to the end: "Python, preferably Django",
  // "two years of acute care as an RN, ideally in Medical-Surgical, Step-Down or Telemetry"
  // (up to the next piece that asks on its own: «…, желательно в группе компаний, глубокое знание НДС, …»)
  const hoped = pieces.findIndex((p, k) => k > 0 && PREFERABLY_RE.test(text.slice(p.start, p.end)));
  if (hoped > 0) {
    let last = hoped;
    while (last + 1 < pieces.length && !REQ_CUE_RE.test(text.slice(pieces[last + 1]!.start, pieces[last + 1]!.end))) last++;
    return { pieces: [...pieces.slice(0, hoped), { start: pieces[hoped]!.start, end: pieces[last]!.end }, ...pieces.slice(last + 1)], clauses: true };
  }
  if (pieces.length < 2) return whole;
  // two clauses, one of which says how much its own item is asked: "Graduate of an accredited school of nursing, BSN
  // preferred or willingness to obtain …", "BLS required, ACLS within 6 months of hire"
  if (pieces.length === 2) {
    const [a, b] = pieces as [Span, Span];
    const saysB = SAYS_HOW_ASKED_RE.test(text.slice(b.start, b.end)) && wordCount(text, a) >= 3;
    // (not where the second offers another way to the first: "BSN preferred, ADN accepted with a commitment to …")
    const saysA = SAYS_HOW_ASKED_RE.test(text.slice(a.start, a.end)) && wordCount(text, a) <= 4 && wordCount(text, b) >= 2 && !ALSO_TAKEN_RE.test(text.slice(b.start, b.end));
    if (saysA || saysB) return { pieces, clauses: true };
  }
  // "Python, Go or Java", "payments, banking or another regulated domain": one ask any item meets (a longer list's
  // "or" is read as binding its last two items only: "Java, Spring, Kafka or RabbitMQ")
  const last = pieces[pieces.length - 1]!;
  // (with the comma before it: a piece's leading "or" is trimmed off, "…, producing, or editing short-form video")
  const lastWithGap = text.slice(pieces[pieces.length - 2]!.end, last.end);
  // "… Statistics, Mathematics, Computer Science, or a related quantitative field", «…, физика или смежные
  // направления»: every item is an alternative however long the list
  if (OR_RELATED_RE.test(lastWithGap)) return whole;
  // a degree's fields: "Master's degree in Statistics, Mathematics, Computer Science", «высшее образование
  // (техническое, экономическое)»
  if (DEGREE_IN_RE.test(text.slice(pieces[0]!.start, pieces[0]!.end)) && pieces.slice(1).every((p) => wordCount(text, p) <= 4)) return whole;
  if (pieces.length <= MAX_ALTERNATIVES_LIST && ALTERNATIVE_RE.test(lastWithGap) && !OPENERS.has(firstKey(text, last))) {
    return whole;
  }
  // "A CPA, CFA or MBA, or progress toward one": credentials offered as alternatives, with the way there as one more
  if (OR_ON_THE_WAY_RE.test(text.slice(pieces[pieces.length - 2]!.end, last.end)) && pieces.length <= MAX_ALTERNATIVES_LIST + 1) return whole;
  const counts = pieces.map((p) => wordCount(text, p));
  const hasSkill = pieces.map((p) => ask.skills(text.slice(p.start, p.end)).length > 0);
  if (counts.every((c) => c <= 4) && (pieces.length >= 3 || hasSkill.every(Boolean))) return { pieces, clauses: false };
  const rest = pieces.slice(1);
  const restCounts = counts.slice(1);
  const openers = rest.filter((p) => OPENERS.has(firstKey(text, p))).length;
  // the first clause counted without its bracketed asides: «Обязательно: удостоверение тракториста-машиниста
  // (водителя погрузчика) категории B или C (или «водитель погрузчика» по учебному центру), опыт работы от года»
  const firstPlain = withoutAsides(text.slice(pieces[0]!.start, pieces[0]!.end)).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (Math.min(counts[0]!, firstPlain) <= 12 && openers >= 1 && rest.every((p, k) => OPENERS.has(firstKey(text, p)) || restCounts[k]! <= 3)) {
    return { pieces, clauses: true };
  }
  if (pieces.length >= 3 && restCounts.every((c) => c <= 4) && hasSkill.slice(1).filter(Boolean).length >= rest.length * 0.75) {
    return { pieces, clauses: false };
  }
  return whole;
}

/** A concept's words, then its marker of examples, before a row's first skill: "front-end technologies, such as ". */
const EXAMPLES_BEFORE_RE = /[\p{L}-]{3,}[\s,]{1,3}(?:such as|e\.g\.,?|for example|like|including|например|такие как|такими как|в том числе|включая)[\s:,]{1,3}$/iu;
const ANY_ONE_RE = /(?<![\p{L}])(?:(?:at least one|any one|хотя бы од\p{L}{1,3})(?!\s{1,2}(?:years?|months?|full|год\p{L}{0,2}|месяц\p{L}{0,2}))|one or more of|whatever|люб\p{L}{1,2} из)(?![\p{L}])/iu;
const LEAD_IN_RE =
  /^[^:()]{0,80}?(?:(?:a few|some|several|these|the following) things|the following|would (?:really |truly |definitely |also )?(?:make you )?stand out|set you apart|(?:aren't|are not|isn't|is not) (?:deal-?breakers|required)|bonus points? (?:for|if)|we(?:'d| would) (?:also )?love|нам (?:также )?(?:будет )?(?:важно|интересно)|будет плюсом)[^:()]{0,60}:\s{1,3}/iu;
const PREFERABLY_RE = /^(?:preferably|ideally|желательно|желателен|желательна|в идеале)(?![\p{L}])/iu;
/** A list item that opens with its marker of examples: "including …", "such as …", «например …», «в том числе …». */
const EXAMPLES_OPENER_RE = /^(?:including|incl\.|such as|e\.g\.|for example|like|особенно|например|в том числе|включая|такие как|такими как)(?![\p{L}])/iu;
const ALSO_TAKEN_RE = /^(?:[\p{L}\p{N}'’+#./-]+\s{1,2}){1,3}(?:accepted|acceptable|considered|also (?:accepted|considered)|принимается|рассматривается|рассматриваем)(?![\p{L}])/iu;
const TOPIC_COLON_RE = /^(?:понимание|знание|знания|understanding|knowledge)(?:\s{1,2}of)?(?:,?\s{1,2}[\p{L}\p{N}-]+){1,6}\s{0,2}:\s/iu;
const QUALIFIER_PIECE_RE = /^(?:but |and |though )?(?:not required|not a must|not mandatory|optional|preferred|a plus|nice to have|не обязательно|необязательно|желательно)[.!]?$/iu;
const SAYS_HOW_ASKED_RE = /^(?:[\p{L}\p{N}'’+#./-]+\s{1,2}){1,3}(?:preferred|required|is a plus|a plus|desired|желательно|обязательно|приветствуется)(?![\p{L}])/iu;
const CONTINUES_RE = /^(?:and\s{1,3})?(?:so (?:is|are|would be|will be)|as (?:is|are|would be)|the same (?:goes )?for|same for|а также|равно как и)(?![\p{L}])/iu;
const OR_RELATED_RE =
  /(?:^|[\s,])(?:or|или|либо)\s{1,3}(?:(?:a|an|another|any|other|a closely|similar|equivalent)\s{1,3})?(?:related|similar|equivalent|relevant|comparable|closely related|смежн|аналогичн|родствен|близк|профильн)/iu;
const DEGREE_IN_RE = /(?<![\p{L}])(?:degree|bachelor'?s|master'?s|bsc|msc|ph\.?d|diploma)\s{1,3}(?:\p{L}+\s{1,3})?(?:in|of)\s/iu;
const ALTERNATIVE_RE = /(?<![\p{L}])(?:or|или|либо)(?![\p{L}])/iu;
const OR_ON_THE_WAY_RE = /^[\s,;]*(?:or|или|либо)\s{1,3}(?:(?:real |clear |demonstrable )?progress towards?|working towards?|currently (?:pursuing|enrolled)|in progress|в процессе)(?![\p{L}])/iu;
/** Items of the longest list whose final "or" makes every item an alternative ("Python, Go or Java"). */
export const MAX_ALTERNATIVES_LIST = 3;
const LIST_GAP_RE = /^[\s,;/&+.\d()]{0,12}(?:(?:and|и|&)[\s,;/&+.\d()]{0,12})?$/iu;

/** "BOTH" stressed in capitals, or "both" before a colon that names what: "on both platforms: …". */
const BOTH_RE = /(?<![\p{L}])(?:BOTH|[Bb]oth(?=[^.;:\n]{0,30}:))(?![\p{L}])/u;

/**
 * The two asks of a stressed "BOTH X AND Y" (or "both …: X and Y"), where each side names skills of its own, split at
 * the "and" outside brackets; else null. A plain "both print and digital work" is one ask.
 */
function bothParts(text: string, span: Span, ask: Asker): Span[] | null {
  const inner = text.slice(span.start, span.end);
  const both = BOTH_RE.exec(inner);
  if (!both) return null;
  let depth = 0;
  for (let i = both.index; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0 && /\s/.test(ch)) {
      const and = /^\s(?:and|&)\s/iu.exec(inner.slice(i, i + 6))?.[0];
      if (!and) continue;
      const left = { start: span.start, end: span.start + i };
      const right = { start: span.start + i + and.length, end: span.end };
      const leftSkills = ask.skills(inner.slice(both.index, i));
      const rightSkills = ask.skills(text.slice(right.start, right.end));
      // (each side its own skills: "both front-end and back-end" with one skill named is one ask)
      if (leftSkills.length === 0 || rightSkills.length === 0) return null;
      const leftIds = new Set(leftSkills.map((m) => m.id));
      if (rightSkills.every((m) => leftIds.has(m.id))) return null;
      return [left, right];
    }
  }
  return null;
}

/** A skill line naming several skills as a plain list ("React and TypeScript", "Java Spring PostgreSQL"): one row each. */
function perSkill(text: string, span: Span, matches: SkillMatch[]): Span[] | null {
  const ids = new Set(matches.map((m) => m.id));
  if (ids.size < 2) return null;
  const inner = text.slice(span.start, span.end);
  // (nor a list of a kind's examples: "TCP/IP, DNS, HTTP and other common network protocols")
  if (ALTERNATIVE_RE.test(inner) || ANY_ONE_RE.test(inner) || /(?<![\p{L}])(?:and|и|или|or) (?:other|similar|другие|прочие)\s|(?<![\p{L}])(?:любой|любая|любое)(?![\p{L}])/iu.test(inner)) return null;
  // (nor skills in a bracket that gives a concept's examples: «Опыт с e2e-тестами (Playwright, Cypress)»)
  const before = inner.slice(0, matches[0]!.start);
  if (before.split('(').length > before.split(')').length && before.trim().length > 1) return null;
  // (nor skills a marker gives as a concept's examples: "Basic understanding of front-end technologies, such as
  // JavaScript, HTML5, and CSS3" asks for the concept)
  if (EXAMPLES_BEFORE_RE.test(before.slice(-80))) return null;
  for (let k = 1; k < matches.length; k++) {
    const gap = text.slice(span.start + matches[k - 1]!.end, span.start + matches[k]!.start);
    // (skills in a bracket after a skill are its examples: «опыт в ЭДО (Диадок, СБИС — любой)» is one ask)
    if (!LIST_GAP_RE.test(gap) || gap.includes('(')) return null;
  }
  return matches.map((m) => {
    // keep a version written after the name: "Java 17+", "1С:ЗУП 3.1"
    // (on the skill's line and inside its piece: "HTML/CSS" ending a line above "1-3 Years …" has no version "1")
    const version = /^[ \t]{0,2}\d{1,3}(?:\.\d{1,3}){0,2}\+?/.exec(text.slice(span.start + m.end, Math.min(span.end, span.start + m.end + 12)));
    return { start: span.start + m.start, end: span.start + m.end + (version ? version[0].length : 0) };
  });
}

interface Unit extends Span {
  section: Section['kind'];
  flattened: boolean;
}

/** A field called an experience: UX, CX, the guest's or the patient's experience. */
const FIELD_EXPERIENCE_RE =
  /(?<![\p{L}])(?:user|customer|guest|patient|client|candidate|developer|employee|member|visitor|shopper|learner|player|пользовательск\p{L}{0,3}|клиентск\p{L}{0,3})\s(?:experience|опыт)(?![\p{L}])|(?<![\p{L}])опыт\s(?:пользовател|клиент|покупател|гост|пациент)\p{L}{0,3}/giu;

function kindOf(piece: string, skills: string[], ask: Asker): { kind: RequirementKind; extra: Partial<PostingRequirement> } {
  const years = yearsAsked(piece);
  if (years !== null) return { kind: 'experience', extra: { years } };
  const licence = ask.licence(piece);
  const education = educationAsked(piece);
  if (education && (!licence || licence.type === 'certificate' && /degree|образовани|diploma/i.test(piece))) {
    return { kind: 'education', extra: { education } };
  }
  if (licence) return { kind: 'licence', extra: { licence } };
  const language = ask.language(piece);
  if (language) return { kind: 'language', extra: { language } };
  if (skills.length > 0) return { kind: 'skill', extra: {} };
  // (a field named "experience" is no tenure: "user experience", «клиентский опыт»)
  if (/experience|опыт|стаж/iu.test(piece.replace(FIELD_EXPERIENCE_RE, ''))) return { kind: 'experience', extra: {} };
  if (isPersonalQuality(piece)) return { kind: 'quality', extra: {} };
  return { kind: 'other', extra: {} };
}

/**
 * Personal qualities a posting asks for and a resume rarely shows in words: communication, attention to detail,
 * reliability, «грамотная речь», «ответственность», «стрессоустойчивость». A short piece that names one (and no skill,
 * years or experience: kindOf decides those first) is one.
 */
const QUALITY_RE = cue(
  "communication|communicator|interpersonal|team player|teamwork|work(?:ing)? (?:well )?(?:in|as part of) a team|attention to detail|detail[- ]oriented|self[- ](?:motivated|starter|driven)|proactive|positive attitude|work ethic|reliab|punctual|organi[sz]ed|organi[sz]ational skills|time management|problem[- ]solving|critical thinking|adaptab|eager to learn|willingness to learn|(?:fast|quick) learner|people skills|presentation skills|multitask|work independently|integrity|honesty|friendly|коммуникабельн|грамотн\\p{L}{0,3} (?:речь|устн|письменн)|грамотность|ответственн|пунктуальн|внимательн|внимани\\p{L}{0,2} к детал|стрессоустойчив|исполнительн|аккуратн|доброжелательн|вежлив|клиентоориентированн|обучаем|желани\\p{L}{0,2} (?:учиться|развиваться|работать)|нацеленность на результат|инициативн|самостоятельн|организованн|(?:умение|готовность) работать в команде|командн\\p{L}{0,3} игрок|аналитическ\\p{L}{0,3} склад ума|порядочн|дисциплинированн|многозадачн|активн\\p{L}{0,3} жизненн\\p{L}{0,3} позици|позитивн|энергичн|без вредных привычек|отсутствие вредных привычек|приятн\\p{L}{0,3} голос|поставленн\\p{L}{0,3} голос|pleasant (?:phone )?voice|любовь к детям|люб\\p{L}{1,3} детей|терпени\\p{L}{0,2}|терпелив|patien(?:ce|t with)|love (?:for|of) (?:children|kids)|shows? up on time|arrives? on time|keeps? a clean (?:station|work ?area|kitchen)|helps? (?:out )?the team|keep (?:your )?cool|stays? calm|under pressure|lift(?:ing)? (?:up to )?\\d+|stand(?:ing)? for (?:long periods|\\d+)|physical(?:ly)? (?:fit|fitness|stamina)|физическ\\p{L}{0,3} (?:выносливост|форм|сил)|поднимать (?:тяжести|груз)",
);
const MAX_QUALITY_WORDS = 8;

/**
 * A longer piece that is still a quality: one that opens with it ("Strong organization skills and the ability to juggle
 * many conversations at once"), a physical ability ("Able to lift up to 50 lbs, climb ladders, work at heights …"),
 * explaining to people outside the trade ("you can explain a technical fix to a non-technical clinic owner").
 */
const OPENS_WITH_QUALITY_RE =
  /^(?:любовь к детям|терпени\p{L}{0,2}|patience|(?:a )?love (?:for|of) (?:children|kids)|(?:you )?(?:can )?keep (?:your )?cool)(?![\p{L}])|^(?:must be\s+|be\s+)?(?:able|willing) to work (?:in|outdoors|outside)(?: an?)? ?(?:non-climate-controlled|cold|hot|outdoor|noisy|dusty|fast-paced|refrigerated|freezer|all weather)|^(?:(?:strong|excellent|good|great|solid|outstanding)\s+)?(?:organi[sz]ation(?:al)?|communication|interpersonal|time[- ]management|multitasking|people)\s+skills|^(?:must be\s+|be\s+)?(?:physically\s+)?able to (?:lift|stand|climb|bend|kneel|walk|carry)|^(?:ability to|must) (?:lift|stand for)/iu;

/** An ask to explain one's work to people outside the trade: communication, a personal quality a deed can show. */
export const EXPLAINING_TO_LAYPEOPLE_RE =
  /(?<![\p{L}])explain\p{L}{0,3} (?:[\p{L}'’-]+ ){0,4}(?:to (?:an? )?non-technical|in plain (?:english|language|words)|to (?:people|anyone|someone|colleagues|managers|clients|customers|patients) who (?:don['’]t|do not|aren['’]t|are not)|(?:[\p{L}'’-]+ ){1,6}as (?:easily|well|clearly) as to|to (?:business|finance|non-engineering) (?:stakeholders|users|people|teams|partners))/iu;
const MAX_LONG_QUALITY_WORDS = 20;

function isPersonalQuality(piece: string): boolean {
  const words = piece.split(/\s+/).length;
  const longQuality = OPENS_WITH_QUALITY_RE.test(piece) || EXPLAINING_TO_LAYPEOPLE_RE.test(piece);
  return (QUALITY_RE.test(piece) && words <= MAX_QUALITY_WORDS) || (longQuality && words <= MAX_LONG_QUALITY_WORDS);
}

/** A bracket that says only how much an item is asked: Indeed's "Bachelor's (Preferred)", «(обязательно)». */
/**
 * A piece that only sets the tone of its sentence: an interjection ("Ideally", «увы», «к сожалению»), an emphasis ("This
 * one is NOT negotiable", "no exceptions"), or a short condition cut off its main clause ("If yours has lapsed"). No
 * row; "Ideally" makes the piece after it a nice-to-have.
 */
const FILLER_RE =
  /^\s*(?:ideally|honestly|sorry|unfortunately|alas|please|no exceptions|without exceptions?|non-negotiable|(?:this|that|it)(?: one| part| bit| requirement)?(?:'s| is) (?:not negotiable|non-negotiable|a must|mandatory|a hard requirement)|увы|к сожалению|желательно|без исключений|даже (?:очень |самую )?(?:хорош|крут|длинн)\p{L}*)\s*[.!]*\s*$/iu;
const CUT_CONDITION_RE = /^\s*(?:if|when|unless|once|если|когда)\s[^,;:]{1,40}$/iu;
const QUALIFIER_ONLY_RE = /^\s*(?:preferred|required|mandatory|optional|nice to have|желательно|обязательно|необходимо|плюсом|будет плюсом)\s*$/iu;

/**
 * A piece without its bracketed asides: "Java (8 or later; we run 17)" → "Java ". A bracket that only qualifies the
 * item ("iOS: 1 year (Preferred)") is kept: it says how much the whole is asked, not something inside it.
 */
const withoutAsides = (piece: string) =>
  piece.replace(/\(([^()]{0,160})\)(?=([\s.;*]*$)|)/g, (aside, inner: string, end?: string) => (end !== undefined && QUALIFIER_ONLY_RE.test(inner) ? ` ${inner} ` : ' '));

/**
 * Whether a piece asks for something as a plus. A plus said of a second ask after a dash leaves the first a must:
 * "Hands-on experience with Zendesk — admin-level knowledge is a bonus" (but «Опыт с Kafka — будет плюсом» is a plus).
 */
function niceAsked(piece: string): boolean {
  const voice = withoutAsides(piece);
  if (!NICE_RE.test(voice)) return false;
  const dash = /\s[—–-]\s(?!.*\s[—–-]\s)/u.exec(voice);
  if (!dash) return true;
  const head = voice.slice(0, dash.index);
  const tail = voice.slice(dash.index + dash[0].length);
  return NICE_RE.test(head) || !REQ_CUE_RE.test(head) || !REQ_CUE_RE.test(tail);
}

/** What follows a label line: its colon and the line's end. */
const LABEL_LINE_RE = /^[ \t*]{0,3}[:：][ \t]*(?:\r?\n|$)/;
const MAX_LABEL_WORDS = 5;

/** A level cut off the skills it qualifies: "Expert-level", «уверенное знание». */
const LEVEL_ONLY_RE = /^\s*(?:expert|advanced|strong|solid|proficient|excellent|good|deep|high|intermediate|basic|working|senior|экспертн\p{L}{0,3}|продвинут\p{L}{0,3}|уверенн\p{L}{0,3}|глубок\p{L}{0,3}|хорош\p{L}{0,3})(?:[- ]level)?(?:\s+(?:knowledge|skills?|proficiency|command|знани\p{L}{0,2}|владени\p{L}{0,2}|навык\p{L}{0,2}))?(?:\s+(?:of|in|with))?[\s:,.;-]*$/iu;
/**
 * What a posting says it does not ask: "German is not required", «опыт не обязателен», "Salesforce-based or other
 * platforms are absolutely fine", "memoQ people usually settle in within a week", what does not count towards its
 * years ("Consumer or mortgage underwriting … don't count toward the three years", «опыт в аренде не считается»).
 */
const NOT_ASKED_RE = /^[^;:]{1,80}?\s(?:usually|typically|normally|generally|quickly)\s(?:settle in|pick (?:it|this|that) up|get up to speed|adapt|catch up)(?![\p{L}])[^;:]{0,60}$|^[^,;:]{1,40}?\s(?:is|are)\s(?:not required|not needed|not a must|not necessary|(?:absolutely |totally |also |perfectly )?(?:fine|ok|okay))[.!]?$|^[^;:]{1,160}?\s(?:don't|do not|doesn't|does not|won't|will not)\s(?:count|qualify)(?:\s(?:toward|towards|as|for|on its own|here))?(?![\p{L}])[^;:]{0,80}$|^[^;:]{1,80}?,\s(?:both|either|all|any) (?:count|counts|work|works|will do|(?:are |is )?(?:fine|ok|okay|welcome))[.!]?$|^(?:honestly,?\s)?(?:we|i)\s(?:really\s|honestly\s|truly\s)?(?:don't|do not)\s(?:really\s)?care\s(?:much\s|too much\s|a lot\s)?about\s[^;:]{1,60}$|^[^;:]{1,80}?\s(?:isn't|is not|aren't|are not) the same (?:thing|as [^;:]{1,40})[.!]?$|^[^,;:]{1,60}?\s(?:also|too)\s(?:considered|welcome|fine|ok|okay)[.!]?$|^[^;:]{1,80}?\scounts?\s(?:if|only if|as long as)\s[^;:]{1,80}$|^[^;:]{1,120}?\s(?:не (?:считается|считаются|засчитывается|засчитываются|учитывается|учитываются|считаем|засчитываем|учитываем|подходят|подойдут|подойд[её]т|идут в стаж|ид[её]т в стаж|в сч[её]т))(?![\p{L}])[^;:]{0,80}$|^[^,;:]{1,40}?\s(?:alone|by itself|on its own)\s(?:won't|will not|isn't|is not|wouldn't|would not)\s(?:be\s)?(?:enough|sufficient)[.!]?$|^(?:одного|одной|только)\s[^,;:]{1,40}?\s(?:недостаточно|не хватит|мало)[.!]?$|^[^,;:]{1,40}?\s(?:не требуется|не обязател\p{L}{0,2}|не нужн\p{L}{0,2})[.!]?$/iu;
/**
 * Whom an employer says it turns away, in Russian anywhere in the sentence («Стажёров сейчас не берём», «опыт заместителя
 * директора не рассматриваем», «поэтому профпереподготовку, к сожалению, рассмотреть не можем»); not where it names
 * what a candidate must have to be considered («Без медкнижки не рассматриваем», «только с опытом»), which asks it,
 * nor in a sentence that asks years too (the caller checks).
 */
const TURNED_AWAY_RU_RE = /(?<![\p{L}])(?:не\s(?:рассматриваем|рассматриваются|берём|берем|принимаем)|(?:рассмотреть|рассматривать|взять|принять)\sне\s(?:можем|сможем|будем)|не\s(?:можем|сможем|будем)\s(?:рассмотреть|рассматривать))(?![\p{L}])/iu;
const TURNED_AWAY_UNLESS_RU_RE = /(?<![\p{L}])(?:без|только|лишь|кроме)(?![\p{L}])/iu;
/**
 * Why an ask is asked, said after it: who demands it ("our insurance carrier requires an NCCA-accredited certification
 * for every trainer", "Deschutes County requires a certified manager on site", «Это требование лицензии»). The ask
 * is the sentence before; this one is no row of its own.
 */
const REASON_RE =
  /^(?:because\s|since\s|as\s)?(?:our\s|the\s|their\s)?(?:\p{Lu}[\p{L}-]+\s){0,2}(?:insurance(?:\s(?:carrier|company|provider|policy))?|insurers?|county|state|law|regulators?|licen[cs]e|accreditation|client|contract|partner agreement)\s(?:requires?|demands?|mandates?|says)(?![\p{L}])|^(?:это|этого)\s(?:требование|требует)\s(?:лицензии|закона|страховой|аккредитации|заказчика|клиента)(?![\p{L}])/iu;
/** A posting that says it does not care for what it names: "A BS/MS in CS … is great, but honestly we don't care much about degrees". */
const NOT_CARED_RE = /(?<![\p{L}])(?:we|i)\s(?:really\s|honestly\s|truly\s)?(?:don't|do not)\s(?:really\s)?care(?:\s(?:much|too much|a lot))?\s(?:about|for)\s/iu;
/**
 * Whom an employer turns away or what it does not take, said after the ask it restates ("EIT candidates will not be
 * considered for this opening", "Retail or restaurant cashier experience alone does not meet this requirement",
 * "Copperline does not sponsor the SIE").
 */
const NOT_CONSIDERED_RE =
  /^[^;:]{0,100}?(?:candidates|applicants|applications|anyone|trainees|graduates)(?![\p{L}])[^;:]{0,100}?(?:will not|won't|cannot|can't|can not|could not)\s(?:be\s)?(?:considered|accepted|progressed|shortlisted)(?![\p{L}])|^[^;:]{1,120}?\s(?:does not|doesn't|do not|don't)\s(?:meet|satisfy)\s(?:this|the|these|our)\s(?:requirement|requirements|criteria|criterion)(?![\p{L}])|^\p{Lu}[\p{L}&'’. -]{0,40}?\s(?:does not|doesn't|do not|don't|cannot|can't|will not|won't)\s(?:sponsor|pay for|reimburse)\s(?:the\s)?(?:\p{Lu}|exam|test|licen|certif)/u;
/**
 * The same in Russian: what does not count towards an ask («Учебные часы, практика на курсах и волонтёрство в стаж не
 * идут»), an ask restated by its pronoun («Без неё к смене не допустим»).
 */
const NOT_COUNTED_RU_RE = /(?<![\p{L}])не\s(?:идут|идёт|идет|засчитыва\p{L}{2,5}|учитыва\p{L}{2,5}|считаются|считается)(?![\p{L}])/iu;
const RESTATED_RU_RE = /^без\s(?:неё|нее|него|них|этого|этой)(?![\p{L}])/iu;
/** What the applicant is asked to write in the reply («Напишите, у кого и как часто проходите»). */
const TELL_US_RU_RE = /^(?:напишите|расскажите|укажите)(?:\s(?:в отклике|в сопроводительном письме|нам))?,?\s(?:у кого|как|где|сколько|какие|какой|что|почему|о себе|кто)(?![\p{L}])/iu;
/** A condition of keeping the job, met after hiring ("Passing both is a condition of continued employment"). */
const CONDITION_OF_EMPLOYMENT_RE = /(?<![\p{L}])(?:is|are)\sa\scondition\sof\scontinued\semployment(?![\p{L}])/iu;
/** Whom an employer says it turns away: a restatement of an ask, not an ask of its own. */
const TURNED_AWAY_RE =
  /^(?:unfortunately,?\s)?(?:we\s|i\s)?(?:legally\s)?(?:can't|cannot|can not|are not able to|aren't able to|am not able to|are unable to|am unable to|won't|will not|do not|don't)\s(?:consider|put|start|hire|accept|take on|interview)\s(?:anyone|anybody|applicants|candidates|people|pending|out-of-state|new grads|graduates|students)(?![\p{L}])/iu;
/** A board's buttons and list cut-offs copied with the page: "Easy Apply   Save", "+5 more", "Show more". */
const BOARD_BUTTON_RE = /^\s*(?:(?:easy|apply|save|share|report|apply now|show more|show less|see more|see less|show match details|tailor my resume|help me stand out|откликнуться|показать (?:ещ[её]|полностью)|\+\s?\d{1,3} more|ещ[её] \d{1,3})\s*)+[.…]?\s*$/iu;
/** How many people the post hires, unlabelled or by its noun alone: "6 Position", "Openings: 3". */
const OPENINGS_RE = /^(?:\d{1,4}\s{1,2}(?:positions?|openings?|vacanc(?:y|ies)|posts?|seats?|nos?\.?)|(?:openings?|positions?|vacanc(?:y|ies))\s{0,2}[:=–—-]\s{0,2}\d{1,4})[.]?$/iu;
/**
 * The labelled number of openings at the start of a piece: "Number of Positions: 4", "No. of Vacancies - 2",
 * «Количество вакансий: 2»; a piece that is nothing else asks nothing.
 */
const OPENINGS_LABEL_RE = /^(?:(?:no\.?|number|num|#)\s{0,2}of\s{1,2}(?:positions?|openings?|vacanc(?:y|ies)|posts?|seats?)|количество\s(?:вакансий|мест|позиций))\s{0,2}[:=–—-]?\s{0,2}\d{1,4}(?![\d.,])[.,;]?\s*/iu;
/** What the employer leaves for the interview: "Rest job profile will be discussed", «Детали обсудим на собеседовании». */
const TO_BE_DISCUSSED_RE =
  /^[^.;:]{0,60}?(?<![\p{L}])(?:(?:will|shall|to|can|would)\s(?:be\s)?(?:discussed|shared|explained|disclosed)|(?:обсудим|обсуждается|обсуждаются|расскажем)(?:\s(?:на|при)\s(?:собеседовании|встрече|интервью))?)(?:\s(?:during|in|at|on)\s(?:the\s)?(?:interview|call|meeting))?[.!]?$/iu;

/**
 * A job board's structured qualification field: "work: 1 year (Preferred)", "Bachelor's (Required)", "Driver's
 * License (Required)": Indeed lists them under "Experience:", "Education:" and "License/Certification:" below the
 * description, whose own asks stand in its text under no heading.
 */
const BOARD_FIELD_RE = /^[^()\n]{1,60}?\s{0,2}\((?:preferred|required)\)$/iu;

function isBoilerplate(piece: string, section: Unit['section']): boolean {
  const duties = section === 'resp';
  const trimmed = piece.trim();
  if ((MONEY_RE.test(piece) && !TARGET_MONEY_RE.test(piece)) || CONTACT_RE.test(piece) || COPYRIGHT_RE.test(piece) || EEO_RE.test(piece) || APPLY_RE.test(piece)) {
    return true;
  }
  // a job board's tracking tags ("#LI-RS1", "#LI-Hybrid"): hashtags and nothing else
  // and a template's note the poster left in ("{{Make sure to mention other frameworks …}}")
  if (/^(?:#[\p{L}\p{N}_-]+\s*)+$/u.test(trimmed) || /^\{\{[^{}]*\}\}?$/u.test(trimmed)) return true;
  // a social post's buttons and counts under it ("Like", "Comment", "👍❤️ 348", "1.2k") and its reactions, counted
  // beside their emoji ("🔥 24  👍 11  🤔 3"): digits and no word
  const counts = /^(?:like|comment|repost|send|reply|share|нравится|комментировать|поделиться)$|^[^\p{L}\d]*\d[\d\s.,kKк]*$/iu;
  if (counts.test(trimmed) || (/\d/.test(trimmed) && !/\p{L}/u.test(trimmed))) return true;
  // how the employer hires: the interview's steps, a test task, the consent an application gives
  if (HIRING_PROCESS_RE.test(piece) && !ASKS_HIRING_RE.test(piece)) return true;
  // the board's page around the post ("Posted 3 days ago", «Вакансия опубликована 11 ноября»), the checks the
  // employer runs at hiring ("Must pass pre-employment drug screen and background check") and where the hire must live
  // or be allowed to work: nothing a resume shows or a candidate can build up
  // (and LinkedIn's skills it matched to the post, "Skills: Xactimate, Property Claims, Insurance Adjusting, +7 more")
  if (/,\s\+\d{1,3} more\s*$/u.test(trimmed)) return true;
  // how many are hired, and what is left for the interview ("6 Position", "No. of Openings: 3", "Rest job profile will be
  // discussed", «Детали обсудим на собеседовании»)
  // (a flattened page runs the two together: "Number of Positions: 4 Rest of the details will be discussed …")
  const afterOpenings = trimmed.replace(OPENINGS_LABEL_RE, '');
  if (OPENINGS_RE.test(trimmed) || TO_BE_DISCUSSED_RE.test(afterOpenings) || afterOpenings === '') return true;
  if (BOARD_CLUTTER_RE.test(piece) || BOARD_BUTTON_RE.test(piece) || HIRING_CHECK_RE.test(piece) || WHERE_RE.test(piece) || AVAILABILITY_RE.test(piece)) return true;
  // a level cut off the skills it qualifies ("Expert-level" of "Expert-level Adobe Illustrator, InDesign and Photoshop"),
  // and what the posting says it does not ask ("German is not required")
  if (LEVEL_ONLY_RE.test(piece) || NOT_ASKED_RE.test(withoutAsides(piece).trim())) return true;
  // (a remark cut off its ask: "never required" of "Dutch or German — nice, never required")
  if (/^(?:but\s|and\s)?(?:never|not|not strictly)\s(?:required|a requirement|mandatory|essential|a must)[.!]?$/iu.test(trimmed)) return true;
  // LinkedIn's save button, named after the post: "Save Senior Network Engineer (Campus, WAN & Security) at Dijkstra B.V."
  if (/^Save\s[^\n]{3,150}?\sat\s\p{Lu}[^\n]{1,80}$/u.test(trimmed) && ROLE_NOUN_RE.test(trimmed)) return true;
  // (and hh.ru's language chip cut at its dashes: "Английский язык — A2 — Элементарный" leaves "A2" and «Элементарный»)
  if (/^(?:[ABCАВС][12]|элементарный|базовый|средний|средне-продвинутый|продвинутый|в совершенстве|родной)[.]?$/iu.test(trimmed)) return true;
  // and whom the employer turns away, said after the ask it restates ("We cannot consider pending licensees or
  // out-of-state agents still waiting on their Arizona license", "We are not able to start anyone on a pending license")
  if (REASON_RE.test(trimmed) || TURNED_AWAY_RE.test(trimmed) || RESTATED_RU_RE.test(trimmed) || TELL_US_RU_RE.test(trimmed) || CONDITION_OF_EMPLOYMENT_RE.test(trimmed)) return true;
  // (these hold unless the sentence asks years itself: «Стажёров не берём, нужен опыт от 2 лет»)
  const turnsAway =
    NOT_CARED_RE.test(trimmed) || NOT_CONSIDERED_RE.test(trimmed) || NOT_COUNTED_RU_RE.test(trimmed) || (TURNED_AWAY_RU_RE.test(trimmed) && !TURNED_AWAY_UNLESS_RU_RE.test(trimmed));
  if (turnsAway && yearsAsked(piece) === null) return true;
  // a company's pitch heading: "Why Hallbrook?", "Why join Acme"
  if (/^[Ww]hy (?:join |work (?:at|for|with) )?\p{Lu}[\p{L}&'’. -]{0,40}\??$/u.test(trimmed)) return true;
  const requirementSection = section === 'req' || section === 'nice';
  if (!requirementSection && (PERK_RE.test(piece) || SCHEDULE_RE.test(piece))) return true;
  // (and under the asks, a run of three perks or more that no heading set apart: "Medical/dental/vision (90% of
  // premiums covered), 401(k) with 4% match, 15 PTO days + 10 holidays")
  if (requirementSection && (piece.match(PERKS_RE)?.length ?? 0) >= 3) return true;
  // company blurb: "We are a fast-growing …", "Наша компания …", with nothing asked of the candidate
  // (duties say "our": "Manage our AWS infrastructure")
  // (an aside in brackets is not the piece's voice: "Java (8 or later; we run 17), Spring Boot")
  const voice = withoutAsides(piece);
  if (!duties && BLURB_RE.test(voice) && !REQ_CUE_RE.test(piece) && !NICE_RE.test(piece)) return true;
  if (ROLE_STATEMENT_RE.test(piece) && yearsAsked(piece) === null) return true;
  // a recruiter's e-mail around the asks: its header, greeting, who writes and for whom, how to answer, the sign-off
  if (EMAIL_HEADER_RE.test(trimmed) || (RECRUITER_VOICE_RE.test(voice.trim()) && yearsAsked(piece) === null)) return true;
  // and the contact person a board shows by name and patronymic («Ирина Сергеевна, отдел персонала»)
  if (/^\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+(?:овна|евна|ична|инична|ович|евич|ич)(?![\p{L}])/u.test(trimmed)) return true;
  // and the recruiter's own title under the signature ("Senior Technical Recruiter", «Менеджер по подбору персонала»)
  if (RECRUITER_TITLE_RE.test(trimmed)) return true;
  return false;
}

const RECRUITER_TITLE_RE =
  /^(?:(?:senior|lead|principal|technical|corporate|it|executive)\s){0,2}(?:recruiter|talent acquisition (?:partner|specialist|manager)|recruitment consultant|sourcer)$|^(?:старший |ведущий )?(?:рекрутер|менеджер по подбору(?: персонала)?|специалист по подбору(?: персонала)?|hr-менеджер)$/iu;
const RECRUITER_VOICE_RE =
  /^(?:hi|hello|dear|good (?:morning|afternoon)|my name is|i'm a recruiter|i am a recruiter|i came across|i saw your|i found your|i noticed your|my client|our client|i'd love to|i would love to|if (?:this|that) sounds|if you(?:'re| are) interested|if the timing|i'd be grateful|i would be grateful|please (?:reply|send|let me know)|let me know|looking forward|best regards|kind regards|best,|thanks|thank you|cheers|you (?:are )?receiv(?:ed|ing) this|здравствуйте|добрый (?:день|вечер)|доброе утро|привет|меня зовут|я (?:консультант|рекрутер|менеджер по подбору)|увидел\p{L}{0,2} ваше резюме|наш\p{L}{0,2} (?:клиент|заказчик)|мо\p{L}{1,2} (?:клиент|заказчик)|если (?:вам )?(?:это )?интересно|буду рад\p{L}?|жду (?:ваш|вашего)|с уважением|вы получили это письмо)(?![\p{L}])/iu;

/** A tag of a tag cloud: a skill's name of one to five words ("1С: Зарплата и управление персоналом"), no sentence. */
const TAG_RE = /^[\p{L}\p{N}][\p{L}\p{N} .:+#/&'’-]*$/u;

/**
 * The tags of a line that is a job board's tag cloud flattened into one line, its tags apart by two spaces or more
 * (hh.ru's «Ключевые навыки» copied as text: "Java  Spring Boot  PostgreSQL  Микросервисная архитектура"), each read
 * as its own line, as the same block pasted with a line a tag is; null for any other line.
 */
function tagsOf(text: string, span: Span): Span[] | null {
  const line = text.slice(span.start, span.end);
  if (!/\S {2,}\S/.test(line)) return null;
  const tags: Span[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    // a tag is named as a name: capitalised ("Spring Boot", «Многопоточность») or a skill the vocabulary knows
    // ("git"); a sentence whose words a PDF set two spaces apart ("Experience  with  Java") is none
    const tag = m[0];
    if (!TAG_RE.test(tag) || tag.split(' ').length > 5) return null;
    if (tag[0] === tag[0]!.toLowerCase() && tag[0] !== tag[0]!.toUpperCase() && findSkills(tag).length === 0) return null;
    tags.push({ start: span.start + m.index, end: span.start + m.index + tag.length });
  }
  return tags.length >= 3 ? tags : null;
}

/** Headings over the tools a team works with. */
const STACK_HEADINGS = new Set(['tech stack', 'our stack', 'stack', 'стек', 'стек технологий', 'наш стек', 'технологии']);

/** hh.ru's tag cloud headings. */
const TAG_CLOUD_HEADINGS = new Set(['ключевые навыки', 'key skills']);

/**
 * hh.ru's «Ключевые навыки» in a post pasted as one paragraph: the tags run on with one space between them
 * («Гранд-Смета Составление смет ФЕР ТЕР КС-2 КС-3 Чтение чертежей Сметное дело»), and each tag opens with a
 * capital: a tag starts at a capitalised word after a word that ends in a small Cyrillic letter or a digit («ФЕР ТЕР»
 * and "MS Excel" stay whole, and so do English names that are all capitalised: "Spring Framework PostgreSQL"). Null
 * for a piece with sentence punctuation, or one that yields fewer than three tags.
 */
function capitalTags(text: string, span: Span): Span[] | null {
  const piece = text.slice(span.start, span.end);
  if (/[,;:!?()]|\.\s/.test(piece)) return null;
  const tags: Span[] = [];
  let from = 0;
  const re = /\s+(?=\p{Lu})/gu;
  for (let m = re.exec(piece); m; m = re.exec(piece)) {
    if (!/[а-яё\d]$/u.test(piece.slice(0, m.index))) continue;
    tags.push({ start: span.start + from, end: span.start + m.index });
    from = m.index + m[0].length;
  }
  tags.push({ start: span.start + from, end: span.end });
  if (tags.length < 3 || tags.some((t) => text.slice(t.start, t.end).split(/\s+/).length > 5)) return null;
  return tags;
}

const normalizeKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}+#]+/gu, ' ').trim();

/** Read a posting into its requirements and structured asks. */
export function readPosting(text: string, options: ReadPostingOptions = {}): Posting {
  const max = options.max ?? 60;
  const sections = sectionsOf(text);
  const units: Unit[] = [];
  // a posting pasted as one paragraph is flattened throughout, even in its short sections
  const flatText = isFlattened(text, { start: 0, end: text.length });
  // a team's stack beside its asks is what the hire will work with, each tool a plus: "🛠 Стек: Kubernetes, Helm, …,
  // OpenSearch" over «Что важно: …» (where the stack is the only list of asks, it is asked)
  const asksBesideStack = sections.some((s) => s.kind === 'req' && !(s.heading && STACK_HEADINGS.has(s.heading)));
  for (const read of sections) {
    const section = asksBesideStack && read.kind === 'req' && read.heading && STACK_HEADINGS.has(read.heading) ? { ...read, kind: 'nice' as const } : read;
    if (section.kind === 'offer' || section.kind === 'about' || section.kind === 'skip' || section.kind === 'apply' || section.kind === 'legal') continue;
    const flattened = flatText || isFlattened(text, section);
    const tagCloud = section.heading !== undefined && TAG_CLOUD_HEADINGS.has(section.heading);
    for (const sentence of sentencesOf(text, section)) {
      for (const part of softSplit(text, sentence, flattened, tagCloud)) {
        for (const tag of tagsOf(text, part) ?? (tagCloud ? capitalTags(text, part) : null) ?? [part]) units.push({ ...tag, section: section.kind, flattened });
      }
    }
  }

  const title = titleOf(text, sections);
  const titleKey = title ? normalizeKey(title.text) : null;
  const ask = newAsker();
  const rows: PostingRequirement[] = [];
  const unheaded: PostingRequirement[] = [];
  // Asks under requirement headings and lines outside them are deduplicated apart: a skill named in the title or the
  // blurb ("Software Developer (Java)") must not hide the same skill in the requirement list that follows.
  const seenHeaded = { skills: new Set<string>(), text: new Set<string>() };
  const seenUnheaded = { skills: new Set<string>(), text: new Set<string>() };

  // where a sentence that leads into its pluses ends: its items after a semicolon are pluses too ("… would really make
  // you stand out but aren't deal-breakers: an APICS CPIM or CSCP; some SQL or Power BI …; any Python or R …")
  let pluses = -1;
  for (const read of units) {
    const unitText = text.slice(read.start, read.end);
    // a post that runs its asks on after its duties' label, with no label of their own («Задачи: … . Нужен опыт
    // логистом от 2 лет, … . 1С:ТМС или любая TMS — плюс.»): a sentence that opens with an ask, or calls itself a plus,
    // is asked, not done
    const plus = niceAsked(unitText) || read.start < pluses;
    if (plus && LEAD_IN_RE.test(unitText)) pluses = sentenceEndAfter(text, read.end);
    // a line that calls what follows pluses and ends in a colon ("Would be lovely, but won't stop me hiring you:"): the
    // list under it, to the next blank line, is pluses, and the line itself asks nothing
    if (plus && LABEL_LINE_RE.test(text.slice(read.end, read.end + 8))) {
      const blank = text.slice(read.end).search(/\n[^\S\n]*\n/);
      pluses = Math.max(pluses, blank === -1 ? text.length : read.end + blank);
      continue;
    }
    const unit = read.section === 'resp' && (plus || ASK_OPENER_RE.test(unitText)) ? { ...read, section: plus ? ('nice' as const) : ('req' as const) } : read;
    if (title && unit.start <= title.start && unit.end >= title.end && unit.end - unit.start <= title.end - title.start + 2) continue;
    // the headline the title was read from, opening with it or with its hiring cue («Нужен шеф-повар в новое
    // кафе-пекарню …», "Sales Associate at Summit & Stream Outfitters (Boulder, CO)"), unless it goes on to ask
    // something («Нужен бэкенд-разработчик на Python/Django, опыт от 2 лет»)
    // (or a piece of it: a flattened scrape's soft split can cut "Sales | Associate at Summit & Stream …")
    if (title && unit.start < title.end && unit.end > title.start && (!/\p{L}/u.test(text.slice(unit.start, title.start)) || HIRING_CUE_RE.test(unitText))) {
      const rest = text.slice(Math.max(title.end, unit.start), unit.end);
      if (!REQ_CUE_RE.test(rest) && !NICE_RE.test(rest) && ask.skills(rest).length === 0) continue;
    }
    // the title again: a form's title field put above a description that opens with it
    if (titleKey && normalizeKey(unitText) === titleKey) continue;
    if (isBoilerplate(unitText, unit.section)) continue;
    // a short label on a line of its own over the items below it ("Programming Languages needed:" above
    // "Objective-C (Preferred)", "Mandatory skillset:"): it names what follows and asks nothing itself; a longer one
    // is an ask that leads into its examples ("Proficient with source control management and collaboration tools:")
    if (LABEL_LINE_RE.test(text.slice(unit.end, unit.end + 8)) && wordCount(text, unit) <= MAX_LABEL_WORDS) continue;
    const headed = unit.section === 'req' || unit.section === 'nice' || unit.section === 'resp';
    const { skills: seenSkills, text: seenText } = headed ? seenHeaded : seenUnheaded;
    if (!headed) {
      if (DUTY_OPENER_RE.test(unitText) && !/(?<![\p{L}])(?:if|если)(?![\p{L}])/iu.test(unitText)) continue;
      if (!REQ_CUE_RE.test(unitText) && !plus && ask.skills(unitText).length === 0) continue;
    }
    const list = unit.section === 'resp' ? { pieces: [unit], clauses: false } : splitList(text, unit, ask);
    const pieces = list.pieces;
    // "желательно" inside a bracket qualifies the aside, not the ask: «опыт продаж от 1 года (желательно HoReCa)»
    const unitNice = !list.clauses && plus;
    let lastImportance: Importance | null = null;
    let niceNext = false;
    for (const piece of pieces) {
      const pieceText = text.slice(piece.start, piece.end);
      // "… license (or equivalent …) - REQUIRED - Proven ability …": a piece that only says how much the one before
      // it is asked is no row; "preferred" makes that one a nice-to-have
      if (QUALIFIER_ONLY_RE.test(pieceText)) {
        const previous = (headed ? rows : unheaded).at(-1);
        if (previous && NICE_RE.test(pieceText) && previous.end <= piece.start) previous.importance = 'nice';
        continue;
      }
      if (FILLER_RE.test(pieceText) || (!(piece.start === unit.start && piece.end === unit.end) && CUT_CONDITION_RE.test(pieceText) && wordCount(text, piece) <= 5 && ask.skills(pieceText).length === 0)) {
        if (NICE_RE.test(pieceText)) niceNext = true;
        continue;
      }
      // a unit that is its own one piece was checked as the unit
      const wholeUnit = piece.start === unit.start && piece.end === unit.end;
      if (pieceText.length < 2 || (!wholeUnit && isBoilerplate(pieceText, unit.section))) continue;
      const matches = ask.skills(pieceText);
      const skills = [...new Set(matches.map((m) => m.id))];
      let importance: Importance;
      if (unit.section === 'resp') importance = 'nice';
      else if (unit.section === 'nice') importance = MUST_RE.test(pieceText) && !NICE_RE.test(pieceText) ? 'must' : 'nice';
      else importance = unitNice || niceNext || niceAsked(pieceText) ? 'nice' : 'must';
      niceNext = false;
      // "Experience with design systems is a plus, and so is some familiarity with WCAG": the second is a plus too
      if (lastImportance && CONTINUES_RE.test(pieceText)) importance = lastImportance;
      lastImportance = importance;
      const target = headed ? rows : unheaded;
      if (unit.section === 'resp') {
        // What the job does: read as a duty, weighed as nice, since a duty is not an ask of the candidate
        target.push({ text: pieceText, start: piece.start, end: piece.end, kind: 'duty', importance, skills });
        continue;
      }
      const { kind, extra } = kindOf(pieceText, skills, ask);
      const split = kind === 'skill' ? perSkill(text, piece, matches) : null;
      // a list of skills all asked before (hh.ru's "Ключевые навыки") adds nothing; one that mixes asked and new
      // skills stays whole, so a row is never cut down to a fragment
      const fresh = skills.filter((id) => !seenSkills.has(id));
      if (split && fresh.length === 0) continue;
      if (split && fresh.length === skills.length) {
        for (const s of split) {
          const sText = text.slice(s.start, s.end);
          const ids = [...new Set(ask.skills(sText).map((m) => m.id))];
          if (ids.every((id) => seenSkills.has(id))) continue;
          ids.forEach((id) => seenSkills.add(id));
          target.push({ text: sText, start: s.start, end: s.end, kind: 'skill', importance, skills: ids });
        }
        continue;
      }
      const key = normalizeKey(pieceText);
      if (!key || seenText.has(key)) continue;
      // a bare skill already asked for ("Ключевые навыки: Java" after "Java 17+")
      if (kind === 'skill' && skills.every((id) => seenSkills.has(id)) && wordCount(text, piece) <= 3) continue;
      seenText.add(key);
      skills.forEach((id) => seenSkills.add(id));
      target.push({ text: pieceText, start: piece.start, end: piece.end, kind, importance, skills, ...extra });
    }
  }

  // With requirement sections, the lines outside them are blurb and summary; without, the cue-bearing lines are the asks.
  // A board's structured fields are no such section: they come on top of the asks in the description.
  const asked = rows.filter((r) => r.kind !== 'duty' && !BOARD_FIELD_RE.test(r.text));
  const chosen = asked.length >= 2 ? rows : [...unheaded, ...rows].sort((a, b) => a.start - b.start);
  const requirements = degreesOffered(text, withoutBoardFields(withoutRestated(text, chosen))).slice(0, max);
  return summarise(text, title, requirements, ask);
}

/** What may stand between two degrees of one list: a line break, a comma, a slash, "or". */
const DEGREE_GAP_RE = /^[\s,;/|]*(?:(?:or|или|либо)[\s,;/|]*)?$/iu;
/** What stands between a degree and its field on one line: "BE / B.Tech Engineering - Computer Science / IT". */
const FIELD_GAP_RE = /^[^\S\n]*[-–—:][^\S\n]*$/u;
/** A degree in a list of degrees names itself in a few words ("MCA", "B.Sc. Computer Science"), not a sentence. */
const MAX_DEGREE_WORDS = 8;

/**
 * The rows with a list of degrees read as one ask that any of them meets: India's "Qualification : BE/BTech, MCA, MCS"
 * and a "Qualifications" heading over "BE / B.Tech Engineering - Computer Science / IT" and "B.Sc. Computer Science"
 * ask one degree, not three (nobody is asked for both a BE and a B.Sc.). Degrees asked alike (both must-haves, or both
 * pluses) and standing next to each other in the text, a line or a comma apart, are one row at the lowest level they
 * name; a field written after a degree on its line ("- Computer Science / IT") is that degree's, not an ask of its own.
 */
function degreesOffered(text: string, rows: PostingRequirement[]): PostingRequirement[] {
  const short = (r: PostingRequirement) => r.kind === 'education' && r.education !== undefined && wordCount(text, r) <= MAX_DEGREE_WORDS;
  const out: PostingRequirement[] = [];
  for (const r of rows) {
    const last = out.at(-1);
    if (last && short(last) && r.importance === last.importance && r.start >= last.end) {
      const gap = text.slice(last.end, r.start);
      // the degree's field, after it on its line
      const field = r.kind === 'other' && r.skills.length === 0 && FIELD_GAP_RE.test(gap) && wordCount(text, r) <= 4;
      if (field || (short(r) && DEGREE_GAP_RE.test(gap))) {
        const a = last.education!;
        const b = r.education;
        const level = b && LEVEL_RANK[b.level] < LEVEL_RANK[a.level] ? b.level : a.level;
        const fieldText = a.field ?? b?.field ?? (field ? text.slice(r.start, r.end) : null);
        // (several degrees offered: none of their disciplines is the one asked)
        const education = { level, field: fieldText, ...(b === undefined && a.discipline ? { discipline: a.discipline } : {}) };
        out[out.length - 1] = { ...last, text: text.slice(last.start, r.end), end: r.end, skills: [...new Set([...last.skills, ...r.skills])], education };
        continue;
      }
    }
    out.push(r);
  }
  return out;
}

/** A board's years and education fields: «Опыт работы: от 1 года», "Experience: 2+ years", «Образование: высшее». */
const BOARD_YEARS_RE =
  /^\s*(?:требуемый\s+)?(?:опыт(?:\s+работы)?|стаж(?:\s+работы)?|(?:required\s+|work\s+)?experience)\s*[:—–-]\s*(?:от|более|не менее|свыше|at least|min(?:imum)?\.?)?\s*\d+(?:[.,]\d+)?(?:\s*[–—-]\s*\d+)?\s*\+?\s*(?:лет|года?|год|years?|yrs?)\.?\s*$/iu;
/** Years asked of a role: «опыт работы специалистом …», "3+ years as a claims adjuster". */
const ROLE_YEARS_RE = /(?<![\p{L}])(?:опыт\p{L}*\s+работы\s+(?:именно\s+)?\p{L}+(?:ом|ем|ём|ой|ей)(?![\p{L}])|(?:as|working as)\s+an?\s)/iu;
const BOARD_EDUCATION_RE = /^\s*(?:образование|education)\s*[:—–-]\s*[\p{L}-]+(?:\s[\p{L}-]+)?\.?\s*$/iu;

/**
 * The rows without a board's years or education field that an ask of the posting says in full: «Опыт работы: от 1
 * года» beside «Опыт работы специалистом по социальной работе от 1 года» had let any year of any work meet the years
 * asked, and «Образование: высшее» beside «Высшее образование по направлению «Социальная работа»» any degree.
 */
function withoutBoardFields(rows: PostingRequirement[]): PostingRequirement[] {
  // (an ask of years with a tool, "3+ years of Kubernetes", leaves the years overall asked; one of a role does not,
  // though the role is a skill too: «опыт работы специалистом по социальной работе»)
  const fullYears = rows.filter((r) => r.kind === 'experience' && r.years !== undefined && (r.skills.length === 0 || ROLE_YEARS_RE.test(r.text)) && !BOARD_YEARS_RE.test(r.text));
  const fullEducation = rows.filter((r) => r.kind === 'education' && !BOARD_EDUCATION_RE.test(r.text));
  return rows.filter((r) => {
    if (r.kind === 'experience' && r.years !== undefined && BOARD_YEARS_RE.test(r.text)) return !fullYears.some((f) => f.importance === 'must' && f.years! >= r.years!);
    if (r.kind === 'education' && BOARD_EDUCATION_RE.test(r.text)) return fullEducation.length === 0;
    return true;
  });
}

/**
 * The rows without bare skills that another row asks for in its own words: a staffing agency's keyword line
 * ("Minimum Required Skills: Java, C#, SQL") ahead of the qualifications that say what is meant ("Some C# / .NET
 * exposure", preferred) is read once, as the sentence says it, so a skill is neither asked twice nor asked as a must
 * where the posting means a nice-to-have.
 */
function withoutRestated(text: string, rows: PostingRequirement[]): PostingRequirement[] {
  const said = rows.filter((r) => r.kind !== 'duty' && wordCount(text, r) > 3).map((r) => ({ r, terms: new Set(terms(r.text)) }));
  const restated = (r: PostingRequirement) => {
    if ((r.kind !== 'skill' && r.kind !== 'other') || wordCount(text, r) > 3) return false;
    // the vocabulary's skills, under any of their names, or the same words where the vocabulary knows none
    if (r.skills.length > 0) return r.skills.every((id) => said.some((o) => o.r !== r && o.r.skills.includes(id)));
    // by the words' stems: «Многопоточность» is asked by «понимание многопоточности в Java»
    const own = terms(r.text);
    return own.length > 0 && said.some((o) => o.r !== r && own.every((t) => o.terms.has(t)));
  };
  return rows.filter((r) => !restated(r));
}

/** How much of a posting's opening its title is looked for in: the headline and the sentences after it. */
const TITLE_WINDOW = 4000;

/**
 * The job title a posting opens with, as the reader finds it ("Product Designer, Growth" from LinkedIn's "About the
 * job Product Designer, Growth Hybrid (London) · …"), else its first line cut at a word within 80 characters; for a
 * vacancy saved without a title.
 */
export function postingTitle(text: string): string {
  const head = text.slice(0, TITLE_WINDOW);
  const read = titleOf(head, sectionsOf(head))?.text;
  if (read) return read;
  const line = head.trim().split('\n')[0]!.trim();
  if (line.length <= 80) return line;
  const cut = line.slice(0, 81).lastIndexOf(' ');
  return line.slice(0, cut > 20 ? cut : 80).trim();
}

function titleOf(text: string, sections: Section[]): Posting['title'] {
  const first = sections[0];
  // an e-mail pasted with its header ("From: …", "Subject: Commercial Journeyman Electrician - Round Rock, TX"): the
  // role its subject names
  if (first?.kind === 'intro') {
    const subject = emailSubjectRole(text, first);
    if (subject) return subject;
  }
  const read = headTitle(text, sections);
  if (read && ROLE_NOUN_RE.test(read.text)) return read;
  // a header that names no role (the company over a LinkedIn title, a careers site's name over its menu and crumbs, a
  // channel's name over its post): the first short line below it that names one, or hires one
  // (a site's menu may read as a heading: the title can stand past the intro's end)
  const below = first?.kind === 'intro' ? roleLineBelow(text, read ? read.end : first.start, Math.min(text.length, first.end + 600)) : null;
  return below ?? read;
}

/** A forwarded e-mail's marker line. */
const FORWARD_MARKER_RE = /^[^\S\n]*-{2,}[^\S\n]*(?:forwarded message|original message|пересылаемое сообщение|исходное сообщение)[^\S\n]*-*[^\S\n]*$/iu;
/** An e-mail header line: "From: …", "Subject: …", «Тема: …». */
const EMAIL_HEADER_RE = /^[^\S\n]*(?:from|sent|to|cc|date|subject|от|кому|копия|дата|отправлено|тема)[^\S\n]{0,2}:[^\n]*$/imu;
const SUBJECT_RE = /^[^\S\n]*(?:subject|тема)[^\S\n]{0,2}:[^\S\n]*(?:(?:re|fwd?|fw)[^\S\n]{0,2}:[^\S\n]*)*(?:(?:vacancy|job opening|opening|opportunity|position|role|вакансия|позиция)[^\S\n]{0,2}[:—–-]?[^\S\n]*)?([^\n]*)$/imu;

/** The role an e-mail's subject names, when the text opens with an e-mail header; null otherwise. */
function emailSubjectRole(text: string, intro: Section): Posting['title'] {
  const head = text.slice(intro.start, Math.min(intro.end, intro.start + 600));
  // (a forwarded e-mail opens with its marker: "---------- Forwarded message ---------")
  const lines = head.split('\n').filter((l) => !FORWARD_MARKER_RE.test(l)).slice(0, 8);
  const firstLine = lines.find((l) => l.trim().length > 0) ?? '';
  if (!EMAIL_HEADER_RE.test(firstLine) || lines.filter((l) => EMAIL_HEADER_RE.test(l)).length < 2) return null;
  const m = SUBJECT_RE.exec(head);
  if (!m) return null;
  const from = intro.start + m.index + m[0].length - m[1]!.length;
  // the role before the place, the pay and the company: "Commercial Journeyman Electrician - Round Rock, TX - $32/hr"
  const cut = /\s[-–—|]\s|,\s|\s\(?\$|\s(?:от|до)\s\d/u.exec(m[1]!);
  let end = from + (cut ? cut.index : m[1]!.length);
  while (end > from && /[\s:,.!-]/.test(text[end - 1]!)) end--;
  if (end <= from || !ROLE_NOUN_RE.test(text.slice(from, end)) || wordCount(text, { start: from, end }) > 8) return null;
  return { text: text.slice(from, end), start: from, end };
}

/** The first of the next few short lines that names a role ("Frontend Engineer (React)") or hires one. */
function roleLineBelow(text: string, from: number, to: number): Posting['title'] {
  let at = text.indexOf('\n', from);
  for (let seen = 0; at !== -1 && at < to && seen < 10; ) {
    const start = at + 1;
    const next = text.indexOf('\n', start);
    const end = next === -1 || next > to ? to : next;
    at = next;
    const line = text.slice(start, end).trim();
    if (line.length === 0) continue;
    seen++;
    const lead = start + text.slice(start, end).indexOf(line);
    // (a board's tags before the role: "[HIRING] [PAID] [REMOTE] Unity Developer, mid-level — …")
    const tags = /^(?:\[[^\]\n]{1,20}\]\s*){1,5}/u.exec(line)?.[0] ?? '';
    if (!tags && HIRING_RE.test(line)) {
      const hired = hiredRole(text, lead, lead + line.length);
      if (hired) return hired;
      continue;
    }
    // (a post's label before the role: "🔥 ВАКАНСИЯ: КОНДИТЕР в кофейню-кондитерскую «Сахарный Клён»")
    const label = tags || (POST_LABEL_RE.exec(line)?.[0] ?? '');
    const roleStart = lead + label.length;
    const rest = line.slice(label.length);
    // (a LinkedIn line names the role alone; a board's line may run on to the place: "Title - City, ST", «… в кофейню»;
    // the words are counted before the separator: "Clinical or Counselling Psychologist - Adult Community Mental Health Team")
    const sep = /\s[-–—|·•]\s/.exec(rest);
    let length = sep && sep.index >= 3 ? sep.index : rest.length;
    if (rest.length > 100 || /^[-–—•·*]/.test(rest) || /[.!?:]$/.test(rest) || /:\s/.test(rest) || wordCount(text, { start: roleStart, end: roleStart + length }) > 8) continue;
    if (!ROLE_NOUN_RE.test(rest)) continue;
    // (a post's headline that hires after its news: "✨ WE'RE GROWING — NOW HIRING A STYLIST! ✨": the role hired)
    const cue = ROLE_AFTER_ONCE_RE.exec(rest);
    if (cue && ROLE_NOUN_RE.test(cue[1]!)) {
      const from = roleStart + cue.index + cue[0].length - cue[1]!.length;
      let to = from + cue[1]!.length;
      while (to > from && !/[\p{L}\p{N})]/u.test(text[to - 1]!)) to--;
      return { text: text.slice(from, to), start: from, end: to };
    }
    const place = /\s(?:в|во|на|для|at|in)\s/iu.exec(rest.slice(0, length));
    if (place && place.index >= 3 && ROLE_NOUN_RE.test(rest.slice(0, place.index))) length = place.index;
    return { text: text.slice(roleStart, roleStart + length), start: roleStart, end: roleStart + length };
  }
  return null;
}

function headTitle(text: string, sections: Section[]): Posting['title'] {
  // (LinkedIn's flattened "About the job Product Designer, Growth …" opens with its label: what follows is the intro)
  const first = sections[0];
  const labelled = first?.kind === 'other' && first.heading === 'about the job' && text.slice(0, first.start).trim().length <= 16;
  const intro = first?.kind === 'intro' || labelled ? first : null;
  if (!intro) return null;
  // (a flattened page's filters may read as headings and end the intro early: the title is read past them, below)
  let introEnd = intro.end;
  // past a header the title stands below, and the blank space after it
  const past = (length: number) => {
    start += length;
    while (start < introEnd && /\s/.test(text[start]!)) start++;
  };
  const skip = (re: RegExp) => {
    const m = re.exec(text.slice(start, introEnd));
    if (m) past(m[0].length);
    return m !== null;
  };
  let start = intro.start;
  past(0);
  // a job page copied whole from its top: the site's navigation ("Skip to main content", "Home", "My Network", "Try
  // Premium for $0"), then the company's name over its followers; the title is below
  const nav = SITE_NAV_RE.exec(text.slice(start, introEnd));
  if (nav && isSiteNav(nav[0])) past(nav[0].length);
  // the same page pasted as one paragraph: its menu and crumbs run on to the search the post was found by ("Skip to main
  // content Find jobs … Home › Jobs › Real Estate Agent jobs in Scottsdale, AZ Real Estate Agent – Residential …")
  // (its search filters, "Date posted Pay Job type Distance", may read as headings: the intro then runs to the first
  // heading past the crumbs)
  // (a menu word, "Benefits", may read as a heading too)
  const top = text.slice(start, start + 700);
  const flat = FLAT_CRUMBS_RE.exec(top) ?? FLAT_NAV_RE.exec(top);
  if (flat) {
    introEnd = Math.max(introEnd, sections.find((s) => s.start > start + flat[0].length + 1)?.start ?? text.length);
    past(flat[0].length);
  }
  // a job site's menu pasted as one line before the title ("hh.ru Соискателям Работодателям Помощь Вакансии Резюме
  // Компании Санкт-Петербург Войти Создать резюме Поиск работы Все вакансии Авиационный техник …", «Хабр Карьера
  // Вакансии Специалисты Компании Зарплаты …»): at least three menu items, the city among them
  else {
    const menu = FLAT_MENU_RE.exec(top);
    if (menu && menu[0].split(/\s+/).filter((w) => FLAT_MENU_WORD_RE.test(w)).length >= 3) past(menu[0].length);
  }
  // (and a council's crumbs after its menu: "… Sign in Home > Jobs and careers > Current vacancies > Social Worker – …")
  if (!skip(REPEATED_CRUMB_RE) && !skip(CATEGORY_CRUMB_RE)) {
    // Habr Career's flattened crumbs, the company, the title and its grade («Вакансии / Управление / Менеджер продукта
    // Финмост Продакт-менеджер (платежи для малого бизнеса) Средний (Middle) Требуемые навыки …»): the title is the last
    // capitalised run before the grade that names a role
    // (or the title before the company and its industry: «Вакансии / Разработка / Встраиваемые системы Программист
    // микроконтроллеров (Embedded C, STM32) ООО «Теплоавтоматика Северо-Запад» · Промышленная автоматика …»)
    const head = text.slice(start, Math.min(text.length, start + 700));
    const graded = HABR_GRADED_RE.exec(head);
    const before = graded ?? HABR_COMPANY_RE.exec(head);
    if (before) {
      const between = before[1]!;
      const from = start + before.index + before[0].length - between.length - (before[2]?.length ?? 0);
      let best = -1;
      for (const m of between.matchAll(/(?<![\p{L}(])\p{Lu}[\p{L}-]*/gu)) {
        if (between.slice(0, m.index).split('(').length !== between.slice(0, m.index).split(')').length) continue;
        if (ROLE_NOUN_RE.test(between.slice(m.index).split(/\s+/).slice(0, 3).join(' '))) best = m.index;
      }
      if (best >= 0) {
        const end = from + between.trimEnd().length;
        return { text: text.slice(from + best, end), start: from + best, end };
      }
    }
  }
  // a classifieds page's header over its crumbs («Авито», its search and menu, «Главная › Москва › Работа › …»,
  // «Главная » Казань » …», hh.ru's «Главная / Вакансии / Строительство, недвижимость / Инженер-геодезист»): the title
  // is below the crumbs
  skip(AVITO_HEAD_RE);
  skip(CRUMB_LINES_RE);
  // a careers page's header line ("Careers | Aphrodite Bay Resort & Spa", «Вакансии — Компания»): the title is below
  skip(CAREERS_HEADER_RE);
  // an applicant tracker's page ("Back to jobs", the company's name, then the title: Greenhouse, Lever)
  if (skip(BACK_TO_JOBS_RE)) {
    const lineEnd = text.indexOf('\n', start);
    const company = text.slice(start, lineEnd === -1 ? introEnd : lineEnd);
    const after = /^\s*([^\n]{3,100})/.exec(text.slice(lineEnd === -1 ? introEnd : lineEnd, introEnd));
    if (lineEnd !== -1 && company.trim().split(/\s+/).length <= 4 && !ROLE_NOUN_RE.test(company) && after && ROLE_NOUN_RE.test(after[1]!)) past(lineEnd - start);
  }
  // Glassdoor's flattened head: the company's name and its rating, then the title ("Cedar Hollow Family Medicine 4.2 ★
  // Medical Receptionist …")
  skip(RATED_COMPANY_RE);
  // a post forwarded from a channel (its name, then «Переслано из: Гараж 54 | автосервис», "Forwarded from …"): the
  // title is below
  skip(FORWARDED_HEADER_RE);
  // a channel's header over its post: its name, its subscribers and a pinned message («Ясный берег | клиника …», «4 812
  // подписчиков», «📌 Закреплённое сообщение», one line); and a Facebook page's, down to the post's time ("November 17 at
  // 9:12 AM · 🌎")
  skip(CHANNEL_HEADER_RE) || skip(SOCIAL_POST_HEADER_RE);
  // (and the rule a channel draws under its header: "---", "———")
  skip(RULE_LINE_RE);
  // a post's emoji and its label before the role ("💊 ВАКАНСИЯ: ФАРМАЦЕВТ / ПРОВИЗОР", "Job: Night Auditor")
  const lead = POST_LABEL_RE.exec(text.slice(start, Math.min(introEnd, start + 40)));
  if (lead && lead[0].length > 0 && start + lead[0].length < introEnd) start += lead[0].length;
  // LinkedIn's and job boards' label before the posting ("About the job Product Designer …")
  const label = BOARD_LABEL_RE.exec(text.slice(start, Math.min(introEnd, start + 40)));
  if (label) start += label[0].length;
  let end = text.indexOf('\n', start);
  if (end === -1 || end > introEnd) end = introEnd;
  // a flattened scrape: the title runs until the first separator or sentence
  const line = text.slice(start, end);
  const lineEnd = end;
  const cut = headCut(line, 0);
  // (a flattened page's line runs on past the intro, which its first inline label ends: "… Hybrid Apply for this job Location: …")
  const newline = text.indexOf('\n', start);
  const realEnd = newline === -1 ? text.length : newline;
  const flatHead = (cut !== null || realEnd > end) && realEnd - start > 80;
  if (cut !== null && flatHead) end = start + cut;
  // a job board's "Title - City, ST - Company" and "Title — Company (City)": the title is what comes before
  const separator = /\s[-–—|·•]\s/.exec(text.slice(start, end));
  if (separator && separator.index >= 3) end = start + separator.index;
  // "Product Designer, Growth Hybrid (London)": the work mode and place after the title are no part of it
  const mode = WORK_MODE_RE.exec(text.slice(start, end));
  if (mode && mode.index >= 3) end = start + mode.index;
  // a flattened page's place and buttons after the title ("Medical Receptionist Westerville, OH Easy Apply Save")
  const place = flatHead ? FLAT_PLACE_RE.exec(text.slice(start, end)) : null;
  if (place && place.index >= 3) end = start + place.index;
  // (and a post's emoji after it: «ВАКАНСИЯ: ИНЖЕНЕР АСУ ТП 🔧⚡»)
  while (end > start && TITLE_TAIL_RE.test(text[end - 1]!)) end--;
  // Indeed's flattened "Accounts Payable Specialist Larchmont Foods - Remote (US)": the company's name runs on after
  // the role, in capitals, with nothing between
  if (flatHead && end > start) {
    const company = companyAfterRole(text.slice(start, end));
    if (company > 0) end = start + company;
  }
  // a flattened headline that hires someone for a place («Требуется водитель погрузчика (электроштабелёр, ричтрак) на
  // склад стройматериалов в Екатеринбурге, ул. Шефская»): the role it names, without the cue and the place
  if (flatHead && end > start) {
    const hired = hiredRole(text, start, end) ?? hiredAfterCue(text, start, end, lineEnd);
    if (hired) return hired;
  }
  // a headline that only says someone is hired ("Ищем питониста в команду! 🐍", "We're hiring!"): the role is the
  // one the text names after "нужен", "looking for a" («Нужен бэкенд-разработчик на Python/Django, опыт от 2 лет»)
  if (end > start && HIRING_RE.test(text.slice(start, end))) {
    // or one that names it after its cue («Ищем логиста в транспортную компанию «ВолгаКарго» (Нижний Новгород).»)
    const named = ROLE_NOUN_RE.test(text.slice(start, end)) ? hiredRole(text, start, end) : namedRole(text, end);
    if (named) return named;
  }
  // (LinkedIn's text copied from "About the job" down, with the title above it left out: the role its blurb hires for,
  // "… we are looking for a SOC Analyst (Tier 1) to join one of our shift teams")
  if (labelled && (end <= start || wordCount(text, { start, end }) > 12)) return namedRole(text, start);
  if (end <= start || wordCount(text, { start, end }) > 12) return null;
  // a post's label before the role, and the place after it («🔥 ВАКАНСИЯ: КОНДИТЕР в кофейню-кондитерскую «Сахарный
  // Клён»»): the role
  if (lead && /\p{L}/u.test(lead[0])) {
    const place = /\s(?:в|во|на|for|at|in)\s/iu.exec(text.slice(start, end));
    if (place && place.index >= 3 && ROLE_NOUN_RE.test(text.slice(start, start + place.index))) end = start + place.index;
  }
  return { text: text.slice(start, end), start, end };
}

const POST_LABEL_RE = new RegExp(`^[${EMOJI_CLASS}\\s]*(?:(?:вакансия|vacancy|job|position|позиция|должность)(?:\\s{0,2}[:：—–-]\\s{0,3}|\\s{1,2}[${EMOJI_CLASS}]+\\s{1,3}))?`, 'iu');
const CAREERS_HEADER_RE = /^(?:careers?|jobs|open (?:positions|roles)|join (?:us|our team)|work with us|вакансии|карьера|работа у нас)(?:\s{0,2}(?:[|·•@]|[-–—] |at )[^\n]{0,60})?[^\S\n]*\n/iu;
const BACK_TO_JOBS_RE = /^(?:[←<]\s*)?(?:back to (?:all )?(?:jobs|openings|careers|job listings)|view all (?:jobs|openings)|all jobs|назад к вакансиям|все вакансии|к списку вакансий)[^\S\n]*\n/iu;
const TO_THE_TEAM_RE = /^\s{0,2}(?:в (?:нашу |свою |дружную )?команду|к нам(?: в команду)?|(?:to|for|on) (?:our|the) team|to join (?:our|the) team)\s{0,2}[:—–-]?\s{0,2}/iu;
/** What a title may end on before its role: spaces, a colon or comma, a dash and a post's emoji. */
const TITLE_TAIL_RE = new RegExp(`[\\s:,\\-${EMOJI_CLASS}]`, 'u');
/** What a hired role's phrase may end on: spaces, stops, a dash and the emoji a post's headline ends on. */
const ROLE_TAIL_JUNK_RE = new RegExp(`[\\s:,!\\-${EMOJI_CLASS}]`, 'u');
/** A job site's menu item on a line of its own (LinkedIn's, hh.ru's). */
const SITE_MENU_WORDS =
  'skip to (?:main )?content|linkedin|indeed|search|home|join now|sign in|sign up|log in|people|my network|jobs|messaging|notifications|me|for business|post a job|learning|work|try premium[^\\n]{0,30}|reactivate premium[^\\n]{0,30}|\\d{1,3} notifications?|соискателям|работодателям|помощь|войти|создать резюме|поиск|вакансии|резюме|компании|подработка|мои резюме|отклики|избранное|сообщения|главная|hh\\.ru|headhunter';
const SITE_MENU_LINE_RE = new RegExp(`^(?:${SITE_MENU_WORDS})$`, 'iu');
/** The menu's lines, among them the city a site shows in it (hh.ru's «Казань»): at least three of them menu items. */
const SITE_NAV_RE = new RegExp(
  `^(?:(?:${SITE_MENU_WORDS}|\\p{Lu}\\p{Ll}{2,20}(?:-\\p{Lu}?\\p{Ll}{2,20})?)[^\\S\\n]*\\n\\s*){3,}(?:[^\\n]{1,80}\\n\\s*(?:·\\s*)?[\\d,.]+[kKMм]?\\s+(?:followers|подписчик\\p{L}{0,3})[^\\S\\n]*\\n)?`,
  'iu',
);
/** A job site's one-word menu items, each counted as one (below, a run of menu needs three). */
const FLAT_MENU_WORDS =
  'соискателям|работодателям|помощь|войти|регистрация|вакансии|резюме|компании|специалисты|зарплаты|курсы|медиа|журнал|образование|hh\\.ru|headhunter|superjob';
const FLAT_MENU_ITEMS = `${FLAT_MENU_WORDS}|поиск работы|поиск вакансий|ищу работу|ищу сотрудников|найти работу|все вакансии|создать резюме|хабр карьера|habr career|зарплата\\.ру|работа\\.ру|авито|работа`;
/** A site's menu run on in one line: its items, and a city only where another item follows it. */
const FLAT_MENU_RE = new RegExp(
  `^(?:(?:${FLAT_MENU_ITEMS})(?![^\\S\\n]{1,3}\\/)[^\\S\\n]{1,9}|[А-ЯЁ][а-яё]{2,20}(?:-[А-ЯЁ]?[а-яё]{2,20})?[^\\S\\n]{1,9}(?=(?:${FLAT_MENU_ITEMS})[^\\S\\n])){3,16}`,
  'iu',
);
/** A word of a menu run that counts as an item: a one-word item, or the first word of «поиск работы», «создать резюме», «хабр карьера». */
const FLAT_MENU_WORD_RE = new RegExp(`^(?:${FLAT_MENU_WORDS}|поиск|создать|хабр)$`, 'iu');
const isSiteNav = (header: string) => header.split('\n').filter((line) => SITE_MENU_LINE_RE.test(line.trim())).length >= 3;
const US_STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC';
const FLAT_PLACE_RE = new RegExp(`\\s(?:(?:(?:New|San|Santa|Los|Las|Salt|Fort|Saint|St\\.|Little|Grand|Palm|West|East|North|South|Lake)\\s){0,2}\\p{Lu}[\\p{L}.'-]{1,20},\\s\\p{Lu}[\\p{L} ]{1,30},\\s(?:United States|United Kingdom|USA|UK|Canada|Australia|Ireland|Germany)(?![\\p{L}])|(?:(?:New|San|Santa|Los|Las|Salt|Fort|Saint|St\\.|Little|Grand|Palm|West|East|North|South|Sioux|Baton|Cedar|Lake)\\s){0,2}\\p{Lu}[\\p{L}.'-]{1,20},\\s(?:${US_STATES})(?![\\p{L}])|(?:easy apply|apply now)(?![\\p{L}]))`, 'u');
const RATED_COMPANY_RE = /^[^\n★]{1,80}?\s\d[.,]\d\s{0,2}★\s{1,3}(?=\p{Lu})/u;
const FLAT_CRUMBS_RE = /^[^\n]{0,300}?(?:›[^›\n]{1,80}?\sjobs in\s[^\n›]{2,40}?,\s\p{Lu}{2}(?![\p{L}])|\sWhere:?\s[^\n]{2,40}?,\s(?:\p{Lu}{2}(?:\s\d{5})?|\p{Lu}[\p{L} ]{2,30}?)\s{1,3}Find jobs(?:\s{1,3}(?:Date posted|Pay|Job type|Distance|Remote|Company|Experience level|Back to search results|Sign in|Employers\s\/\sPost Job|Post Job|Upload your resume))*)\s{1,3}(?=\p{Lu})/u;
/**
 * A flattened page's crumbs whose last is the title, which the page then repeats ("Все вакансии / Мобильная разработка /
 * iOS-разработчик iOS-разработчик Причал …"), at once or after the company's name («… / ML-инженер (рекомендательные
 * системы) Лимонника Диджитал ML-инженер (рекомендательные системы) Зарплата …»).
 */
const REPEATED_CRUMB_RE = /^[^\n]{0,200}?(?:все вакансии|вакансии|all jobs|jobs|home|главная)\s[/›>]\s(?:[^/›>\n]{1,60}?\s[/›>]\s){0,4}([^/›>\n]{2,60}?)\s(?:[^/›>\n]{2,60}?\s)??(?=\1)/iu;
/** A flattened page's crumbs that end in a category, then the title («… / Социальная защита и социальное обслуживание Специалист по социальной работе …»): the title opens at the capital after the category's last word. */
const HABR_GRADED_RE = /^[^\n]{0,300}?(?:все вакансии|вакансии)\s\/\s(?:[^/\n]{1,60}?\s\/\s){0,4}([^/\n]{3,200}?)(\s(?:Стажёр|Стажер|Младший|Средний|Старший|Ведущий|Lead|Senior|Middle|Junior|Intern)\s\((?:Intern|Junior|Middle|Senior|Lead)\+?\)(?=\s))/iu;
/** Habr Career's crumbs, then the title before the company's legal form and name («… ООО «Теплоавтоматика» · …»). */
const HABR_COMPANY_RE = /^[^\n]{0,300}?(?:[Вв]се вакансии|[Вв]акансии)\s\/\s(?:[^/\n]{1,60}?\s\/\s){0,4}([^/\n«]{3,200}?)(?=\s(?:ООО|ОАО|АО|ПАО|ЗАО|НАО|ИП|ГК|LLC|Ltd\.?|Inc\.?)\s[«"„])/u;
const CATEGORY_CRUMB_RE = /^[^\n]{0,300}?(?:[Гг]лавная|[Hh]ome)\s\/\s(?:[^/\n]{1,60}?\s\/\s){0,4}[^/\n]{1,60}?\p{Ll}\s(?=\p{Lu})/u;
/** A careers site's menu flattened before the title: "Skip to content Lumenfield Analytics Home Open roles … Log in Event Manager, …". */
const FLAT_NAV_RE = /^[Ss]kip to (?:main )?content\s[^\n]{0,200}?\s(?:[Ll]og in|[Ss]ign in|[Ss]ign up)\s{1,3}(?=\p{Lu})/u;
/** A classifieds page's crumbs a few lines down (a blank line counts as one; `\s*` there would backtrack on a run of them). */
const CRUMB_LINES_RE =
  /^(?:[^\n]{0,120}\n[^\S\n]*){0,10}?(?:[^\n›»]{1,40}(?:\s[›»]\s[^\n›»]{1,60}){2,}|(?:[Гг]лавная|[Hh]ome|[Вв]акансии|[Jj]obs)(?:\s\/\s[^\n/]{1,60}){2,}|(?:[Hh]ome|[Гг]лавная)(?:\s>\s[^\n>]{1,60}){2,})[^\S\n]*\n/u;
/** Avito's header line over its ad («Авито  Работа  Вакансии  Охрана, безопасность»). */
const AVITO_HEAD_RE = /^[Аа]вито[^\S\n][^\n]{0,300}\n/u;
const RULE_LINE_RE = /^[-—–_=*~•·]{3,40}[^\S\n]{0,8}\n/u;
const CHANNEL_HEADER_RE =
  /^[^\n]{1,80}\n[^\S\n]{0,8}(?:\d[\d  ,.]{0,12}[kKMмК]?|\d[\d.,]{0,6}[^\S\n]?(?:тыс\.?|K))[^\S\n]{1,3}(?:подписчик\p{L}{0,3}|subscribers|members|участник\p{L}{0,3})[^\S\n]{0,8}\n(?:\s{0,8}[^\n]{0,6}(?:закрепл[её]нное сообщение|закреплено|pinned message|pinned)[^\n]{0,80}\n[^\n]{0,120}\n)?/iu;
const SOCIAL_POST_HEADER_RE =
  /^(?:facebook|instagram|linkedin)[^\S\n]{0,8}\n[\s\S]{0,700}?\n[^\S\n]{0,8}(?:(?:\p{Lu}\p{Ll}+ \d{1,2}(?:, \d{4})?|[Yy]esterday|[Tt]oday) at \d{1,2}:\d{2}\s?[AaPp][Mm]|\d{1,2}\s?(?:h|d|w|hrs?|mins?))\s·[^\n]*\n/iu;
const FORWARDED_HEADER_RE = /^(?:[^\n]{0,80}\n){0,2}?[^\S\n]*(?:переслано (?:из|от)|forwarded from|пересланное сообщение)[^\n]{0,80}\n/iu;
const BOARD_LABEL_RE = /^(?:about the job|job description|full job description|job details|описание вакансии|о вакансии)\s{1,3}(?=\p{Lu})/iu;
const WORK_MODE_RE = /(?<=[\s,])\(?(?:hybrid|remote|on-site|onsite|in-office|full-time|part-time|гибрид|удал[её]нно|удал[её]нка|офис)(?![\p{L}])/iu;
/** The words a headline hires with («Требуется …», "We're hiring"). */
const HIRING_WORDS = "ищем|ищу|нужен|нужна|нужны|требуется|в поиске|we're hiring|we are hiring|i'm hiring|i am hiring|now hiring|hiring";
const HIRING_RE = new RegExp(`^[^\\p{L}]{0,4}(?:${HIRING_WORDS}|join us|join our team|we're looking for|we are looking for)(?![\\p{L}])`, 'iu');
const ROLE_AFTER_RE =
  /(?<![\p{L}])(?:нужен|нужна|ищем|требуется|looking for an?|hiring an?|seeking an?|we need an?)\s{1,3}([^,.;:!?\n(]{3,80})/giu;
/** The same for one match, read once (no global state). */
const ROLE_AFTER_ONCE_RE = new RegExp(ROLE_AFTER_RE.source, 'iu');

/**
 * Where a flattened headline's title ends in its line, from an offset: at the first separator, sentence end, price or
 * salary (a full stop after an abbreviation ends nothing: «… в Екатеринбурге, ул. Шефская. Погрузка …»); null when
 * nothing ends it.
 */
function headCut(line: string, from: number): number | null {
  // (hh.ru's page puts «Уровень дохода не указан», «з/п не указана» or «Требуемый опыт работы» after the title)
  // (and Indeed's "4.1 out of 5 stars" after the company)
  // (and a pay range after the title: "… МСБ 120 000 — 160 000 ₽")
  // (and the employer by its legal form: «Бухгалтер по расчёту заработной платы ООО «СеверСтройМонтаж» Зарплата …»)
  const re = /\s(?:ООО|ОАО|АО|ПАО|ЗАО|НАО|ИП|ГК)\s{0,2}[«"„]|\s\d(?:\.\d)?\s(?:out of 5|из 5)|\s\d{1,3}(?:[ \u00a0]\d{3})+(?=\s{0,2}(?:[—–-]\s{0,2}\d|₽|руб))|\s[-–—|]\s|[.!?](?:\s|$)|\s\$|\s(?:от|до|from|up to)\s{1,2}\d|\s\d[\d\s]{0,12}(?:₽|руб)|\s(?:уровень дохода|з\/п не|зарплата не|требуемый опыт|зарплата (?:от|до)\s|salary(?::|\s\$))/giu;
  re.lastIndex = from;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[0][0] !== '.' || !ABBREVIATIONS.has(wordBefore(line, m.index, 0))) return m.index;
    // (the space after an abbreviation's stop may open the next cut: "… Manufacturing Co. 3.9 out of 5 stars")
    re.lastIndex = m.index + 1;
  }
  return null;
}

/**
 * A hiring cue that is a sentence of its own, with the role in the next ("We're hiring!! Sales Associate at Summit &
 * Stream Outfitters (Boulder, CO) 🏔️ Love the outdoors? …"): the role that next sentence names; null when none.
 */
function hiredAfterCue(text: string, start: number, end: number, lineEnd: number): Posting['title'] {
  const cue = HIRING_CUE_RE.exec(text.slice(start, lineEnd));
  if (!cue || start + cue[0].length < end) return null;
  const line = text.slice(start, lineEnd);
  const next = headCut(line, cue[0].length);
  return hiredRole(text, start, start + (next ?? line.length));
}

/** The role a headline names after its hiring cue, cut where a place or a clause begins; null when none. */
function hiredRole(text: string, start: number, end: number): Posting['title'] {
  const cue = HIRING_CUE_RE.exec(text.slice(start, end));
  if (!cue) return null;
  // (and where to: «Ищем в команду: Бухгалтер на участок …», "Hiring for our team: …")
  const from = start + cue[0].length + (TO_THE_TEAM_RE.exec(text.slice(start + cue[0].length, end))?.[0].length ?? 0);
  let depth = 0;
  let to = end;
  for (let i = from; i < end; i++) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    // (and a headline's exclamation: "We're hiring an Office Manager! Full-time, …")
    else if (depth === 0 && (ch === ',' || ch === ';' || ch === '!' || (/\s/.test(ch) && PLACE_RE.test(text.slice(i, i + 8))))) {
      to = i;
      break;
    }
  }
  // (and the emoji a post's headline ends on: «ИЩЕМ АВТОМЕХАНИКА-ДИАГНОСТА 🚗🔧»)
  while (to > from && ROLE_TAIL_JUNK_RE.test(text[to - 1]!)) to--;
  const phrase = text.slice(from, to);
  if (!ROLE_NOUN_RE.test(phrase) || wordCount(text, { start: from, end: to }) > 8) return null;
  return { text: phrase, start: from, end: to };
}

/** A hiring cue and what follows it before the role it names («Срочно требуются: …», "We're looking for a …"). */
const HIRING_CUE_RE = new RegExp(
  `^[^\\p{L}]{0,4}(?:срочно\\s{1,3})?(?:${HIRING_WORDS}|требуются|we're looking for an?|we are looking for an?|looking for an?)(?![\\p{L}])[\\s:!]{1,3}(?:(?:an?|the)\\s{1,3})?`,
  'iu',
);
/**
 * Two to four capitalised words (a company's name) to the end, after a role's noun: "… Specialist Larchmont Foods", or
 * one to four with a company's suffix: "Survey Party Chief Cascade Benchline Surveying, Inc.".
 */
const COMPANY_NAME_RE = /^(?:(?:\s+\p{Lu}[\p{Ll}&'’.]+){2,4}|(?:\s+\p{Lu}[\p{Ll}&'’.]+)(?:\s+&)?(?:\s+\p{Lu}[\p{Ll}&'’.]+){1,3}|(?:\s+(?:\p{Lu}[\p{L}&'’.]*|&)){1,5},?\s+(?:Inc|LLC|Ltd|Corp|Co|PLC|GmbH|LLP)\.?)\s*$/u;
const ROLE_NOUNS_RE = new RegExp(ROLE_NOUN_RE.source, 'giu');

/** Where a company's name begins that runs on after the title's last role noun, or -1. */
function companyAfterRole(title: string): number {
  let roleEnd = -1;
  for (const m of title.matchAll(ROLE_NOUNS_RE)) roleEnd = m.index + m[0].length;
  if (roleEnd <= 0) return -1;
  // the role's grade and an aside stay with it: "Graphic Designer II (Print & Digital) Fernhollow Provisions"
  const kept = ROLE_TAIL_RE.exec(title.slice(roleEnd));
  if (kept) roleEnd += kept[0].length;
  return COMPANY_NAME_RE.test(title.slice(roleEnd)) ? roleEnd : -1;
}
/** A grade ("II", "III", "2") and a bracketed aside right after a role noun. */
const ROLE_TAIL_RE = new RegExp(`^(?:\\s+${ROLE_GRADE})?(?:\\s+\\([^()]{1,40}\\))?`, 'u');
/** Where a headline's place begins: «… на склад», «… в Екатеринбурге», "… at our warehouse", "… in Leeds". */
const PLACE_RE = /^\s(?:на|в|во|для|at|in|for|to)\s/iu;

/** The first role the opening of a posting names after a hiring cue, cut at a clause's end; null when none does. */
function namedRole(text: string, from: number): Posting['title'] {
  const window = text.slice(from, Math.min(text.length, from + 1200));
  for (const m of window.matchAll(ROLE_AFTER_RE)) {
    let phrase = m[1]!.replace(/\s+(?:who|that|to|который|которая|в команду|в нашу|для|with|(?:for|at|in) (?:our|the|a|an|its|this|my))\s.*$/iu, '');
    phrase = phrase.trimEnd();
    if (!ROLE_NOUN_RE.test(phrase) || phrase.split(/\s+/).length > 8) continue;
    const start = from + m.index + m[0].indexOf(m[1]!);
    return { text: phrase, start, end: start + phrase.length };
  }
  return null;
}

function summarise(text: string, title: Posting['title'], requirements: PostingRequirement[], ask: Asker): Posting {
  const posting: Posting = {
    language: detectLanguage(text),
    title,
    requirements,
    minYears: null,
    experience: [],
    education: [],
    languages: [],
    licences: [],
  };
  for (const r of requirements) {
    const at = { importance: r.importance, start: r.start, end: r.end };
    if (r.years !== undefined) {
      posting.experience.push({ years: r.years, skills: r.skills, ...at });
      if (r.importance === 'must') posting.minYears = Math.max(posting.minYears ?? 0, r.years);
    }
    if (r.education) posting.education.push({ ...r.education, ...at });
    if (r.language) posting.languages.push({ ...r.language, ...at });
    if (r.licence) posting.licences.push({ ...r.licence, ...at });
    // asks folded into another kind's row: "водительское удостоверение категории CE, опыт от 2 лет" reads both
    if (r.kind === 'experience' || r.kind === 'skill' || r.kind === 'other') {
      const piece = r.text;
      const licence = r.licence ?? ask.licence(piece);
      if (!r.licence && licence && licence.type !== 'certificate') posting.licences.push({ ...licence, ...at });
      const language = r.language ?? ask.language(piece);
      if (!r.language && language) posting.languages.push({ ...language, ...at });
    }
  }
  return posting;
}
