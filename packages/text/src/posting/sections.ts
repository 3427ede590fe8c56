/**
 * Section headings of a posting, found on their own line ("Requirements"), before a colon ("Требования: Java, …")
 * or inline in a flattened job-board scrape ("… in Java Preferred Qualifications Experience with …"). One pass over
 * the words with a bounded phrase lookup, so it is linear in the text.
 */
import { EMOJI_CLASS, isLetterOrDigit } from '../scan.ts';

export type SectionKind = 'req' | 'nice' | 'resp' | 'offer' | 'about' | 'skip' | 'apply' | 'legal' | 'other';

const HEADINGS: Record<SectionKind, string> = {
  req: `requirements|requirement|job requirements|the requirements|key requirements|qualifications|basic qualifications|
  minimum qualifications|minimum requirements|basic requirements|required qualifications|qualifications and skills|skills and qualifications|skills and experience|
  required skills|required skills and experience|minimum required skills|key skills|skills|technical skills|technical requirements|technical requirement|technical qualifications|what you need|
  what you need for this position|what you'll need|what you will need|what we need|what you bring|what you'll bring|
  what we're looking for|what we are looking for|what we look for|who you are|about you|you have|must have|must haves|
  ideal candidate|the ideal candidate|your profile|profile|experience|education|education and experience|
  experience and education|requirements and qualifications|qualifications and requirements|we expect|what we expect|
  who we're looking for|who we are looking for|tech stack|our stack|stack|required experience|required education|
  требования|требования к кандидату|требования к соискателю|основные требования|мы ожидаем|что мы ожидаем|ожидания|
  наши ожидания|ожидания от кандидата|ожидания от вас|ожидания от тебя|мы ждем|что мы ждем|что ждем|что ждем от тебя|что ждем от вас|что ждем от кандидата|что мы ждем от вас|что мы ждем от тебя|ждем от вас|ждем от тебя|мы ждем от вас|мы ждем от тебя|
  что мы ждем от кандидата|ждем от кандидата|кого ждем|кого мы ждем|что нужно|нужно|
  что нам важно|нам важно|кого мы ищем|кого ищем|необходимые навыки|навыки|квалификация|
  квалификационные требования|профессиональные навыки|стек|стек технологий|наш стек|технологии|от вас|от тебя|
  что мы хотим видеть|мы хотим видеть|обязательные требования|ты нам подходишь если|вы нам подходите если|
  что для нас важно|для нас важно|требуется|требуются|опыт|что для нас обязательно|обязательные условия|
  что нужно от тебя|что нужно от вас|что от тебя нужно|что от вас нужно|что требуется от тебя|что требуется от вас|что важно|
  что мы ценим|что ценим|what matters|what's important|what is important|required experience and qualifications|
  experience and qualifications|qualifications and experience|required qualifications and experience|skills and requirements|
  requirements and skills|desired candidate profile|candidate profile|eligibility criteria|skills required|what i need from you|
  what i need|what i'm looking for|what i am looking for|обязательно|обязательные навыки|обязательный опыт|что обязательно|что нужно обязательно|что точно нужно|
  
  you'll have|you will have|you should have|you'll bring|you will bring|what you must bring|what you must have|
  what they need|what the client needs|what my client needs|what they're looking for|what they are looking for|
  what we need from you|what we need from u|what you need to bring|what you'll need to bring|what you will need to bring|what you need to succeed|what you'll need to succeed|
  essential criteria|essential requirements|essential qualifications|what you need to have|what you'll need to have|
  what you will need to have|what you should have|what you should bring|what we need you to have|what we'd like you to have|
  what we would like you to have|essential|person specification|knowledge and skills|skills and knowledge|knowledge skills and experience`,
  nice: `nice to have|nice to haves|preferred|preferred qualifications|preferred skills|preferred experience|desired|
  desired skills|desired qualifications|desirable|desirable criteria|desirable skills|desirable experience|bonus points|pluses|a plus|will be a plus|would be a plus|
  additional qualifications|good to have|optional|ключевые навыки|будет плюсом|плюсом будет|будет преимуществом|преимуществом будет|
  желательно|приветствуется|большим плюсом будет|будет большим плюсом|плюсом|дополнительным плюсом будет|
  it would be great if you also have|it would be great if you have|it would be great if you|bonus if you have|even better if you have|
  even better if|extra points for|extra points if|bonus points if|bonus points if you|bonus points for|bonus if|nice if you have|would be great|would be great but not required|nice but not required|things that would make you stand out|
  what would make you stand out|what will make you stand out|things that will make you stand out|будет здорово если|будет круто если|будет здорово если у тебя есть`,
  resp: `responsibilities|key responsibilities|your responsibilities|main responsibilities|job responsibilities|duties|
  essential duties|job duties|duties include|duties and responsibilities|responsibilities and duties|
  what you will be doing|what you'll be doing|what you'll do|what you will do|what you'd be doing|what you'd actually be doing|
  what you'd do|what you will actually do|what you'll actually do|what you will be working on|your role|
  the role|role|about the role|position summary|job summary|summary|job description|full job description|description|
  main duties of the job|main duties|tasks|your tasks|your mission|day to day|in this role|in this role you will|обязанности|должностные обязанности|
  основные обязанности|задачи|ваши задачи|твои задачи|основные задачи|чем предстоит заниматься|чем ты будешь заниматься|
  чем вы будете заниматься|чем заниматься|что нужно делать|что предстоит делать|что делать|что ты будешь делать|что вы будете делать|
  что будешь делать|функционал|функциональные обязанности|о роли`,
  offer: `benefits|perks|perks and benefits|benefits and perks|what we offer|we offer|what we provide|what you get|
  what you'll get|what's in it for you|why join us|why us|why work with us|why you'll love working here|compensation|
  how we work|the way we work|how we work together|working here|life at the company|как мы работаем|как у нас устроена работа|
  compensation and benefits|salary|pay|pay range|условия|условия работы|мы предлагаем|что мы предлагаем|что предлагаем|предлагаем|
  наши условия|что мы даем|бонусы|компенсация|компенсации|зарплата|заработная плата|доход|плюшки|льготы|
  социальный пакет|мы гарантируем|что мы предлагаем тебе|что даем|мы даем|что мы даем тебе|что ты получишь|что вы получите|что получишь|the package|package|the offer|our offer|
  pay and perks|pay and benefits|salary and benefits|salary and perks|why people stay|why people stay here|why work here|why join|why you'll love it here`,
  about: `about us|about the company|about company|who we are|company overview|company description|our company|our story|
  our mission|о компании|о нас|кто мы|о проекте|о команде|компания|немного о нас`,
  skip: `job type|job types|schedule|shift|shifts|work schedule|location|work location|job location|work setting|
  work remotely|employment type|start date|application deadline|contact|contacts|contact us|address|
  ability to commute|ability to relocate|ability to commute relocate|contact information|contact info|контактная информация|график|график работы|адрес|контакты|занятость|
  тип занятости|местоположение и тип занятости|местоположение|формат работы|место работы|локация|контактное лицо|ключевые слова|оформление|meet the hiring team|most relevant|
  most recent comments|comments|more jobs|similar jobs|jobs you may like|people also viewed|people also searched for|
  похожие вакансии|задайте вопрос работодателю|где предстоит работать|physical demands|physical requirements|employer details|kind regards|best regards|warm regards|regards|best wishes|many thanks|с уважением|
  hiring process|interview process|recruitment process|the process|process|процесс отбора|этапы отбора|как проходит отбор|как проходит собеседование|этапы собеседования|start|disclosure and barring service check|dbs check|certificate of sponsorship|visa sponsorship`,
  apply: `how to apply|to apply|как откликнуться`,
  legal: `eeo statement|equal opportunity|disclaimer`,
  // a board's label over whatever it shows: Indeed's "Job Details :" heads a description as often as its pay and type
  // (which carry headings of their own), and LinkedIn's "About the job" the whole post, so what follows it is read as
  // text under no heading
  other: `job details|about the job|описание вакансии|о вакансии|подробнее`,
};

/**
 * Headings that may stand inline in flattened text without a colon when written capitalised ("Benefits Health
 * insurance …"); any other one-word heading needs a colon or a line of its own, since "experience" or "education"
 * open ordinary requirement sentences.
 */
const INLINE_SINGLE = new Set(['requirements', 'qualifications', 'responsibilities', 'duties', 'benefits', 'perks', 'salary', 'адрес']);

/** Headings read only on a line of their own ("✅ Обязательно:"), never before the ask on their line. */
const LINE_ONLY = new Set(['обязательно', 'подробнее', 'regards', 'many thanks', 'best wishes']);

/**
 * One-word headings that a dash after them makes a heading in a flattened page («… экскурсия по производству. Условия —
 * оформление по ТК РФ; — ДМС …»): names of a section only, never the first word of an ask («Опыт — от 3 лет»,
 * «Образование — высшее»).
 */
const DASH_SINGLE = new Set(['условия', 'требования', 'обязанности', 'задачи', 'функционал', 'льготы', 'бонусы', 'requirements', 'qualifications', 'responsibilities', 'duties', 'benefits', 'perks']);

export const PHRASES = new Map<string, SectionKind>();
for (const [kind, list] of Object.entries(HEADINGS) as Array<[SectionKind, string]>) {
  for (const phrase of list.split('|')) PHRASES.set(normalizePhrase(phrase), kind);
}
/** Every run of a heading's first words ("what", "what you", …): a run of words that is none of them starts no heading. */
const PREFIXES = new Set<string>();
for (const phrase of PHRASES.keys()) {
  const parts = phrase.split(' ');
  for (let k = 1; k <= parts.length; k++) PREFIXES.add(parts.slice(0, k).join(' '));
}
const MAX_WORDS = 8;

function normalizePhrase(s: string): string {
  return s.trim().toLowerCase().replaceAll('ё', 'е').replaceAll('’', "'").replace(/[\s-]+/g, ' ');
}

interface Word {
  key: string;
  raw: string;
  start: number;
  end: number;
}

const LETTER = /\p{L}/u;

/** Words of a text: letters, digits and inner apostrophes; "&" and a spaced "+" read as "and"; hyphens and slashes separate. */
function words(text: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (isLetterOrDigit(ch)) {
      const start = i;
      let ascii = true;
      while (i < text.length && (isLetterOrDigit(text[i]!) || ((text[i] === "'" || text[i] === '’') && LETTER.test(text[i + 1] ?? '')))) {
        if (text.charCodeAt(i) >= 128) ascii = false;
        i++;
      }
      const raw = text.slice(start, i);
      // only a word with other than ASCII in it can hold an ё or a ’
      const key = ascii ? raw.toLowerCase() : raw.toLowerCase().replaceAll('ё', 'е').replaceAll('’', "'");
      out.push({ key, raw, start, end: i });
    } else {
      // ("Pay + perks:" as "pay and perks")
      if (ch === '&' || (ch === '+' && text[i - 1] === ' ' && text[i + 1] === ' ')) out.push({ key: 'and', raw: ch, start: i, end: i + 1 });
      i++;
    }
  }
  return out;
}

export interface Heading {
  kind: SectionKind;
  /** The heading's phrase as the list spells it ("ключевые навыки"). */
  phrase: string;
  /** The heading words, with any colon after them. */
  start: number;
  end: number;
  /** Where the section's content starts. */
  contentStart: number;
  /** A "Field: value" line (Job Type: Full-time): the section ends with the line. */
  field: boolean;
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

/** Between two words of a heading: spaces, a hyphen or a slash, on one line. */
function joinedGap(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let k = from; k < to; k++) if (!/[ \t\-/]/.test(text[k]!)) return false;
  return true;
}

/** Marks around a heading on its line: markup, bullets, and the emoji a post decorates its headings with ("📩 Как откликнуться:", "Будет плюсом ➕"). */
const DECORATION = new RegExp(`[\\s*#_•·▪\\-–—>|${EMOJI_CLASS}]`, 'u');

function lineStartBefore(text: string, pos: number): boolean {
  for (let k = pos - 1; k >= 0 && pos - k <= 12; k--) {
    const ch = text[k]!;
    if (ch === '\n') return true;
    if (!DECORATION.test(ch)) return false;
  }
  return pos <= 12 && [...text.slice(0, pos)].every((ch) => DECORATION.test(ch));
}

const TRAILING_EMOJI = new RegExp(`[${EMOJI_CLASS}]`, 'u');

/** An aside that says how much what follows is asked. */
const ASKS_ASIDE_RE = /required|optional|a plus|nice|bonus|must|обязательн|желательн|плюс/iu;

/** After a heading: optional markup or emoji, then a colon, a line end, or more text. */
function after(text: string, pos: number, oneWordDash = false): { colon: boolean; lineEnd: boolean; next: number; aside?: 'asks' | 'other' } {
  let k = pos;
  while (k < text.length && k - pos < 8 && (/[ \t*_#)\]]/.test(text[k]!) || TRAILING_EMOJI.test(text[k]!))) k++;
  // a short aside before the colon: "What I need from you (non-negotiable):", "What you NEED to have (seriously, please
  // read before you DM us):"; or at the line's end, after a heading of
  // three words or more (the caller checks): "What they need (the hiring manager was very specific here)"
  // (and, in a flattened page, one that says how much the list is asked before its first sentence: "What you need (must
  // have) You have at least …")
  const aside = /^\([^()\n]{1,60}\)\s{0,2}(?=[:：])|^\([^()\n]{1,60}\)[*_]{0,3}[ \t]{0,2}(?=\r?\n|$)|^\([^()\n]{1,30}\)(?= {1,2}\p{Lu})/u.exec(text.slice(k, k + 66));
  if (aside) k += aside[0].length;
  // a trailing ellipsis at the line's end reads as the colon: "You'll have…", "Bonus points if..."
  const ellipsis = /^(?:…|\.{3})[ \t]{0,4}(?=\r?\n|$)/.exec(text.slice(k, k + 8));
  if (ellipsis) return { colon: true, lineEnd: true, next: k + ellipsis[0].length };
  // (a dash reads as its colon where its sentence has two words or more up to it, as a heading of two words has:
  // «Условия работы — белая зарплата, …»)
  const dash = /^[—–]\s/u.test(text.slice(k, k + 2)) && (oneWordDash || /\S\s+\S/u.test(text.slice(Math.max(0, pos - 40), pos).split(/[.!?\n]/).at(-1) ?? ''));
  if (text[k] === ':' || text[k] === '：' || dash) {
    k++;
    while (k < text.length && /[ \t]/.test(text[k]!)) k++;
    const lineEnd = k >= text.length || text[k] === '\n' || text[k] === '\r';
    return { colon: true, lineEnd, next: k };
  }
  // (a letter's sign-off ends on a comma: "Kind regards,", «С уважением,»)
  if (text[k] === ',' && /^,[ \t]*(?:\r?\n|$)/.test(text.slice(k, k + 4)) && SIGN_OFF.test(text.slice(Math.max(0, pos - 14), pos))) return { colon: false, lineEnd: true, next: k + 1 };
  const lineEnd = k >= text.length || text[k] === '\n' || text[k] === '\r';
  // (an aside that says how much the list is asked, "Bonus points (not required!)", heads a list of two words too)
  return { colon: false, lineEnd, next: k, ...(aside ? { aside: ASKS_ASIDE_RE.test(aside[0]) ? ('asks' as const) : ('other' as const) } : {}) };
}

const SIGN_OFF = /(?:regards|wishes|thanks|уважением)$/iu;

/** Whether a capitalised word, a number or a sum follows, after a space or two ("About you You've …", "What we offer £70,000"). */
function startsSentence(text: string, pos: number): boolean {
  return /^ {1,2}(?:\p{Lu}|[£$€₽]|\d)/u.test(text.slice(pos, pos + 4));
}

/** Words that lead into a noun phrase inside a sentence: a Title Case phrase after one is no heading. */
const LEADS_INTO = new Set(['a', 'an', 'the', 'our', 'your', 'is', 'are', 'be', 'of', 'to', 'for', 'with', 'as']);

/** A heading that opens with a pronoun ("You have", "We offer") opens sentences as often: never inline in prose. */
const PRONOUNS = new Set(['you', 'we', 'i', 'мы', 'вы', 'ты', 'я']);

/** Whether a sentence ends before `pos`: the text's start, a full stop, or a lowercase word (a flattened list). */
function sentenceEndBefore(text: string, pos: number): boolean {
  const before = text.slice(Math.max(0, pos - 3), pos);
  return pos === 0 || /(?:[.!?;:)\n]|\p{Ll}|\d)\s{1,2}$/u.test(before);
}

/**
 * Whether a place lies on a site's menu line: a short line of four items or more set apart by runs of spaces ("Home
 * Services  Sectors  About us  Careers  Contact us"), where an item is no heading.
 */
function inMenuLine(text: string, pos: number): boolean {
  // (bounded both ways: a long line is no menu, and a scan to its ends per word would cost its length squared)
  let from = pos;
  while (from > 0 && text[from - 1] !== '\n') if (pos - --from > 200) return false;
  let to = pos;
  while (to < text.length && text[to] !== '\n') if (++to - from > 200) return false;
  return (text.slice(from, to).trim().match(/\S {2,}(?=\S)/g)?.length ?? 0) >= 3;
}

/** Every section heading of a text, in order. */
export function findHeadings(text: string): Heading[] {
  const ws = words(text);
  const out: Heading[] = [];
  let i = 0;
  while (i < ws.length) {
    let found: Heading | null = null;
    let key = '';
    let lastUsed = i;
    const candidates: Array<{ j: number; kind: SectionKind; phrase: string }> = [];
    for (let j = i; j < ws.length && j - i < MAX_WORDS; j++) {
      if (j > i && !joinedGap(text, ws[j - 1]!.end, ws[j]!.start)) break;
      key = j === i ? ws[j]!.key : `${key} ${ws[j]!.key}`;
      if (!PREFIXES.has(key)) break;
      const kind = PHRASES.get(key);
      if (kind) candidates.push({ j, kind, phrase: key });
    }
    // the longest phrase that reads as a heading here
    for (let c = candidates.length - 1; c >= 0 && !found; c--) {
      const { j, kind, phrase } = candidates[c]!;
      const first = ws[i]!;
      const last = ws[j]!;
      const tail = after(text, last.end, j === i && DASH_SINGLE.has(first.key) && isCapitalised(first.raw));
      const atLineStart = lineStartBefore(text, first.start);
      const n = j - i + 1;
      // a capitalised phrase that an article or a verb leads into is inside a sentence: "Riverside Health is an Equal
      // Opportunity Employer"
      const ledInto = i > 0 && joinedGap(text, ws[i - 1]!.end, first.start) && LEADS_INTO.has(ws[i - 1]!.key);
      let ok = false;
      if (atLineStart && (tail.colon || (tail.lineEnd && (!tail.aside || n >= 3 || (n >= 2 && tail.aside === 'asks'))))) ok = true;
      else if (tail.colon && n <= 5 && (atLineStart || isCapitalised(first.raw) || /[.!?;:)]\s*$/.test(text.slice(Math.max(0, first.start - 3), first.start)))) ok = true;
      else if (!tail.colon && isCapitalised(first.raw) && isCapitalised(last.raw)) {
        // Title Case inside running text: "What You Will Be Doing", "Preferred Qualifications"
        const capitals = ws.slice(i, j + 1).filter((w) => isCapitalised(w.raw)).length;
        ok = (n >= 2 && capitals * 2 >= n) || (n === 1 && INLINE_SINGLE.has(first.key) && first.raw !== first.raw.toUpperCase());
        // a capitalised phrase that runs on into a lowercase word is a sentence, not a heading: "Experience with"
        if (ok && n === 1 && ws[j + 1] && !isCapitalised(ws[j + 1]!.raw) && !/^\d/.test(ws[j + 1]!.raw)) ok = false;
        if (ok && ledInto) ok = false;
      }
      if (!ok && !tail.colon && n >= 2 && isCapitalised(first.raw) && !PRONOUNS.has(first.key) && !ledInto && !inMenuLine(text, first.start) && (startsSentence(text, last.end) || (tail.aside === 'asks' && startsSentence(text, tail.next)))) {
        // LinkedIn's sentence-case headings flattened into the text: "… a regulated space. About you You've spent 4+
        // years …", "What you'll do Lead design for …": a heading of two words or more between two sentences
        ok = sentenceEndBefore(text, first.start);
      }
      // (a word that as often opens an ask on its line, «Обязательно: опыт запуска заведения», heads only a line of its own)
      if (ok && LINE_ONLY.has(phrase) && !(atLineStart && tail.lineEnd)) ok = false;
      if (ok) {
        lastUsed = j;
        found = {
          kind,
          phrase,
          start: first.start,
          end: tail.colon ? tail.next : last.end,
          contentStart: tail.next,
          field: tail.colon && !tail.lineEnd && (kind === 'skip' || kind === 'offer') && text.includes('\n', tail.next),
        };
      }
    }
    if (found) {
      out.push(found);
      i = lastUsed + 1;
    } else i++;
  }
  return out;
}

export interface Section {
  kind: SectionKind | 'intro';
  start: number;
  end: number;
  /** The phrase of the heading the section stands under; absent for the intro and text after a field line. */
  heading?: string;
}

/** The posting cut into sections: text before the first heading is the intro. */
export function sectionsOf(text: string): Section[] {
  const headings = findHeadings(text);
  const out: Section[] = [];
  let kind: Section['kind'] = 'intro';
  let heading: string | undefined;
  let from = 0;
  const push = (end: number) => {
    if (end > from) out.push(heading === undefined ? { kind, start: from, end } : { kind, start: from, end, heading });
  };
  for (const h of headings) {
    push(h.start);
    if (h.field) {
      // "Job Type: Full-time" on its own line: only that line is skipped, and what follows it is of no known section
      const nl = text.indexOf('\n', h.contentStart);
      out.push({ kind: h.kind, start: h.contentStart, end: nl, heading: h.phrase });
      kind = 'other';
      heading = undefined;
      from = nl;
      continue;
    }
    kind = h.kind;
    heading = h.phrase;
    from = h.contentStart;
  }
  push(text.length);
  return out.flatMap((s) => (s.kind === 'about' ? aboutParagraph(text, s) : [s]));
}

/**
 * A company's "About us" is one paragraph: a prose posting goes on after a blank line in its own voice ("We're looking
 * for … You have five years of Python …"), which is no longer about the company.
 */
function aboutParagraph(text: string, s: Section): Section[] {
  let at = s.start;
  while (at < s.end && /\s/.test(text[at]!)) at++;
  const gap = /\n[ \t]*\n/.exec(text.slice(at, s.end));
  if (!gap || !/\S/.test(text.slice(at + gap.index + gap[0].length, s.end))) return [s];
  const cut = at + gap.index;
  return [
    { ...s, end: cut },
    { kind: 'other', start: cut, end: s.end },
  ];
}
