/**
 * The deterministic advice writer: strengths, weaknesses, rewrites, what to learn and questions to reflect on,
 * built only from the scoring's requirement results and the resume itself. It is the default writer and the
 * fallback when an LLM fails, so it never claims a skill the scoring did not find evidence for.
 */
import type { Advice, Language, RequirementResult, Scoring } from '@rc/contracts';
import { isListLine, isSectionHeading, SKILL_TERMS, termSpans, terms } from '@rc/text';
import { learningTip } from './learning-tips.ts';

export const PROMPT_VERSION_RULES = 'rules-v1';

export interface RulesAdviceInput {
  scoring: Scoring;
  vacancyText: string;
  resumeText: string;
  language: Language;
}

const LIMITS = { strengths: 5, weaknesses: 6, rewrites: 6, learning: 5, reflection: 5 } as const;

/** Anything taken from the texts (requirements, evidence, skill names) goes inside these quotes. */
const QUOTES: Record<Language, [string, string]> = { en: ['“', '”'], ru: ['«', '»'] };

function clip(text: string, max: number): string {
  // The lookbehind starts the trailing match only at the start of a run: /[.;:,]+$/ alone retried inside one.
  const flat = text.replace(/\s+/g, ' ').trim().replace(/(?<![.;:,])[.;:,]+$/, '');
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

function quoter(language: Language) {
  const [open, close] = QUOTES[language];
  // Quote marks inside the quoted text would end the quote early; swap them for neutral ones.
  return (text: string, max = 120) => `${open}${clip(text, max).replace(/[«»“”]/g, '"')}${close}`;
}

function list(items: string[], language: Language, conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  const word = { and: { en: ' and ', ru: ' и ' }, or: { en: ' or ', ru: ' или ' } }[conjunction][language];
  return `${items.slice(0, -1).join(', ')}${word}${items[items.length - 1]}`;
}

interface Skill {
  term: string;
  name: string;
}

/** Role words in the skill vocabulary: "Learn backend" is not advice. */
const ROLE_TERMS = new Set(['backend', 'frontend', 'fullstack', 'devops', 'qa']);
const ALTERNATIVE_GAP = /^\s*(?:or|или|либо|\/)\s*$/i;

/**
 * The skill names a requirement mentions, as written in it ("Kubernetes", "машинное обучение"). With
 * firstAlternative, "Django or FastAPI" gives only Django: one of them is enough to learn.
 */
function skillsOf(text: string, firstAlternative = false): Skill[] {
  const seen = new Set<string>();
  const out: Skill[] = [];
  let previousEnd = -1;
  for (const span of termSpans(text)) {
    if (!SKILL_TERMS.has(span.term) || ROLE_TERMS.has(span.term)) continue;
    const alternative = previousEnd >= 0 && ALTERNATIVE_GAP.test(text.slice(previousEnd, span.start));
    previousEnd = span.end;
    if (seen.has(span.term) || (firstAlternative && alternative)) continue;
    seen.add(span.term);
    out.push({ term: span.term, name: span.text });
  }
  return out;
}

/** The terms a resume names on its lines that are not lists of names (a job's bullets, its summary). */
function termsOutsideLists(resumeText: string): Set<string> {
  const out = new Set<string>();
  for (const line of resumeText.split('\n')) if (!isListLine(line)) for (const term of terms(line)) out.add(term);
  return out;
}

/** Russian noun form after "из N": из 1 требования, из 5 требований. */
function requirementsWord(n: number, language: Language): string {
  if (language === 'en') return n === 1 ? 'requirement' : 'requirements';
  return n % 10 === 1 && n % 100 !== 11 ? 'требования' : 'требований';
}

const CREDENTIAL_KINDS = new Set(['education', 'licence', 'language']);

/** A word that, with the "of" after it, only leads to the thing asked: "part of", "a variety of", "a number of". */
const OF_PHRASE_HEAD_RE = /^(?:part|member|kind|sort|lot|lots|number|variety|range|mix|array)\s{1,2}of(?![\p{L}])/iu;

/** Words of the requirement that its evidence line lacks, as written in the requirement. */
function missingWords(req: RequirementResult): string[] {
  const have = new Set(req.evidence ? terms(req.evidence.text) : []);
  const seen = new Set<string>();
  const out: Array<{ start: number; end: number }> = [];
  const spans = termSpans(req.text);
  // alternatives ("КОМПАС-3D или SolidWorks", "GitLab CI or GitHub Actions"): phrases (words with only spaces or
  // hyphens between) joined by "or"; where the line names one of them whole, the others are not missing
  const phrase: number[] = [];
  const group: number[] = [];
  spans.forEach((span, i) => {
    const gap = i > 0 ? req.text.slice(spans[i - 1]!.end, span.start) : '';
    phrase[i] = i > 0 && /^[\s-]+$/.test(gap) ? phrase[i - 1]! : i;
    group[i] = i > 0 && (phrase[i] === phrase[i - 1] || ALTERNATIVE_GAP.test(gap)) ? group[i - 1]! : i;
  });
  const unshownPhrases = new Set(spans.flatMap((span, i) => (have.has(span.term) ? [] : [phrase[i]!])));
  const shownGroups = new Set(spans.flatMap((_, i) => (unshownPhrases.has(phrase[i]!) ? [] : [group[i]!])));
  for (const [i, span] of spans.entries()) {
    if (shownGroups.has(group[i]!)) continue;
    // (a contraction is no word to name: "don'" of "don't")
    if (have.has(span.term) || seen.has(span.term) || /['’]/.test(req.text.slice(span.start, span.end + 1))) continue;
    // (nor is the head of a phrase that only leads to what is asked: "part" of "You've been part of a finance team")
    if (OF_PHRASE_HEAD_RE.test(req.text.slice(span.start, span.end + 4))) continue;
    seen.add(span.term);
    const last = out[out.length - 1];
    // a hyphenated word is named whole ("month-end", not "end", when "month" is no term of its own)
    const head = /[\p{L}\p{N}]+-$/u.exec(req.text.slice(Math.max(0, span.start - 24), span.start));
    const start = head && (!last || last.end <= span.start - head[0].length) ? span.start - head[0].length : span.start;
    // Neighbouring missing words form one phrase: "GitHub Actions", not "GitHub" and "Actions".
    if (last && /^[\s-]+$/.test(req.text.slice(last.end, start))) last.end = span.end;
    else out.push({ start, end: span.end });
  }
  return out.slice(0, 3).map((p) => req.text.slice(p.start, p.end));
}

const byPriority = (a: RequirementResult, b: RequirementResult) =>
  (a.importance === b.importance ? 0 : a.importance === 'must' ? -1 : 1) || b.score - a.score;


// Lookaheads instead of \b: JavaScript's \b does not treat Cyrillic letters as word characters. These run over whole
// resumes: a number starts only where its digits start ((?<!\d)), the unit's spaces are not a second run of spaces
// beside the first, and a summary heading is looked for after the spaces of its own line only (`^\s*` with the m
// flag re-read every following blank line from each one).
const QUANTIFIED_RE = /(?<!\d)\d+(?:[.,]\d+)?\s*(?:(?:[kmкм](?!\p{L})|тыс\.?|млн|млрд|million|billion)\s*)?(?:%|percent|процент|×|раз(?!\p{L})|x(?!\p{L})|users|пользовател|clients|клиент|customers|requests|запрос|платеж|платёж|transactions|rps|ms(?!\p{L})|мс(?!\p{L})|[$₽€£]|people|employees|человек|сотрудник|patients|пациент|процедур|beds|коек|covers|orders|заказ|pallets|паллет|tonnes|tons|тонн|trucks|фур|рейс|shifts|смен)|[$₽€£]\s*\d|(?<!\d)\d+(?:[.,]\d+)?\s*(?:k|m|тыс\.?|млн|млрд|million|billion)(?!\p{L})/iu;
const YEAR_RE = /(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)/;
const SUMMARY_RE = /^[^\S\n\r\u2028\u2029]*(?:summary|profile|about me|about|objective|professional summary|career summary|о себе|обо мне|цель|профиль|кратко о себе)(?!\p{L})/imu;

/**
 * Whether the resume opens with a summary that has no heading: a line of ten words or more with a sentence in it
 * before the first section heading or bullet ("Warehouse worker with 2 years of experience in a grocery distribution
 * center. Certified forklift operator …").
 */
function opensWithSummary(resumeText: string): boolean {
  for (const line of resumeText.slice(0, 1500).split('\n')) {
    const t = line.trim();
    if (t === '') continue;
    if (isSectionHeading(t) || /^[-–—•·*▪]/.test(t)) return false;
    if ((t.match(/\p{L}+/gu) ?? []).length >= 10 && /\p{L}[.!](?:\s|$)/u.test(t)) return true;
  }
  return false;
}

type Templates = {
  strengthMust: (req: string, evidence: string) => string;
  strengthNice: (req: string, evidence: string) => string;
  strengthNoEvidence: (req: string) => string;
  strengthPartial: (req: string, evidence: string) => string;
  weaknessMissing: (req: string) => string;
  weaknessQuality: (req: string) => string;
  weaknessYears: (req: string, shown: string, asked: string) => string;
  weaknessPartial: (req: string, evidence: string) => string;
  /** A craft skill the resume's years in the field imply but its words never name. */
  weaknessImplied: (req: string, years: string, evidence: string) => string;
  weaknessNice: (reqs: string) => string;
  learnTip: (skill: string, tip: string) => string;
  learnGeneric: (skills: string) => string;
  learnNonSkill: (req: string) => string;
  /** A licence or certificate the resume does not show: held and unnamed, or to get. */
  learnLicence: (req: string) => string;
  rewritePartial: (req: string, evidence: string, words: string) => string;
  rewritePartialNoWords: (req: string, evidence: string) => string;
  /** A resume in another language than the vacancy: the vacancy's words would not belong in it. */
  rewritePartialOtherLanguage: (req: string, evidence: string) => string;
  rewriteImplied: (req: string, evidence: string) => string;
  /** `many`: several skills named, in a list. */
  rewriteSkillsOnly: (req: string, many?: boolean) => string;
  rewriteNumbers: string;
  rewriteDates: string;
  rewriteSummary: (skills: string) => string;
  rewriteSummaryGeneric: string;
  reflectMissing: (skill: string) => string;
  reflectPartial: (req: string, evidence: string) => string;
  reflectAchievement: string;
  reflectFit: string;
  reflectStrong: string;
  verdict: Record<Scoring['verdict'], string>;
  upgradeScore: (pct: number, verdict: string, met: number, total: string) => string;
  upgradeScorePartial: (partial: number) => string;
  upgradeNoRequirements: (pct: number, verdict: string) => string;
  upgradeGaps: (skills: string) => string;
  upgradePartial: string;
  upgradePartialOnly: string;
  upgradeStrong: string;
  upgradeWeak: string;
};

const EN: Templates = {
  strengthMust: (req, ev) => `You meet the must-have ${req}: your resume says ${ev}.`,
  strengthNice: (req, ev) => `You bring a plus the vacancy asks for, ${req}: ${ev}.`,
  strengthNoEvidence: (req) => `Your resume covers the requirement ${req}.`,
  strengthPartial: (req, ev) => `You partly cover ${req} (${ev}), a base to build on.`,
  weaknessMissing: (req) => `The vacancy requires ${req}, but your resume does not show it.`,
  weaknessQuality: (req) =>
    `The vacancy asks for ${req}: a resume rarely shows a personal quality in words, so show it with an example in your cover letter and at the interview.`,
  weaknessYears: (req, shown, asked) =>
    `The vacancy asks for ${req}: the dates in your resume show ${shown} of the ${asked} years asked. If you have more, date every relevant job.`,
  weaknessPartial: (req, ev) => `${req} is only partly covered: the closest line is ${ev}.`,
  weaknessImplied: (req, years, ev) =>
    `Your resume never names ${req}: ${years} years of work in the field (such as ${ev}) imply it, but a recruiter's keyword search will not find it.`,
  weaknessNice: (reqs) => `Nice-to-have items your resume does not show: ${reqs}.`,
  learnTip: (skill, tip) => `To learn ${skill}, ${tip}.`,
  learnGeneric: (skills) =>
    `Learn ${skills}: take a short course or the official tutorial, then use it in a small project you can list on your resume.`,
  learnNonSkill: (req) => `Build up ${req} and prepare a concrete example of it for your resume and the interview.`,
  learnLicence: (req) => `If you hold ${req}, name it in your resume with its date; if not, it is the first thing to get for this job.`,
  rewritePartial: (req, ev, words) =>
    `Make ${req} explicit: if you have that experience, rewrite ${ev} so it names ${words}, and add a measurable result.`,
  rewritePartialNoWords: (req, ev) =>
    `Make ${req} explicit: rewrite ${ev} in the vacancy's own words and add a measurable result.`,
  rewritePartialOtherLanguage: (req, ev) =>
    `Make ${req} explicit: if you have that experience, say so plainly in ${ev}, in your resume's language, and add a measurable result.`,
  rewriteImplied: (req, ev) =>
    `Name ${req} where you used it: add a bullet under ${ev} with one concrete case (what, what for, what came of it).`,
  rewriteSkillsOnly: (req, many) =>
    many
      ? `${req} appear only in your skills list; add a bullet that shows where you used them and what came of it.`
      : `${req} appears only in your skills list; add a bullet that shows where you used it and what came of it.`,
  rewriteNumbers:
    'Quantify your results: add numbers to your main bullets (volumes, percentages, time saved, people or customers served, team size: whatever your work counts).',
  rewriteDates: 'Add dates (month and year) to each job, so a reader can see how long you worked with each technology.',
  rewriteSummary: (skills) =>
    `Add a 2–3 line summary at the top that names the role and your strongest matching skills: ${skills}.`,
  rewriteSummaryGeneric: 'Add a 2–3 line summary at the top that names the role you want and your strongest skills for it.',
  reflectMissing: (skill) =>
    `Have you used ${skill} anywhere: at work, in a side project or a course? If so, where, and with what result?`,
  reflectPartial: (req, ev) => `What exactly did you do in ${ev}, and how does it show ${req}?`,
  reflectAchievement:
    "Which one achievement of yours best matches this vacancy's main task, and is it near the top of your resume?",
  reflectFit: 'Is this the right role for you now, or would an adjacent or more junior position be a better next step?',
  reflectStrong: 'What would you say in the first minute of an interview to show that you have already done this job?',
  verdict: { strong: 'a strong fit', partial: 'a partial fit', weak: 'a weak fit' },
  upgradeScore: (pct, verdict, met, total) => `Your resume is ${verdict} for this vacancy (${pct}%): it fully covers ${met} of ${total}.`,
  upgradeScorePartial: (partial) => `${partial} more ${partial === 1 ? 'is' : 'are'} covered partly.`,
  upgradeNoRequirements: (pct, verdict) =>
    `Your resume is ${verdict} for this vacancy (${pct}%). The vacancy lists no clear requirements, so compare your resume with its wording directly.`,
  upgradeGaps: (skills) => `Close the must-have gaps first: ${skills}.`,
  upgradePartial: "Then make your partial matches explicit, in the vacancy's own words and with numbers.",
  upgradePartialOnly: "Make your partial matches explicit, in the vacancy's own words and with numbers.",
  upgradeStrong: 'Tailor the summary and the first bullets to this vacancy, and apply.',
  upgradeWeak: 'Consider whether a related role that uses more of your current experience is a better target for now.',
};

const RU: Templates = {
  strengthMust: (req, ev) => `Вы соответствуете обязательному требованию ${req}: в резюме сказано ${ev}.`,
  strengthNice: (req, ev) => `У вас есть то, что вакансия называет плюсом, ${req}: ${ev}.`,
  strengthNoEvidence: (req) => `Резюме закрывает требование ${req}.`,
  strengthPartial: (req, ev) => `Требование ${req} закрыто частично (${ev}); на это можно опереться.`,
  weaknessMissing: (req) => `Вакансия требует ${req}, но в резюме этого не видно.`,
  weaknessQuality: (req) =>
    `Вакансия просит ${req}: личное качество резюме редко показывает словами, поэтому покажите его на примере в сопроводительном письме и на собеседовании.`,
  weaknessYears: (req, shown, asked) =>
    `Вакансия просит ${req}: по датам в резюме видно ${shown} из ${asked} запрошенных лет. Если опыта больше, укажите даты каждой подходящей работы.`,
  weaknessPartial: (req, ev) => `Требование ${req} закрыто лишь частично: ближе всего строка ${ev}.`,
  weaknessImplied: (req, years, ev) =>
    `В резюме нигде не названо ${req}: это подразумевает опыт работы в профессии (${years} г., например ${ev}), но поиск рекрутера по ключевым словам этого не найдёт.`,
  weaknessNice: (reqs) => `Не показаны желательные навыки: ${reqs}.`,
  learnTip: (skill, tip) => `Чтобы освоить ${skill}, ${tip}.`,
  learnGeneric: (skills) =>
    `Изучите ${skills}: пройдите короткий курс или официальное руководство и примените в небольшом проекте, который можно указать в резюме.`,
  learnNonSkill: (req) => `Подтяните ${req} и подготовьте конкретный пример, который можно привести в резюме и на собеседовании.`,
  learnLicence: (req) => `Если у вас есть ${req}, укажите это в резюме с датой; если нет, это первое, что нужно получить для этой работы.`,
  rewritePartial: (req, ev, words) =>
    `Покажите требование ${req} явно: если у вас есть такой опыт, перепишите строку ${ev} так, чтобы в ней были ${words}, и добавьте измеримый результат.`,
  rewritePartialNoWords: (req, ev) =>
    `Покажите требование ${req} явно: перепишите строку ${ev} словами вакансии и добавьте измеримый результат.`,
  rewritePartialOtherLanguage: (req, ev) =>
    `Покажите требование ${req} явно: если у вас есть такой опыт, скажите об этом прямо в строке ${ev} на языке резюме и добавьте измеримый результат.`,
  rewriteImplied: (req, ev) =>
    `Назовите ${req} там, где вы это применяли: добавьте в описание работы ${ev} пункт с конкретным случаем — что, для чего и с каким результатом.`,
  rewriteSkillsOnly: (req, many) =>
    many
      ? `${req} упомянуты только в списке навыков; добавьте пункт о том, где вы их применяли и что получилось.`
      : `${req} упомянуто только в списке навыков; добавьте пункт о том, где вы это применяли и что получилось.`,
  rewriteNumbers:
    'Добавьте цифры в ключевые пункты опыта: объёмы, проценты, сэкономленное время, число клиентов или людей, размер команды — то, что считают в вашей работе.',
  rewriteDates: 'Укажите даты (месяц и год) для каждого места работы, чтобы было видно, как долго вы работали с каждой технологией.',
  rewriteSummary: (skills) =>
    `Добавьте в начало 2–3 строки о себе: желаемая должность и самые сильные совпадающие навыки (${skills}).`,
  rewriteSummaryGeneric: 'Добавьте в начало 2–3 строки о себе: желаемая должность и ваши самые сильные навыки для неё.',
  reflectMissing: (skill) =>
    `Приходилось ли вам работать с ${skill} на работе, в пет-проекте или на курсах? Если да, то где и с каким результатом?`,
  reflectPartial: (req, ev) => `Что именно вы делали в ${ev} и как это показывает ${req}?`,
  reflectAchievement: 'Какое ваше достижение лучше всего отвечает главной задаче этой вакансии и стоит ли оно в начале резюме?',
  reflectFit: 'Подходит ли вам эта роль сейчас, или лучше сначала нацелиться на смежную или более младшую позицию?',
  reflectStrong: 'Что вы скажете в первую минуту собеседования, чтобы показать, что уже делали эту работу?',
  verdict: { strong: 'сильное соответствие', partial: 'частичное соответствие', weak: 'слабое соответствие' },
  upgradeScore: (pct, verdict, met, total) => `У резюме ${verdict} вакансии (${pct}%): полностью закрыто ${met} из ${total}.`,
  upgradeScorePartial: (partial) => `Частично закрыто ещё ${partial}.`,
  upgradeNoRequirements: (pct, verdict) =>
    `У резюме ${verdict} вакансии (${pct}%). Явных требований в вакансии нет, поэтому сверьте резюме с её формулировками напрямую.`,
  upgradeGaps: (skills) => `Сначала закройте пробелы в обязательных требованиях: ${skills}.`,
  upgradePartial: 'Затем покажите частичные совпадения явно, словами вакансии и с цифрами.',
  upgradePartialOnly: 'Покажите частичные совпадения явно, словами вакансии и с цифрами.',
  upgradeStrong: 'Подстройте раздел «о себе» и первые пункты опыта под эту вакансию и откликайтесь.',
  upgradeWeak: 'Подумайте, не стоит ли пока целиться в смежную роль, где пригодится больше вашего текущего опыта.',
};

const TEMPLATES: Record<Language, Templates> = { en: EN, ru: RU };

/** Deterministic advice in the requested language, from the scoring's requirement results and the resume. */
export function writeRulesAdvice(input: RulesAdviceInput): Advice {
  const { scoring, resumeText, language } = input;
  const t = TEMPLATES[language];
  const q = quoter(language);
  // Duties describe the job, not what it asks of the candidate: they are never advised on as gaps.
  const reqs = scoring.requirements.filter((r) => r.kind !== 'duty');
  const met = reqs.filter((r) => r.status === 'met').sort(byPriority);
  const partial = reqs.filter((r) => r.status === 'partial').sort(byPriority);
  const missing = reqs.filter((r) => r.status === 'missing').sort(byPriority);
  // a personal quality missing from the words is no gap to learn or to close first: it is shown in person
  const missingMust = missing.filter((r) => r.importance === 'must' && r.kind !== 'quality');
  const missingQualities = missing.filter((r) => r.kind === 'quality');
  const missingNice = missing.filter((r) => r.importance === 'nice' && r.kind !== 'quality');
  const partialMust = partial.filter((r) => r.importance === 'must');

  // Strengths come only from requirements the scoring found covered, each with the resume line it found.
  const strengths: string[] = [];
  for (const r of met.slice(0, LIMITS.strengths)) {
    if (!r.evidence) strengths.push(t.strengthNoEvidence(q(r.text)));
    else if (r.importance === 'must') strengths.push(t.strengthMust(q(r.text), q(r.evidence.text, 140)));
    else strengths.push(t.strengthNice(q(r.text), q(r.evidence.text, 140)));
  }
  for (const r of partial) {
    if (r.implied) continue; // implied by the years, not shown: nothing to build on in the words
    if (strengths.length >= Math.min(LIMITS.strengths, 2) || !r.evidence) break;
    strengths.push(t.strengthPartial(q(r.text), q(r.evidence.text, 140)));
  }

  const years = (x: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(x);
  const weaknesses: string[] = missingMust
    .slice(0, LIMITS.weaknesses - 1)
    .map((r) => (r.years ? t.weaknessYears(q(r.text), years(r.years.shown), years(r.years.asked)) : t.weaknessMissing(q(r.text))));
  for (const r of partialMust) {
    if (weaknesses.length >= LIMITS.weaknesses - 1) break;
    if (r.years) weaknesses.push(t.weaknessYears(q(r.text), years(r.years.shown), years(r.years.asked)));
    else if (r.implied && r.evidence) weaknesses.push(t.weaknessImplied(q(r.text), years(r.implied.years), q(r.evidence.text, 140)));
    else if (r.evidence) weaknesses.push(t.weaknessPartial(q(r.text), q(r.evidence.text, 140)));
  }
  if (missingNice.length > 0) weaknesses.push(t.weaknessNice(missingNice.slice(0, 4).map((r) => q(r.text, 60)).join(', ')));
  if (missingQualities.length > 0 && weaknesses.length < LIMITS.weaknesses) {
    weaknesses.push(t.weaknessQuality(list(missingQualities.slice(0, 3).map((r) => q(r.text, 60)), language)));
  }

  // What to learn: the skills of missing requirements, must-haves first, each once.
  const learning: string[] = [];
  const taught = new Set<string>();
  for (const r of missing) {
    if (learning.length >= LIMITS.learning) break;
    if (r.years || r.kind === 'education' || r.kind === 'language' || r.kind === 'quality') continue;
    const all = skillsOf(r.text, true);
    const skills = all.filter((s) => !taught.has(s.term));
    skills.forEach((s) => taught.add(s.term));
    if (skills.length === 0) {
      if (all.length === 0) learning.push(r.kind === 'licence' ? t.learnLicence(q(r.text, 80)) : t.learnNonSkill(q(r.text, 80)));
      continue;
    }
    const withTips = skills.filter((s) => learningTip(s.term, language));
    for (const s of withTips) {
      if (learning.length < LIMITS.learning) learning.push(t.learnTip(q(s.name, 40), learningTip(s.term, language)!));
    }
    const rest = skills.filter((s) => !learningTip(s.term, language));
    if (rest.length > 0 && learning.length < LIMITS.learning) learning.push(t.learnGeneric(list(rest.map((s) => q(s.name, 40)), language)));
  }

  const rewrites: string[] = [];
  for (const r of partial) {
    // a personal quality partly shown by a deed is not shown better by naming it ("collaborative mindset"), nor a
    // degree, a licence or a language level by rewording a line (a B.B.A. line does not come to name an MBA)
    if (rewrites.length >= LIMITS.rewrites - 2 || !r.evidence || r.kind === 'quality' || CREDENTIAL_KINDS.has(r.kind ?? 'other')) continue;
    if (r.implied) {
      rewrites.push(t.rewriteImplied(q(r.text), q(r.evidence.text, 140)));
      continue;
    }
    if (scoring.components.cross_language === 1) {
      rewrites.push(t.rewritePartialOtherLanguage(q(r.text), q(r.evidence.text, 140)));
      continue;
    }
    const words = missingWords(r);
    rewrites.push(
      words.length > 0
        ? t.rewritePartial(q(r.text), q(r.evidence.text, 140), list(words.map((w) => q(w, 40)), language))
        : t.rewritePartialNoWords(q(r.text), q(r.evidence.text, 140)),
    );
  }
  let outsideLists: Set<string> | undefined;
  for (const r of met) {
    if (rewrites.length >= LIMITS.rewrites - 2) break;
    if (r.importance !== 'must' || !r.evidence || !isListLine(r.evidence.text)) continue;
    // (a row that names several skills quotes the list that names them all; where the jobs' lines name each of them
    // too, the skills are not in the list only; where some are, those are named)
    const skills = skillsOf(r.text);
    outsideLists ??= termsOutsideLists(resumeText);
    const listedOnly = skills.filter((s) => !outsideLists!.has(s.term));
    if (skills.length > 0 && listedOnly.length === 0) continue;
    if (skills.length > 1) rewrites.push(t.rewriteSkillsOnly(list(listedOnly.map((s) => q(s.name, 40)), language), listedOnly.length > 1));
    else rewrites.push(t.rewriteSkillsOnly(q(r.text)));
  }
  if (!QUANTIFIED_RE.test(resumeText)) rewrites.push(t.rewriteNumbers);
  if (!YEAR_RE.test(resumeText)) rewrites.push(t.rewriteDates);
  if (!SUMMARY_RE.test(resumeText) && !opensWithSummary(resumeText)) {
    const covered = [...met, ...partial].flatMap((r) => skillsOf(r.text)).map((s) => q(s.name, 40));
    const unique = [...new Set(covered)].slice(0, 4);
    rewrites.push(unique.length > 0 ? t.rewriteSummary(list(unique, language)) : t.rewriteSummaryGeneric);
  }

  const reflection: string[] = [];
  // (a licence is held or not: no question of where it was used)
  for (const r of missingMust.filter((m) => m.kind !== 'licence').slice(0, 2)) {
    const skills = skillsOf(r.text);
    const named = skills.slice(0, 2).map((s) => q(s.name, 40));
    reflection.push(t.reflectMissing(skills.length > 0 ? list(named, language, 'or') : q(r.text, 80)));
  }
  for (const r of partial.slice(0, 2)) {
    if (r.evidence) reflection.push(t.reflectPartial(q(r.text, 80), q(r.evidence.text, 100)));
  }
  reflection.push(scoring.verdict === 'strong' ? t.reflectStrong : t.reflectAchievement);
  if (scoring.verdict === 'weak') reflection.push(t.reflectFit);

  const pct = Math.round(scoring.score * 100);
  const verdict = t.verdict[scoring.verdict];
  const upgrades: string[] = [
    reqs.length > 0
      ? t.upgradeScore(pct, verdict, met.length, `${reqs.length} ${requirementsWord(reqs.length, language)}`)
      : t.upgradeNoRequirements(pct, verdict),
  ];
  if (partial.length > 0) upgrades.push(t.upgradeScorePartial(partial.length));
  if (missingMust.length > 0) {
    const gaps = missingMust.slice(0, 3).map((r) => {
      const skills = skillsOf(r.text, true);
      return skills.length > 0 ? list(skills.slice(0, 2).map((s) => q(s.name, 40)), language) : q(r.text, 60);
    });
    upgrades.push(t.upgradeGaps(gaps.join(', ')));
  }
  if (partial.length > 0) upgrades.push(missingMust.length > 0 ? t.upgradePartial : t.upgradePartialOnly);
  if (scoring.verdict === 'strong') upgrades.push(t.upgradeStrong);
  if (scoring.verdict === 'weak') upgrades.push(t.upgradeWeak);

  return {
    strengths,
    weaknesses,
    rewrite_suggestions: rewrites.slice(0, LIMITS.rewrites),
    learning_recommendations: learning,
    reflection_points: reflection.slice(0, LIMITS.reflection),
    upgrades: upgrades.join(' '),
  };
}
