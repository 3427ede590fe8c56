/**
 * `pnpm eval:screening`: the product's ranking on screening group 3 (held out of all training and fitting): for each
 * of its 100 vacancies, every one of the group's 200 resumes ranked as the product ranks (the estimate without the
 * model over all, the full score on the best SHORTLIST), and the rank of the vacancy's ground-truth resume. Reports
 * top-1, top-5 and MRR beside TF-IDF cosine on the same texts; writes models/eval/screening.{json,md}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigOrExit, repoRoot } from '@rc/config';
import { readScreening } from '@rc/testing/screening';
import { createEngine } from '../create-engine.ts';
import { tfidfScorer } from './fit-set-metrics.ts';

const SHORTLIST = Number(process.env.SHORTLIST ?? 20);
/** Group 3 is the report; groups 1 and 2 (`SCREENING_GROUP=1`) are for looking at a change without touching it. */
const GROUP = Number(process.env.SCREENING_GROUP ?? 3);
if (![1, 2, 3].includes(GROUP)) throw new Error(`SCREENING_GROUP must be 1, 2 or 3, not ${process.env.SCREENING_GROUP}`);
const config = loadConfigOrExit();
const jobs = readScreening(`testset${GROUP}`).map((r) => ({ text: r[0]!, gt: r[1]! }));
const resumes = readScreening(`resumes${GROUP}`).map((r) => r[0]!);
const gtIndex = jobs.map((j) => resumes.indexOf(j.gt));
if (gtIndex.some((i) => i < 0)) throw new Error(`a ground-truth resume is not among resumes${GROUP}`);

const engine = await createEngine(config);
const tfidf = tfidfScorer([...jobs.map((j) => j.text), ...resumes]);

/** Rank (1-based) of the ground truth when ordered by score, ties counted against it by half. */
function rankOf(scores: number[], gt: number): number {
  const s = scores[gt]!;
  let above = 0;
  let ties = 0;
  scores.forEach((x, k) => {
    if (k === gt) return;
    if (x > s) above++;
    else if (x === s) ties++;
  });
  return 1 + above + ties / 2;
}

const ranks = { product: [] as number[], tfidf: [] as number[] };
const started = Date.now();
for (const [j, job] of jobs.entries()) {
  const pairs = resumes.map((resumeText) => ({ vacancyText: job.text, resumeText }));
  const estimates = await engine.prescorePairs(pairs);
  const order = estimates.map((e, k) => ({ e, k })).sort((a, b) => b.e - a.e);
  const top = order.slice(0, SHORTLIST).map((x) => x.k);
  const full = await engine.scorePairs(top.map((k) => pairs[k]!));
  // the shortlist by its full score, then the rest by the estimate: what a ranking of these resumes returns
  const ranked = [...top.map((k, i) => ({ k, s: full[i]! })).sort((a, b) => b.s - a.s).map((x) => x.k), ...order.slice(SHORTLIST).map((x) => x.k)];
  ranks.product.push(1 + ranked.indexOf(gtIndex[j]!));
  ranks.tfidf.push(rankOf(resumes.map((r) => tfidf(job.text, r)), gtIndex[j]!));
  if (j % 10 === 9) process.stderr.write(`  ${j + 1}/${jobs.length} vacancies\n`);
}
await engine.close();

const summary = (r: number[]) => ({
  top1: r.filter((x) => x === 1).length / r.length,
  top5: r.filter((x) => x <= 5).length / r.length,
  mrr: r.reduce((a, x) => a + 1 / x, 0) / r.length,
});
const report = {
  engine: `${engine.engine}:${engine.model}`,
  group: GROUP,
  vacancies: jobs.length,
  resumes: resumes.length,
  shortlist: SHORTLIST,
  seconds: Math.round((Date.now() - started) / 1000),
  product: summary(ranks.product),
  tfidf: summary(ranks.tfidf),
};
const f = (x: number) => x.toFixed(3);
const md = [
  `# Screening group ${GROUP}: ranking the ground-truth resume`,
  '',
  `Engine: ${report.engine}. ${report.vacancies} vacancies, each against all ${report.resumes} resumes of the group; the product's estimate over all, its full score on the best ${SHORTLIST}. Written by \`pnpm eval:screening\`.`,
  '',
  '| ranker | top-1 | top-5 | MRR |',
  '| --- | --- | --- | --- |',
  `| product | ${f(report.product.top1)} | ${f(report.product.top5)} | ${f(report.product.mrr)} |`,
  `| TF-IDF cosine | ${f(report.tfidf.top1)} | ${f(report.tfidf.top5)} | ${f(report.tfidf.mrr)} |`,
  '',
].join('\n');
if (GROUP === 3) {
  mkdirSync(join(repoRoot, 'models/eval'), { recursive: true });
  writeFileSync(join(repoRoot, 'models/eval/screening.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(repoRoot, 'models/eval/screening.md'), md);
}
if (process.env.SCREENING_RANKS) writeFileSync(process.env.SCREENING_RANKS, JSON.stringify(ranks) + '\n');
console.log(md);
