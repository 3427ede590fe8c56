/** The terminal report of an analysis and of a ranking: plain text, wrapped to the terminal, coloured on a TTY. */
import type { AdviceSource, FitSummary, RequirementResult, ResumeFactsResult } from '@rc/contracts';
import { dictionary, type PageLanguage } from '@rc/gateway/i18n';

export interface AnalysisView {
  id: string;
  status: string;
  score: number | null;
  score_percent: number | null;
  verdict: 'strong' | 'partial' | 'weak' | null;
  requirements: RequirementResult[];
  /** Absent from gateways older than the resume reader. */
  resume_facts?: ResumeFactsResult | null;
  /** What the score is made of; absent from gateways older than the score's parts. */
  fit?: FitSummary | null;
  strengths: string[];
  weaknesses: string[];
  rewrite_suggestions: string[];
  learning_recommendations: string[];
  reflection_points: string[];
  upgrades: string;
  advice_source: AdviceSource | null;
  scorer: { engine: string; model: string } | null;
  language: 'ru' | 'en';
  /** Text the resume's file hid from its reader, left out of the score. */
  hidden_text?: import('@rc/contracts').HiddenText | null;
  error: { code: string; message: string } | null;
}

export interface RankingView {
  id: string;
  status: string;
  candidate_count: number | null;
  engine: string | null;
  error: { code: string; message: string } | null;
  results: Array<{ rank: number; id: string; score: number; score_percent: number; title?: string }>;
}

/** A label as the web page writes it: the page's strings module is the one source of the labels both show. */
const page = (language: PageLanguage, key: string): string => {
  const value = dictionary[language][key];
  if (typeof value !== 'string') throw new Error(`the page has no plain label ${key}`);
  return value;
};
/** A page label with its {placeholders} filled in. */
const filled = (language: PageLanguage, key: string, values: Record<string, string | number>): string =>
  page(language, key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
const verdictWords = (l: PageLanguage) => ({ strong: page(l, 'verdict.strong'), partial: page(l, 'verdict.partial'), weak: page(l, 'verdict.weak') });
const adviceWords = (l: PageLanguage) => ({
  strengths: page(l, 'strengths'),
  weaknesses: page(l, 'weaknesses'),
  learn: page(l, 'learn'),
  rewrite: page(l, 'rewrite'),
  reflection: page(l, 'reflection'),
  upgrades: page(l, 'upgrades'),
});
const hiddenReasons = (l: PageLanguage) => ({
  white_text: page(l, 'hidden.white_text'),
  background_colour: page(l, 'hidden.background_colour'),
  invisible: page(l, 'hidden.invisible'),
  tiny_font: page(l, 'hidden.tiny_font'),
  off_page: page(l, 'hidden.off_page'),
  clipped: page(l, 'hidden.clipped'),
  hidden_format: page(l, 'hidden.hidden_format'),
});

const WORDS = {
  en: {
    fit: 'fit',
    score: 'Score',
    verdict: verdictWords('en'),
    counts: (m: number, p: number, x: number) => `${m} met · ${p} partly met · ${x} missing`,
    requirements: 'Requirements',
    status: { met: 'met', partial: 'partial', missing: 'missing' },
    importance: { must: 'must', nice: 'nice' },
    kind: { skill: 'skill', experience: 'experience', education: 'education', language: 'language', licence: 'licence', duty: 'duty', quality: 'personal quality', other: 'other' },
    head: ['STATUS', 'NEED', 'MATCH', 'REQUIREMENT'],
    noEvidence: 'nothing in the resume covers this',
    basis: {
      resume_language: 'shown by the resume itself, written in this language',
      stated_years: 'the years of experience the resume states',
      years_overall: "the resume's years overall: no dated job names it",
    },
    implied: (years: string) => `not named; implied by ${years} years of jobs in the field, such as`,
    none: page('en', 'noRequirements'),
    ...adviceWords('en'),
    advice: 'Advice',
    scoredBy: 'Score',
    fallback: 'LLM answer not used',
    fromResume: 'From the resume',
    years: (n: number, shown: string) => `${shown} ${n === 1 ? 'year' : 'years'} of experience`,
    noDates: 'no dated jobs found',
    education: { secondary: 'secondary school', vocational: 'vocational education', bachelor: "bachelor's degree", master: "master's degree", phd: 'PhD', other: 'other education' },
    native: 'native',
    driving: (c: string) => `driving licence ${c}`,
    naks: 'NAKS welder certification',
  },
  ru: {
    fit: 'соответствие',
    score: 'Оценка',
    verdict: verdictWords('ru'),
    counts: (m: number, p: number, x: number) => `выполнено: ${m} · частично: ${p} · не хватает: ${x}`,
    requirements: 'Требования',
    status: { met: 'есть', partial: 'частично', missing: 'нет' },
    importance: { must: 'обяз.', nice: 'плюс' },
    kind: { skill: 'навык', experience: 'опыт', education: 'образование', language: 'язык', licence: 'допуск', duty: 'обязанность', quality: 'личное качество', other: 'другое' },
    head: ['СТАТУС', 'ВАЖН.', 'СОВП.', 'ТРЕБОВАНИЕ'],
    noEvidence: 'в резюме об этом ничего нет',
    basis: {
      resume_language: 'видно по самому резюме: оно написано на этом языке',
      stated_years: 'стаж, указанный в резюме',
      years_overall: 'общий стаж по резюме: ни одна работа с датами этого не называет',
    },
    implied: (years: string) => `не названо; подразумевает опыт работы в профессии (${years} г.), например`,
    none: page('ru', 'noRequirements'),
    ...adviceWords('ru'),
    advice: 'Советы',
    scoredBy: 'Оценка',
    fallback: 'ответ LLM не использован',
    fromResume: 'По резюме',
    years: (n: number, shown: string) => `${shown} ${russianYears(n)} опыта`,
    noDates: 'работа без дат',
    education: { secondary: 'среднее образование', vocational: 'среднее профессиональное', bachelor: 'бакалавр', master: 'магистр', phd: 'кандидат наук', other: 'другое образование' },
    native: 'родной',
    driving: (c: string) => `права категории ${c}`,
    naks: 'аттестация НАКС',
  },
};

/** "год", "года" or "лет" after a number of years (a fraction takes "года": "7,3 года"). */
function russianYears(n: number): string {
  if (!Number.isInteger(n)) return 'года';
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return 'год';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'года';
  return 'лет';
}

const LANGUAGE_CODES: Record<string, string> = {
  English: 'en', Russian: 'ru', German: 'de', French: 'fr', Spanish: 'es', Italian: 'it', Chinese: 'zh', Japanese: 'ja',
  Korean: 'ko', Turkish: 'tr', Arabic: 'ar', Portuguese: 'pt', Polish: 'pl', Ukrainian: 'uk', Kazakh: 'kk', Uzbek: 'uz',
  Belarusian: 'be', Hebrew: 'he', Hindi: 'hi', Dutch: 'nl', Swedish: 'sv', Finnish: 'fi', Czech: 'cs', Armenian: 'hy',
  Georgian: 'ka', Azerbaijani: 'az', Tatar: 'tt', Romanian: 'ro', Greek: 'el', Kyrgyz: 'ky', Tajik: 'tg',
};

/** Years and other counts as the report's language writes them, to one decimal ("7.3", «7,3»). */
const oneDecimal = (language: 'ru' | 'en') => new Intl.NumberFormat(language, { maximumFractionDigits: 1 });

/** One line of what the resume reader found: "From the resume: 7.3 years of experience · master's degree · English B2". */
/** What the score is made of, in the page's words: "7 of 9 must-haves shown · 5 years against 3 asked". */
export function fitLine(fit: FitSummary | null | undefined, language: 'ru' | 'en'): string {
  if (!fit) return '';
  const number = oneDecimal(language);
  const parts: string[] = [];
  if (fit.must_total) parts.push(filled(language, fit.must_partial ? 'fitMustPartly' : 'fitMust', { met: fit.must_met, total: fit.must_total, partial: fit.must_partial }));
  if (fit.nice_total) parts.push(filled(language, 'fitNice', { met: fit.nice_met, total: fit.nice_total }));
  if (fit.years) {
    parts.push(
      fit.years.overall !== undefined
        ? filled(language, 'fitYearsOverall', { overall: number.format(fit.years.overall), asked: number.format(fit.years.asked) })
        : fit.years.shown === null
          ? filled(language, 'fitNoYears', { asked: number.format(fit.years.asked) })
          : filled(language, 'fitYears', { shown: number.format(fit.years.shown), asked: number.format(fit.years.asked) }),
    );
  }
  if (fit.capped) parts.push(page(language, 'fitCapped'));
  if (fit.languages_differ) parts.push(page(language, 'fitLanguagesDiffer'));
  return parts.length ? filled(language, 'fitFrom', { parts: parts.join(' · ') }) : '';
}

export function resumeFactsLine(facts: ResumeFactsResult | null | undefined, language: 'ru' | 'en'): string {
  if (!facts) return '';
  const w = WORDS[language] ?? WORDS.en;
  const number = oneDecimal(language);
  const names = new Intl.DisplayNames([language], { type: 'language' });
  const parts: string[] = [];
  const years = facts.total_years ?? facts.stated_years;
  if (years != null) parts.push(w.years(years, number.format(years)));
  else if (facts.jobs === 0) parts.push(w.noDates);
  if (facts.education_level) parts.push(w.education[facts.education_level]);
  for (const l of facts.languages) {
    const code = LANGUAGE_CODES[l.name];
    const name = code ? (names.of(code) ?? l.name) : l.name;
    const level = l.level === 'native' ? w.native : l.level;
    parts.push(level ? `${name} ${level}` : name);
  }
  for (const l of facts.licences) {
    if (l.kind === 'driving' && l.categories?.length) parts.push(w.driving(l.categories.join(', ')));
    else if (l.kind === 'naks') parts.push(w.naks);
  }
  return parts.length ? `${w.fromResume}: ${[...new Set(parts)].join(' · ')}` : '';
}

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  red(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
export const colours: Style = { bold: sgr(1, 22), dim: sgr(2, 22), green: sgr(32, 39), yellow: sgr(33, 39), red: sgr(31, 39) };
export const plain: Style = { bold: (s) => s, dim: (s) => s, green: (s) => s, yellow: (s) => s, red: (s) => s };

/** Word-wraps `text` into lines of at most `columns` characters; lines after the first start with `indent`. */
export function wrap(text: string, columns: number, indent = ''): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > columns) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join('\n');
}

type HiddenText = import('@rc/contracts').HiddenText;

/** The words of the hidden-text line, in the report's languages. */
const HIDDEN_WORDS = {
  en: {
    hidden: (n: number, reasons: string) => `We ignored ${n} character${n === 1 ? '' : 's'} of hidden text: ${reasons}.`,
    onPages: (what: string, pages: string) => `${what} on page${pages.includes(',') ? 's' : ''} ${pages}`,
    reasons: hiddenReasons('en'),
  },
  ru: {
    hidden: (n: number, reasons: string) => `Не учтён скрытый текст (символов: ${n}): ${reasons}.`,
    onPages: (what: string, pages: string) => `${what} на стр. ${pages}`,
    reasons: hiddenReasons('ru'),
  },
};

/** "We ignored 66 characters of hidden text: white text on page 1, text too small to read on page 2." */
function hiddenLine(hidden: HiddenText, language: 'ru' | 'en'): string {
  const w = HIDDEN_WORDS[language] ?? HIDDEN_WORDS.en;
  const pagesOf = new Map<HiddenText['reasons'][number]['reason'], number[]>();
  for (const r of hidden.reasons) {
    const pages = pagesOf.get(r.reason) ?? [];
    if (r.page !== null && !pages.includes(r.page)) pages.push(r.page);
    pagesOf.set(r.reason, pages);
  }
  const reasons = [...pagesOf].map(([reason, pages]) => (pages.length ? w.onPages(w.reasons[reason], pages.join(', ')) : w.reasons[reason]));
  return w.hidden(hidden.chars, reasons.join(', '));
}

export function analysisReport(a: AnalysisView, opts: { width: number; style: Style; title?: string }): string {
  const w = WORDS[a.language] ?? WORDS.en;
  const { style: s } = opts;
  const width = Math.max(40, Math.min(opts.width, 110));
  const verdict = a.verdict ?? 'weak';
  const paint = verdict === 'strong' ? s.green : verdict === 'partial' ? s.yellow : s.red;
  const pct = a.score_percent ?? 0;
  const bar = '█'.repeat(Math.round(pct / 5)).padEnd(20, '░');
  const count = (st: string) => a.requirements.filter((r) => r.status === st).length;
  const number = oneDecimal(a.language);
  const lines: string[] = [];
  if (opts.title) lines.push(s.bold(opts.title), '');
  lines.push(`${s.bold(`${w.score}: ${pct}%`)}  ${paint(bar)}  ${paint(s.bold(w.verdict[verdict]))}`);
  if (a.hidden_text?.chars) lines.push(s.yellow(wrap(hiddenLine(a.hidden_text, a.language), width)));
  if (a.requirements.length) lines.push(s.dim(w.counts(count('met'), count('partial'), count('missing'))));
  const fit = fitLine(a.fit, a.language);
  if (fit) lines.push(s.dim(wrap(fit, width)));
  const facts = resumeFactsLine(a.resume_facts, a.language);
  if (facts) lines.push(s.dim(wrap(facts, width)));
  lines.push('', s.bold(w.requirements));
  if (!a.requirements.length) lines.push(`  ${w.none}`);
  else {
    const statusWidth = Math.max(...Object.values(w.status).map((x) => x.length)) + 2;
    const needWidth = Math.max(...Object.values(w.importance).map((x) => x.length), w.head[1]!.length);
    const left = 2 + statusWidth + 2 + needWidth + 2 + 5 + 2;
    const pad = ' '.repeat(left);
    lines.push(s.dim(`  ${w.head[0]!.padEnd(statusWidth)}  ${w.head[1]!.padEnd(needWidth)}  ${w.head[2]!.padStart(5)}  ${w.head[3]}`));
    for (const r of a.requirements) {
      const icon = r.status === 'met' ? '✔' : r.status === 'partial' ? '◐' : '✘';
      const colour = r.status === 'met' ? s.green : r.status === 'partial' ? s.yellow : s.red;
      const status = colour(`${icon} ${w.status[r.status].padEnd(statusWidth - 2)}`);
      const need = w.importance[r.importance].padEnd(needWidth);
      const match = `${Math.round(r.score * 100)}%`.padStart(5);
      // what the row asks for, after its text: "Java · skill"; analyses stored before the posting reader have no kind
      const kind = r.kind ? ` · ${w.kind[r.kind]}` : '';
      lines.push(`  ${status}  ${need}  ${match}  ${wrap(r.text, width - left - kind.length, pad)}${s.dim(kind)}`);
      const implied = r.implied ? `${w.implied(number.format(r.implied.years))} ` : '';
      const evidence = r.evidence ? `↳ ${implied}“${r.evidence.text}”` : `↳ ${r.basis ? w.basis[r.basis] : w.noEvidence}`;
      lines.push(`${pad}${s.dim(wrap(evidence, width - left - 2, `${pad}  `))}`);
    }
  }
  const list = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push('', s.bold(title));
    for (const item of items) lines.push(`  • ${wrap(item, width - 4, '    ')}`);
  };
  list(w.strengths, a.strengths);
  list(w.weaknesses, a.weaknesses);
  list(w.learn, a.learning_recommendations);
  list(w.rewrite, a.rewrite_suggestions);
  list(w.reflection, a.reflection_points);
  if (a.upgrades) lines.push('', s.bold(w.upgrades), `  ${wrap(a.upgrades, width - 2, '  ')}`);
  const src = a.advice_source;
  const about: string[] = [];
  if (src) about.push(`${w.advice}: ${src.source} (${src.model}, ${src.prompt_version})${src.fallback_reason ? `; ${w.fallback}: ${src.fallback_reason}` : ''}`);
  if (a.scorer) about.push(`${w.scoredBy}: ${a.scorer.engine} (${a.scorer.model})`);
  if (about.length) lines.push('', s.dim(wrap(about.join(' · '), width)));
  return `${lines.join('\n')}\n`;
}

export function rankingReport(r: RankingView, opts: { width: number; style: Style; title?: string; fileOf?: Map<string, string> }): string {
  const { style: s } = opts;
  const lines: string[] = [];
  if (opts.title) lines.push(s.bold(opts.title), '');
  if (!r.results.length) return `${[...lines, 'No vacancy could be ranked.'].join('\n')}\n`;
  const rankWidth = Math.max(1, String(r.results.length).length);
  const titles = r.results.map((e) => e.title ?? e.id);
  const titleWidth = Math.min(Math.max(7, ...titles.map((t) => t.length)), Math.max(20, opts.width - rankWidth - 14 - 24));
  const withFiles = !!opts.fileOf?.size;
  lines.push(s.dim(`  ${'#'.padStart(rankWidth)}  ${'FIT'.padStart(4)}  ${'VACANCY'.padEnd(titleWidth)}${withFiles ? '  FILE' : ''}`));
  r.results.forEach((e, i) => {
    const pct = e.score_percent;
    const paint = pct >= 70 ? s.green : pct >= 40 ? s.yellow : s.red;
    let title = titles[i]!;
    if (title.length > titleWidth) title = `${title.slice(0, titleWidth - 1)}…`;
    const file = withFiles ? `  ${s.dim(opts.fileOf!.get(e.id) ?? '')}` : '';
    lines.push(`  ${String(e.rank).padStart(rankWidth)}  ${paint(`${pct}%`.padStart(4))}  ${title.padEnd(titleWidth)}${file}`);
  });
  if (r.candidate_count != null) lines.push('', s.dim(`${r.candidate_count} considered${r.engine ? ` · scored by ${r.engine}` : ''}`));
  return `${lines.join('\n')}\n`;
}
