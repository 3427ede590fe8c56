/**
 * The posting's structured asks — years of experience (overall or with a skill), education level, a spoken language,
 * a licence — checked against what the resume reader found, so "3+ years of Java" is met by the years of the jobs
 * that name Java, not by the words "3", "years" and "Java" somewhere in the resume.
 */
import { credentialsNamed, electricalGroup, findSkills, POSTING_EDUCATION_RANK, RecentTexts, ROLE_NOUN_RE, terms, yearsWhere, type PostingRequirement, type ResumeFacts } from '@rc/text';
import { shownIds, SKILL_TERM_PREFIX } from './weights.ts';

export interface AskCheck {
  /** 0..1: how much of the ask the resume shows (years shown over years asked, capped at 1). */
  score: number;
  /** Where the resume shows it: [start, end) in the resume text, or null. */
  evidence: { start: number; end: number } | null;
  /** What was measured, for the result's components and the advice: years shown against years asked. */
  years?: { shown: number; asked: number };
  /** Where no dated job names what a years ask names: the resume's years in all, which the row counts half. */
  overall?: number;
}

/** An ask read as met when the resume shows this share of it: 2 years 9 months meet "3 years". */
export const ASK_MET = 0.9;

const RESUME_EDUCATION_RANK: Record<NonNullable<ResumeFacts['educationLevel']>, number> = {
  other: 0,
  secondary: 1,
  vocational: 2,
  bachelor: 3,
  master: 4,
  phd: 5,
};

const LANGUAGE_CODE: Record<string, string> = {
  English: 'en',
  Russian: 'ru',
  German: 'de',
  French: 'fr',
  Spanish: 'es',
  Portuguese: 'pt',
  Arabic: 'ar',
  Chinese: 'zh',
  Italian: 'it',
  Japanese: 'ja',
  Turkish: 'tr',
  Polish: 'pl',
  Ukrainian: 'uk',
  Korean: 'ko',
  Hindi: 'hi',
  Dutch: 'nl',
  Georgian: 'ka',
  Kazakh: 'kk',
  Uzbek: 'uz',
};
const CEFR_RANK: Record<string, number> = { A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6, native: 7 };
/** The posting's level words on the CEFR scale. */
const ASKED_LEVEL_RANK: Record<string, number> = { basic: 1, reading: 2, conversational: 3, fluent: 5, native: 7 };

/** What a job entry of a resume names: the vocabulary's skills (ids), and its terms with those skills as terms. */
export interface JobWords {
  skills: Set<string>;
  terms: Set<string>;
}

/** A resume's jobs are matched against every years ask of every vacancy in a ranking: their words are read once. */
const recentJobs = new RecentTexts<JobWords>(256);

export function jobWords(jobText: string): JobWords {
  return recentJobs.get(jobText, (text) => {
    // a job that names Spring is a Java job, one that built models with LightGBM did machine learning
    const skills = shownIds(text);
    return { skills: new Set(skills), terms: new Set([...terms(text), ...skills.map((id) => SKILL_TERM_PREFIX + id)]) };
  });
}

/** Words of a line that only dates a job ("2022/03 — сейчас", «с 09.2019 по 02.2022», "Jun 2019 – present"). */
const DATES_ONLY = /^[\s\d./,–—-]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|present|now|current|today|since|to|from|сейчас|настоящее|время|по|с|н\.?\s?в\.?|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)\p{L}*\.?(?:[\s\d./,–—-]+|$))*$/iu;
/** How far into an entry its title is looked for. */
const MAX_HEAD = 300;
/** A dates line is short; a longer first line is the title itself. */
const MAX_DATES_LINE = 60;

/**
 * The heading of a job entry: its first line, where its title and dates are, and the next line as well when the first
 * only dates it (a title under its dates), so the evidence names the job.
 */
export function headOf(text: string, span: [number, number], title?: string): { start: number; end: number } {
  const lineEnd = (from: number) => {
    let end = from;
    while (end < span[1] && text[end] !== '\n') end++;
    return end;
  };
  let start = span[0];
  while (start < span[1] && /\s/.test(text[start]!)) start++;
  // hh.ru's entry: dates, their length, the employer, its city, then the title: the heading runs to the title's line
  const at = title ? text.slice(start, Math.min(span[1], start + MAX_HEAD)).indexOf(title) : -1;
  if (at > 0) {
    let end = lineEnd(start + at);
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return { start, end };
  }
  let end = lineEnd(start);
  if (end - start <= MAX_DATES_LINE && DATES_ONLY.test(text.slice(start, end)) && end < span[1]) {
    let next = end;
    while (next < span[1] && /\s/.test(text[next]!)) next++;
    if (next < span[1]) end = lineEnd(next);
  }
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end: Math.max(start, end) };
}

/** The job with the longest entry (the one that says most of what it did), or undefined when there is none. */
export function longestJob(jobs: ResumeFacts['jobs']): ResumeFacts['jobs'][number] | undefined {
  return [...jobs].sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]))[0];
}

/**
 * What a years ask names beyond "years of experience": whether a job's text speaks of it ("3 years building ML
 * models"), and, where the ask names a role ("опыт работы сметчиком", "3+ years as a data analyst"), whether a job's
 * title (or, where the reader found none, its heading) is that role.
 */
export interface AboutIt {
  /** Whether a job's text speaks of what the ask names (`titled`: its title is the ask's role, which shows the skills the role's name spells). */
  text: (jobText: string, titled?: boolean) => boolean;
  /** Null where the title cannot tell (it is in the other language). */
  role?: (jobTitle: string) => boolean | null;
}

/** A years ask for professional or paid work only. */
const PAID_WORK_RE = /(?<![\p{L}])(?:professional|commercial|paid|коммерческ\p{L}{0,4}|оплачиваем\p{L}{0,4}|профессиональн\p{L}{0,4})(?![\p{L}])/iu;
/** A job that is no paid work: a student team, an internship or a thesis, volunteering, «учебная практика». */
const UNPAID_JOB_RE = /(?<![\p{L}])(?:student\s+(?:team|project|society|club)|(?:master'?s|bachelor'?s|diploma)\s+thesis|thesis|volunteer\p{L}{0,3}|intern(?:ship)?|студенческ\p{L}{0,3}|дипломн\p{L}{0,3}|волонт[её]р\p{L}{0,3}|стажировк\p{L}{0,2}|практикант\p{L}{0,2}|(?:учебн|производственн|преддипломн)\p{L}{0,3}\s+практик\p{L}{0,2})(?![\p{L}])/iu;

/**
 * Whether a job titled as another role names the asked skills only as a person's role: a nurse who co-runs a group "with
 * our psychologist" shows no years as a psychologist, where a line that names the work ("CBT-informed psychological
 * assessment") would.
 */
function namesOnlyAColleague(jobText: string, skills: readonly string[]): boolean {
  const asked = new Set(skills);
  const matches = findSkills(jobText).filter((m) => asked.has(m.id));
  return matches.length > 0 && matches.every((m) => ROLE_NOUN_RE.test(jobText.slice(m.start, m.end)));
}

/** «опыт работы в [крупном] банке»: an ask of years at the workplace `place` (a pattern of its stem). */
function workedInRu(place: string): RegExp {
  return new RegExp(`опыт\\p{L}*\\s+работы\\s+в\\s+(?:\\p{L}+\\s+)?${place}`, 'iu');
}

/** "experience (working) in a [busy] hospital": an ask of years at the workplace `place`. */
function workedInEn(place: string): RegExp {
  return new RegExp(`experience\\s+(?:working\\s+)?(?:in|at)\\s+(?:an?\\s+|the\\s+)?(?:[a-z-]+\\s+)?${place}\\b`, 'i');
}

/**
 * Kinds of workplace a years ask may name («опыт работы в банке от 1 года», "2+ years of experience in a hospital",
 * "2+ years of fine-dining serving"), each with what a job's text names it by («Сбербанк», «ПАО «Банк Приволжский»»,
 * "St Mary's Medical Center").
 */
const WORKPLACES: Array<{ asked: RegExp; named: RegExp }> = [
  { asked: workedInRu('банк'), named: /банк/iu },
  { asked: workedInRu('аптек'), named: /аптек|аптечн/iu },
  { asked: workedInRu('ресторан'), named: /ресторан/iu },
  { asked: workedInRu('(?:больниц|стационар)'), named: /больниц|стационар|госпитал|(?<![\p{L}])(?:ГКБ|ГБУЗ|ЦРБ)(?![\p{L}])/iu },
  { asked: workedInRu('школ'), named: /школ|гимнази|лице[йяею]|(?<![\p{L}])(?:СОШ|МБОУ|ГБОУ)(?![\p{L}])/iu },
  { asked: workedInEn('bank(?:s|ing)?'), named: /bank/i },
  { asked: workedInEn('(?:hospital|acute)'), named: /hospital|medical cent|infirmary|NHS (?:Foundation )?Trust|acute/i },
  { asked: workedInEn('pharmac(?:y|ies)'), named: /pharmac/i },
  { asked: /fine[\s-]dining|upscale/i, named: /fine[\s-]dining|upscale|michelin|tasting menu|white[\s-]tablecloth/i },
];

/** What names the kind of workplace a years ask names, or null where it names none. */
function workplaceOf(askText: string): RegExp | null {
  return WORKPLACES.find((w) => w.asked.test(askText))?.named ?? null;
}

/** Years of experience asked (overall, or with the named skills) against the resume's dated jobs. */
function experience(
  ask: PostingRequirement,
  asked: number,
  facts: ResumeFacts,
  resumeText: string,
  aboutIt: AboutIt | undefined,
  ownWork: ((jobTitle: string, jobText: string) => boolean) | undefined,
): AskCheck {
  let shown: number;
  // years asked as professional or paid work («коммерческий опыт», "4+ years of professional embedded C") are not
  // a student team's, a thesis internship's or a volunteer's
  // (read by its title and employer, or its first lines where they were not told apart: not by its bullets, "mentored
  // two interns")
  const paidOnly = PAID_WORK_RE.test(ask.text);
  const headText = (j: ResumeFacts['jobs'][number]) => (j.title ? `${j.title} ${j.employer ?? ''}` : j.text.split('\n', 2).join(' ').slice(0, 200));
  // years asked at a kind of workplace (a bank, a hospital, fine dining) are of the jobs that name it, where one does:
  // a barista-cashier's years are no «опыт работы в банке», nor a brunch café's "fine-dining serving"
  const workplace = workplaceOf(ask.text);
  const atWorkplace = new Set(workplace ? facts.jobs.filter((j) => workplace.test(j.text)) : []);
  const narrowed = atWorkplace.size > 0;
  const paid = (j: ResumeFacts['jobs'][number]) => (!paidOnly || !UNPAID_JOB_RE.test(headText(j))) && (!narrowed || atWorkplace.has(j));
  let jobs = facts.jobs;
  // (a job without a title the reader could tell apart is read by its heading: "Senior Product Designer — Pennywise")
  const titleOfJob = (j: ResumeFacts['jobs'][number]) => {
    if (j.title) return j.title;
    const head = headOf(resumeText, j.span);
    return resumeText.slice(head.start, head.end);
  };
  // the jobs that are the posting's own work, read once: only an ask that names no skill is of it
  const own = new Set(ask.skills.length === 0 && ownWork ? facts.jobs.filter((j) => ownWork(titleOfJob(j), j.text)) : []);
  if (ask.skills.length > 0 || aboutIt) {
    // A job counts when it names the asked skill under any of its names. Else, where the ask names a role, when its
    // title is the role and its text speaks of it: a cashier's years that mention payslips are no «опыт работы
    // бухгалтером-расчетчиком», nor a store manager's that read sales data "3+ years as a data analyst", nor a baker's
    // who helps the confectioners «опыт работы кондитером». Otherwise (or where a title is in the other language)
    // when it speaks of what the ask names, or, where the ask names no skill (it is of the posting's own work), when
    // it is that work (a Product Designer's years for "4+ years designing consumer digital products", a material
    // handler's who drives a forklift and counts stock in a WMS for "6+ months of warehouse experience")
    // Where some job is the posting's work by its title, a job titled as another role does not count by its words
    // alone: a design engineer's years that speak of technical documents in English are no "three years of paid work
    // translating technical documents" for one who has translated ten months
    const ownByTitle = [...own].some((j) => j.title && ROLE_NOUN_RE.test(j.title));
    const otherRole = (j: ResumeFacts['jobs'][number]) => ownByTitle && j.title !== undefined && ROLE_NOUN_RE.test(j.title) && !own.has(j);
    const counted = new Set(
      facts.jobs
        .filter((j) => {
          if (!paid(j)) return false;
          // (a job titled as another role, read only where the skill is named)
          const otherTitle = () => j.title !== undefined && ROLE_NOUN_RE.test(j.title) && aboutIt?.role?.(j.title) === false;
          if (ask.skills.some((id) => jobWords(j.text).skills.has(id)) && !(otherTitle() && namesOnlyAColleague(j.text, ask.skills))) return true;
          const isRole = aboutIt?.role?.(titleOfJob(j)) ?? null;
          if (isRole !== null) return isRole && aboutIt!.text(j.text, true);
          return own.has(j) || (!otherRole(j) && (aboutIt?.text(j.text) ?? false));
        })
        .map((j) => j.text),
    );
    const relevant = (jobText: string) => counted.has(jobText);
    jobs = facts.jobs.filter((j) => relevant(j.text));
    shown = jobs.length > 0 ? yearsWhere(facts, relevant) : 0;
  } else {
    // years of experience that name nothing are the posting's own work's ("опыт от 2 лет" of a Python developer's
    // posting): where some job is that work, the years of those jobs, not a career changer's earlier career; where
    // none can be told to be, the years overall
    const ownPaid = [...own].filter(paid);
    if (ownPaid.length > 0) {
      const ownTexts = new Set(ownPaid.map((j) => j.text));
      jobs = ownPaid;
      shown = yearsWhere(facts, (jobText) => ownTexts.has(jobText));
    } else if ((paidOnly || narrowed) && facts.jobs.some((j) => !paid(j))) {
      jobs = facts.jobs.filter(paid);
      const paidTexts = new Set(jobs.map((j) => j.text));
      // (years the resume states are of its whole career, not of one kind of workplace)
      shown = Math.max(yearsWhere(facts, (jobText) => paidTexts.has(jobText)), narrowed ? 0 : (facts.statedYears ?? 0));
    } else {
      shown = Math.max(facts.totalYears ?? 0, facts.statedYears ?? 0);
    }
  }
  const longest = longestJob(jobs);
  return {
    score: asked <= 0 ? 1 : Math.min(1, shown / asked),
    evidence: longest ? headOf(resumeText, longest.span, longest.title) : null,
    years: { shown: Math.round(shown * 10) / 10, asked },
  };
}

function education(ask: NonNullable<PostingRequirement['education']>, facts: ResumeFacts, resumeText: string, resumeLanguage: 'ru' | 'en'): AskCheck {
  const need = POSTING_EDUCATION_RANK[ask.level];
  let best: { rank: number; span: [number, number] } | null = null;
  for (const e of facts.education) {
    const rank = RESUME_EDUCATION_RANK[e.level];
    if (!best || rank > best.rank) best = { rank, span: e.span };
  }
  if (!best) return { score: 0, evidence: null };
  // one level short (a bachelor where a master is asked) is partly met; two or more short is missing
  let score = best.rank >= need ? 1 : best.rank === need - 1 ? 0.5 : 0;
  // a degree in another discipline (linguistics where mathematics is asked) shows the level, not the ask
  // (by the entries of about the level asked: a course of a few hours in it, or the line after one, is no degree in it)
  const degrees = facts.education.filter((e) => RESUME_EDUCATION_RANK[e.level] >= need - 1);
  if (ask.discipline && !disciplineShown(ask.discipline, degrees, resumeText, resumeLanguage)) score = Math.min(score, 0.5);
  return { score, evidence: { start: best.span[0], end: best.span[1] } };
}

export const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * The first letters a discipline's word is known by: its stem less a letter or two, and an adjective in «-ическ» down to
 * its noun («психологическое» to «психолог-», met by «факультет психологии»).
 */
function disciplineRoot(t: string): string {
  return t.slice(0, Math.max(4, t.endsWith('ическ') ? t.length - 5 : t.length - 2));
}

/** A line that opens with a year (or a month and year): an entry of its own. */
const DATED_LINE_RE = /^\s*(?:[•·▪*–—-]\s*)?(?:\d{1,2}[./])?(?:19|20)\d{2}(?!\d)/u;

/**
 * Whether the education entries' lines (and the line after each, where a degree's subject often stands) name the
 * discipline: one of its words (by the stem's first letters: «математика» in «математический факультет») or one of
 * its skills. In the other language the words cannot tell, and the discipline is taken as shown.
 */
function disciplineShown(discipline: string, entries: ResumeFacts['education'], resumeText: string, resumeLanguage: 'ru' | 'en'): boolean {
  if (CYRILLIC.test(discipline) !== (resumeLanguage === 'ru')) return true;
  const asked = terms(discipline).filter((t) => t.length >= 3);
  const skills = shownIds(discipline);
  if (asked.length === 0 && skills.length === 0) return true;
  return entries.some((e) => {
    let lineEnd = resumeText.indexOf('\n', e.span[1] + 1);
    if (lineEnd === -1) lineEnd = resumeText.length;
    // (not where the next line is an entry of its own, dated: "2021 — онлайн-курс «Введение в психологию»")
    const next = resumeText.slice(e.span[1], lineEnd);
    const text = resumeText.slice(e.span[0], DATED_LINE_RE.test(next) ? e.span[1] : lineEnd);
    const have = terms(text);
    const named = new Set(shownIds(text));
    return skills.some((id) => named.has(id)) || asked.some((t) => have.some((h) => h.startsWith(disciplineRoot(t))));
  });
}

function language(ask: NonNullable<PostingRequirement['language']>, facts: ResumeFacts, resumeLanguage: 'ru' | 'en'): AskCheck {
  const fact = facts.languages.find((l) => LANGUAGE_CODE[l.name] === ask.language);
  const askedRank = ask.level ? (CEFR_RANK[ask.level] ?? ASKED_LEVEL_RANK[ask.level] ?? 0) : 0;
  // A resume written in the asked language shows working command of it, short of a native or C2 level asked.
  const writtenIn = resumeLanguage === ask.language ? 5 : 0;
  const shownRank = Math.max(writtenIn, fact ? (fact.level ? (CEFR_RANK[fact.level] ?? 0) : 3) : 0);
  if (shownRank === 0) return { score: 0, evidence: null };
  const score = askedRank === 0 || shownRank >= askedRank ? 1 : shownRank >= askedRank - 1 ? 0.5 : 0.25;
  return { score, evidence: fact ? { start: fact.start, end: fact.end } : null };
}

const LICENCE_KIND: Partial<Record<NonNullable<PostingRequirement['licence']>['type'], 'driving' | 'naks'>> = {
  driving: 'driving',
  welding: 'naks',
};

/** A licence ask; null when the resume reader's licences cannot say (the ask is then matched by its words). */
function licence(ask: NonNullable<PostingRequirement['licence']>, facts: ResumeFacts, otherLanguage: boolean): AskCheck | null {
  if (ask.type === 'medical') return medical(ask.categories, facts, otherLanguage);
  if (ask.type === 'electrical') return electrical(ask.categories[0], facts);
  const kind = LICENCE_KIND[ask.type];
  if (!kind) return null;
  const held = facts.licences.filter((l) => l.kind === kind);
  if (held.length === 0) return null;
  if (kind === 'driving' && ask.categories.length > 0) {
    const categories = new Set(held.flatMap((l) => l.categories ?? []).map((c) => c.replace('+', '')));
    // a licence named without its categories ("Valid driver's license") cannot say which it covers: the words decide
    if (categories.size === 0) return null;
    const has = ask.categories.filter((c) => categories.has(c)).length;
    const l = held[0]!;
    return { score: has / ask.categories.length, evidence: { start: l.start, end: l.end } };
  }
  return { score: 1, evidence: { start: held[0]!.start, end: held[0]!.end } };
}

const GROUP_RANK: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5 };

/**
 * An electrical-safety group asked («группа по электробезопасности не ниже третьей») against the resume's licence
 * lines that name one: met at the group asked or above, partly one below; null where no line names a group.
 */
function electrical(asked: string | undefined, facts: ResumeFacts): AskCheck | null {
  const lines = facts.licences.filter((l) => /электробезопасност|electrical safety/iu.test(l.name));
  const shown = lines.map((l) => ({ l, rank: GROUP_RANK[electricalGroup(l.name) ?? ''] ?? 0 })).sort((a, b) => b.rank - a.rank)[0];
  if (!shown || shown.rank === 0) return null;
  const need = asked ? (GROUP_RANK[asked] ?? 0) : 0;
  const score = shown.rank >= need ? 1 : shown.rank === need - 1 ? 0.5 : 0.25;
  return { score, evidence: { start: shown.l.start, end: shown.l.end } };
}

/** Credentials that are a licence to practise, granted by one country's board (not a course such as BLS). */
const NURSE_LICENCES = new Set(['rn', 'lpn']);

/**
 * A medical credential ask (RN licence, BLS, ACLS) against the resume's licence lines, under their abbreviations or
 * their names: the share of the asked credentials a line names; null when none is named (the words decide then).
 */
function medical(asked: string[], facts: ResumeFacts, otherLanguage: boolean): AskCheck | null {
  if (asked.length === 0) return null;
  const lines = facts.licences.map((l) => ({ l, named: new Set(credentialsNamed(l.name)) }));
  const shown = asked.filter((c) => lines.some((x) => x.named.has(c)));
  // A nurse's licence is a country's: a resume in the other language names the trade («медицинская сестра»), not the
  // RN or LPN licence an English posting asks, so its words do not meet the ask
  if (shown.length === 0 && otherLanguage && asked.every((c) => NURSE_LICENCES.has(c))) return { score: 0, evidence: null };
  if (shown.length === 0) return null;
  const first = lines.find((x) => x.named.has(shown[0]!))!.l;
  return { score: shown.length / asked.length, evidence: { start: first.start, end: first.end } };
}

/**
 * The resume's showing of a structured ask, or null when the requirement asks nothing the reader measures (then its
 * words decide). Experience asks without a number are left to the words too.
 */
export function checkAsk(
  ask: PostingRequirement,
  facts: ResumeFacts,
  resumeText: string,
  resumeLanguage: 'ru' | 'en',
  /** For years with something ("3 years building ML models"): whether a job's text, and its title, are about it. */
  aboutIt?: AboutIt,
  /**
   * For years of the posting's own work that name no skill ("4+ years designing consumer products", "6+ months of
   * warehouse experience"): whether a job, by its title and text, is that work.
   */
  ownWork?: (jobTitle: string, jobText: string) => boolean,
): AskCheck | null {
  if (ask.kind === 'experience' && ask.years !== undefined) return experience(ask, ask.years, facts, resumeText, aboutIt, ownWork);
  if (ask.kind === 'education' && ask.education) return education(ask.education, facts, resumeText, resumeLanguage);
  if (ask.kind === 'language' && ask.language) {
    // one of several languages: the one the resume shows best; several asked together: the one it shows least
    const asked = (codes: string[]) => codes.map((code) => language({ ...ask.language!, language: code }, facts, resumeLanguage));
    const either = asked([ask.language.language, ...(ask.language.or ?? [])]).reduce((best, c) => (c.score > best.score ? c : best));
    return asked(ask.language.and ?? []).reduce((worst, c) => (c.score < worst.score ? c : worst), either);
  }
  if (ask.kind === 'licence' && ask.licence) return licence(ask.licence, facts, CYRILLIC.test(ask.text) !== (resumeLanguage === 'ru'));
  return null;
}
