/** The terminal report of an analysis and of a ranking: plain text, wrapped to the terminal, coloured on a TTY. */
import type { AdviceSource, RequirementResult } from '@rc/contracts';

export interface AnalysisView {
  id: string;
  status: string;
  score: number | null;
  score_percent: number | null;
  verdict: 'strong' | 'partial' | 'weak' | null;
  requirements: RequirementResult[];
  strengths: string[];
  weaknesses: string[];
  rewrite_suggestions: string[];
  learning_recommendations: string[];
  reflection_points: string[];
  upgrades: string;
  advice_source: AdviceSource | null;
  scorer: { engine: string; model: string } | null;
  language: 'ru' | 'en';
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

const WORDS = {
  en: {
    fit: 'fit',
    score: 'Score',
    verdict: { strong: 'Strong fit', partial: 'Partial fit', weak: 'Weak fit' },
    counts: (m: number, p: number, x: number) => `${m} met · ${p} partly met · ${x} missing`,
    requirements: 'Requirements',
    status: { met: 'met', partial: 'partial', missing: 'missing' },
    importance: { must: 'must', nice: 'nice' },
    kind: { skill: 'skill', experience: 'experience', education: 'education', language: 'language', licence: 'licence', duty: 'duty', other: 'other' },
    head: ['STATUS', 'NEED', 'MATCH', 'REQUIREMENT'],
    noEvidence: 'nothing in the resume covers this',
    none: 'No requirements were found in the vacancy.',
    strengths: 'Strengths',
    weaknesses: 'Weaknesses',
    learn: 'What to learn',
    rewrite: 'What to rewrite',
    reflection: 'Points to reflect on',
    upgrades: 'How to improve overall',
    advice: 'Advice',
    scoredBy: 'Score',
    fallback: 'LLM answer not used',
  },
  ru: {
    fit: 'соответствие',
    score: 'Оценка',
    verdict: { strong: 'Хорошо подходит', partial: 'Подходит частично', weak: 'Подходит слабо' },
    counts: (m: number, p: number, x: number) => `выполнено: ${m} · частично: ${p} · не хватает: ${x}`,
    requirements: 'Требования',
    status: { met: 'есть', partial: 'частично', missing: 'нет' },
    importance: { must: 'обяз.', nice: 'плюс' },
    kind: { skill: 'навык', experience: 'опыт', education: 'образование', language: 'язык', licence: 'допуск', duty: 'обязанность', other: 'другое' },
    head: ['СТАТУС', 'ВАЖН.', 'СОВП.', 'ТРЕБОВАНИЕ'],
    noEvidence: 'в резюме об этом ничего нет',
    none: 'В вакансии не нашлось требований.',
    strengths: 'Сильные стороны',
    weaknesses: 'Слабые стороны',
    learn: 'Что изучить',
    rewrite: 'Что переписать',
    reflection: 'О чём подумать',
    upgrades: 'Как улучшить в целом',
    advice: 'Советы',
    scoredBy: 'Оценка',
    fallback: 'ответ LLM не использован',
  },
};

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

export function analysisReport(a: AnalysisView, opts: { width: number; style: Style; title?: string }): string {
  const w = WORDS[a.language] ?? WORDS.en;
  const { style: s } = opts;
  const width = Math.max(40, Math.min(opts.width, 110));
  const verdict = a.verdict ?? 'weak';
  const paint = verdict === 'strong' ? s.green : verdict === 'partial' ? s.yellow : s.red;
  const pct = a.score_percent ?? 0;
  const bar = '█'.repeat(Math.round(pct / 5)).padEnd(20, '░');
  const count = (st: string) => a.requirements.filter((r) => r.status === st).length;
  const lines: string[] = [];
  if (opts.title) lines.push(s.bold(opts.title), '');
  lines.push(`${s.bold(`${w.score}: ${pct}%`)}  ${paint(bar)}  ${paint(s.bold(w.verdict[verdict]))}`);
  if (a.requirements.length) lines.push(s.dim(w.counts(count('met'), count('partial'), count('missing'))));
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
      const evidence = r.evidence ? `↳ “${r.evidence.text}”` : `↳ ${w.noEvidence}`;
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
