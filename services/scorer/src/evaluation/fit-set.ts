/**
 * Evaluation on the realistic fit set (data/fit-set): loads the postings, resumes, graded labels and the split, scores
 * every labelled pair with a scoring engine as the product runs it (one full analysis per pair), and summarises the
 * held-out and fit parts per language group. `pnpm eval` (fit-set-cli.ts) runs it with the shipped model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScoringEngine } from '../engine.ts';
import { GRADES, languageGroup, pairwiseAccuracy, summarise, tfidfScorer, type Grade, type PairwiseResult, type LanguageGroup, type ScoredPair, type Summary } from './fit-set-metrics.ts';

export interface Label {
  posting: string;
  resume: string;
  grade: Grade;
  /** "posting-resume" languages, e.g. "en-ru" for an English posting and a Russian resume. */
  languages: `${'en' | 'ru'}-${'en' | 'ru'}`;
  notes?: string;
}

export interface FitSet {
  dir: string;
  postings: Map<string, string>;
  resumes: Map<string, string>;
  labels: Label[];
  split: { 'held-out': string[]; fit: string[] };
}

/** Reads data/fit-set and checks it is whole: every label names files that exist, every posting is in one part. */
export function loadFitSet(dir: string): FitSet {
  const labels = readFileSync(join(dir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const x = JSON.parse(l) as Label;
      if (!GRADES.includes(x.grade)) throw new Error(`labels.jsonl line ${i + 1}: unknown grade ${String(x.grade)}`);
      if (!/^(en|ru)-(en|ru)$/.test(x.languages)) throw new Error(`labels.jsonl line ${i + 1}: languages must be like "en-ru"`);
      return x;
    });
  const split = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as FitSet['split'];
  const postings = new Map<string, string>();
  const resumes = new Map<string, string>();
  for (const l of labels) {
    for (const [kind, id, into] of [['postings', l.posting, postings], ['resumes', l.resume, resumes]] as const) {
      if (into.has(id)) continue;
      const file = join(dir, kind, `${id}.txt`);
      if (!existsSync(file)) throw new Error(`labels.jsonl names ${kind}/${id}.txt, which does not exist`);
      into.set(id, readFileSync(file, 'utf8'));
    }
  }
  const parts = new Map<string, string>();
  for (const part of ['held-out', 'fit'] as const) {
    for (const p of split[part]) {
      if (parts.has(p)) throw new Error(`split.json puts ${p} in both parts`);
      parts.set(p, part);
    }
  }
  for (const p of postings.keys()) if (!parts.has(p)) throw new Error(`split.json leaves out posting ${p}`);
  return { dir, postings, resumes, labels, split };
}

/** Postings that lack a pair of some grade: the set promises one of each for every posting. */
export function missingGrades(set: FitSet): Array<{ posting: string; grades: Grade[] }> {
  const out: Array<{ posting: string; grades: Grade[] }> = [];
  for (const p of set.postings.keys()) {
    const have = new Set(set.labels.filter((l) => l.posting === p).map((l) => l.grade));
    const lack = GRADES.filter((g) => !have.has(g));
    if (lack.length) out.push({ posting: p, grades: lack });
  }
  return out;
}

export interface PairResult extends ScoredPair {
  part: 'held-out' | 'fit';
  tfidf: number;
  components: Record<string, number>;
}

export interface Report {
  engine: string;
  model: string;
  note?: string;
  set: { postings: number; resumes: number; pairs: number; heldOutPostings: number; fitPostings: number };
  parts: Record<'held-out' | 'fit', Record<'all' | LanguageGroup, Summary>>;
  /** The same pairwise order accuracy for TF-IDF cosine (fitted on the set's own texts). */
  tfidfPairwise: Record<'held-out' | 'fit', PairwiseResult>;
  pairs: PairResult[];
}

/**
 * What "present" in the set's resumes means: the day its pairs were graded (data/fit-set/README.md), so that a
 * junior's "08.2024 – по настоящее время" is read at the length the graders read it, and the numbers do not drift
 * with the day the evaluation runs.
 */
export const FIT_SET_AS_OF = '2026-11-30T00:00:00Z';

export async function evaluateFitSet(
  set: FitSet,
  engine: ScoringEngine,
  opts: { note?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<Report> {
  const heldOut = new Set(set.split['held-out']);
  const tfidf = tfidfScorer([...set.postings.values(), ...set.resumes.values()]);
  const pairs: PairResult[] = [];
  for (const [i, l] of set.labels.entries()) {
    const vacancyText = set.postings.get(l.posting)!;
    const resumeText = set.resumes.get(l.resume)!;
    // One analysis per pair, exactly what the scorer stores for a user's analysis.
    const s = await engine.analyse({ vacancyText, resumeText, now: FIT_SET_AS_OF });
    const [postingLanguage, resumeLanguage] = l.languages.split('-') as ['en' | 'ru', 'en' | 'ru'];
    pairs.push({
      posting: l.posting,
      resume: l.resume,
      grade: l.grade,
      postingLanguage,
      resumeLanguage,
      score: s.score,
      verdict: s.verdict,
      part: heldOut.has(l.posting) ? 'held-out' : 'fit',
      tfidf: Math.round(tfidf(vacancyText, resumeText) * 1e4) / 1e4,
      components: s.components,
    });
    opts.onProgress?.(i + 1, set.labels.length);
  }
  const partOf = (part: 'held-out' | 'fit') => pairs.filter((p) => p.part === part);
  const groups = (ps: PairResult[]): Record<'all' | LanguageGroup, Summary> => {
    const all = summarise(ps);
    // A group's pairwise order is its share of the part's comparisons (a cross-language strong pair is compared with
    // the same-language pairs of its posting), not the comparisons inside the group's own pairs alone.
    const group = (g: LanguageGroup): Summary => {
      const own = all.pairwise.byGroup[g];
      return { ...summarise(ps.filter((p) => languageGroup(p) === g)), pairwise: { ...own, byGroup: all.pairwise.byGroup } };
    };
    return { all, en: group('en'), ru: group('ru'), cross: group('cross') };
  };
  return {
    engine: engine.engine,
    model: engine.model,
    ...(opts.note ? { note: opts.note } : {}),
    set: {
      postings: set.postings.size,
      resumes: set.resumes.size,
      pairs: pairs.length,
      heldOutPostings: [...set.postings.keys()].filter((p) => heldOut.has(p)).length,
      fitPostings: [...set.postings.keys()].filter((p) => !heldOut.has(p)).length,
    },
    parts: { 'held-out': groups(partOf('held-out')), fit: groups(partOf('fit')) },
    tfidfPairwise: {
      'held-out': pairwiseAccuracy(partOf('held-out'), (p) => (p as PairResult).tfidf),
      fit: pairwiseAccuracy(partOf('fit'), (p) => (p as PairResult).tfidf),
    },
    pairs,
  };
}

const f = (x: number | null, d = 3) => (x === null ? '–' : x.toFixed(d));
const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(0)} %`);

/** Issue 19's targets on the held-out part, each checked against the report. */
export function targets(r: Report): Array<{ target: string; value: string; met: boolean }> {
  const h = r.parts['held-out'];
  const a = h.all;
  const acc = (g: 'all' | LanguageGroup) => h[g].pairwise.accuracy;
  return [
    { target: 'pairwise order ≥ 95 %', value: pct(acc('all')), met: (acc('all') ?? 0) >= 0.95 },
    { target: 'strong median ≥ 0.6', value: f(a.strong.median), met: (a.strong.median ?? 0) >= 0.6 },
    { target: 'no strong below 0.4', value: `min ${f(a.strong.min)}`, met: (a.strong.min ?? 0) >= 0.4 },
    { target: 'unrelated ≤ 0.15', value: `max ${f(a.unrelated.max)}`, met: a.unrelated.max !== null && a.unrelated.max <= 0.15 },
    {
      target: 'partial between (unrelated max < partial median < strong median)',
      value: f(a.partial.median),
      met: a.partial.median !== null && a.partial.median > (a.unrelated.max ?? 1) && a.partial.median < (a.strong.median ?? 0),
    },
    ...(['en', 'ru', 'cross'] as const).map((g) => ({
      target: `pairwise order ${g} ≥ 95 %`,
      value: pct(acc(g)),
      met: (acc(g) ?? 0) >= 0.95,
    })),
    { target: 'verdicts agree with the grades', value: pct(a.verdictAgreement), met: (a.verdictAgreement ?? 0) >= 0.9 },
  ];
}

/** The report as Markdown: one table per part, a row per language group, then the targets and the worst pairs. */
export function renderMarkdown(r: Report): string {
  const lines: string[] = [];
  lines.push(`# Realistic pairs (data/fit-set)`, '');
  lines.push(`Engine: ${r.engine} (${r.model}).${r.note ? ` ${r.note}` : ''}`);
  lines.push(
    `Set: ${r.set.postings} postings (${r.set.heldOutPostings} held-out, ${r.set.fitPostings} fit), ${r.set.resumes} resumes, ${r.set.pairs} labelled pairs. Written by \`pnpm eval\`.`,
    '',
  );
  lines.push('## Targets (held-out part)', '', '| target | value | met |', '| --- | --- | --- |');
  for (const t of targets(r)) lines.push(`| ${t.target} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`);
  for (const part of ['held-out', 'fit'] as const) {
    lines.push('', `## ${part}`, '');
    lines.push(
      '| group | pairs | pairwise order (comparisons) | TF-IDF pairwise | strong median / min | ≥ 0.4 | partial median | adjacent median | unrelated median / max | ≤ 0.15 | verdict agreement |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const g of ['all', 'en', 'ru', 'cross'] as const) {
      const s = r.parts[part][g];
      const t = g === 'all' ? r.tfidfPairwise[part] : r.tfidfPairwise[part].byGroup[g];
      lines.push(
        `| ${g} | ${s.pairs} | ${pct(s.pairwise.accuracy)} (${s.pairwise.comparisons}) | ${pct(t.accuracy)} | ${f(s.strong.median)} / ${f(s.strong.min)} | ${pct(s.strong.shareAtLeast040)} | ${f(s.partial.median)} | ${f(s.adjacent.median)} | ${f(s.unrelated.median)} / ${f(s.unrelated.max)} | ${pct(s.unrelated.shareAtMost015)} | ${pct(s.verdictAgreement)} |`,
      );
    }
    const v = r.parts[part].all.verdicts;
    lines.push('', 'Verdicts given (rows: grade):', '', '| grade | strong | partial | weak |', '| --- | --- | --- | --- |');
    for (const g of GRADES) lines.push(`| ${g} | ${v[g].strong} | ${v[g].partial} | ${v[g].weak} |`);
  }
  lines.push(
    '',
    'Pairwise order: for each posting, every two of its pairs with different grades; right when the better grade scores higher (a tie counts ½). A comparison is `cross` when either pair is cross-language. Per-pair scores are in `fit-set.json`.',
  );
  return lines.join('\n') + '\n';
}
