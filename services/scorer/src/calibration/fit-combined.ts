/**
 * `pnpm model:calibrate`: fits the score's calibration over the pair logit and the requirement coverage together, on
 * the calibration split that the model pipeline held out of training (models/build/data), and reports it on the
 * held-out group against the logit-only calibration. Writes `combined` into the shipped calibration.json and the
 * numbers to models/eval/combined.json. Run after `bash models/train.sh`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CrossEncoder } from '@rc/model-runtime';
import { CrossEncoderEngine } from '../cross-encoder-engine.ts';
import { calibrationError, fitLogistic, predict, rocAuc } from './logistic.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const MODEL_DIR = process.env.MODEL_DIR ?? join(root, 'models/resume-fit');
const DATA = join(root, 'models/build/data');
const EVAL_NEGATIVES = Number(process.env.EVAL_NEGATIVES ?? 6);

interface Job {
  title: string;
  text: string;
  gt: string;
}
type Groups = Record<string, { jobs: Job[]; resumes: string[] }>;

if (!existsSync(join(DATA, 'cal_pairs.json'))) {
  console.error('models/build/data is missing: run `bash models/train.sh` first (it prepares the calibration split).');
  process.exit(1);
}
const groups = JSON.parse(readFileSync(join(DATA, 'groups.json'), 'utf8')) as Groups;
const calPairs = JSON.parse(readFileSync(join(DATA, 'cal_pairs.json'), 'utf8')) as Array<{ group: number; job: number; resume: number; label: number; kind: string }>;

const ce = await CrossEncoder.load(MODEL_DIR);
const engine = new CrossEncoderEngine(ce);

async function featuresOf(pairs: Array<{ vacancyText: string; resumeText: string }>) {
  const out: Array<[number, number]> = [];
  for (const [i, p] of pairs.entries()) {
    const f = await engine.features(p);
    out.push([f.pairLogit, f.coverage]);
    if (i % 50 === 49) process.stderr.write(`\r  ${i + 1}/${pairs.length}`);
  }
  process.stderr.write('\n');
  return out;
}

console.error(`calibration split: ${calPairs.length} pairs`);
const calX = await featuresOf(calPairs.map((p) => ({ vacancyText: groups[p.group]!.jobs[p.job]!.text, resumeText: groups[p.group]!.resumes[p.resume]! })));
const calY = calPairs.map((p) => p.label);
const logitOnly = fitLogistic(calX.map((x) => [x[0]]), calY);
const combined = fitLogistic(calX, calY);

// Held-out group: each job with its ground-truth resume, the ground truths of same-title jobs (hard), and random others (easy).
const g3 = groups['3']!;
const evalPairs: Array<{ vacancyText: string; resumeText: string; label: number; kind: string }> = [];
let seed = 20261126;
const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
g3.jobs.forEach((job, j) => {
  const gt = Number(job.gt);
  evalPairs.push({ vacancyText: job.text, resumeText: g3.resumes[gt]!, label: 1, kind: 'pos' });
  const hard = g3.jobs.filter((o, k) => k !== j && o.title.trim().toLowerCase() === job.title.trim().toLowerCase() && Number(o.gt) !== gt).map((o) => Number(o.gt));
  for (const r of hard.slice(0, EVAL_NEGATIVES / 2)) evalPairs.push({ vacancyText: job.text, resumeText: g3.resumes[r]!, label: 0, kind: 'hard' });
  for (let n = 0; n < EVAL_NEGATIVES / 2; n++) {
    const r = Math.floor(rnd() * g3.resumes.length);
    if (r !== gt) evalPairs.push({ vacancyText: job.text, resumeText: g3.resumes[r]!, label: 0, kind: 'easy' });
  }
});
console.error(`held-out group 3: ${evalPairs.length} pairs`);
const evX = await featuresOf(evalPairs);
const evY = evalPairs.map((p) => p.label);

function report(name: string, probs: number[]) {
  const sel = (kind: string) => evalPairs.map((p, i) => (p.kind === 'pos' || p.kind === kind ? i : -1)).filter((i) => i >= 0);
  const auc = (idx: number[]) => rocAuc(idx.map((i) => probs[i]!), idx.map((i) => evY[i]!));
  const cal = calibrationError(probs, evY);
  return { name, aucAll: rocAuc(probs, evY), aucEasy: auc(sel('easy')), aucHard: auc(sel('hard')), ece: cal.ece, reliability: cal.table.filter((b) => b.count) };
}
const results = {
  model: `${ce.info.name}@${ce.info.version}`,
  calibrationPairs: calPairs.length,
  evalPairs: evalPairs.length,
  logitOnly: { fit: logitOnly, heldOut: report('logit only (Platt)', evX.map((x) => predict(logitOnly, [x[0]]))) },
  combined: { fit: combined, heldOut: report('logit + requirement coverage', evX.map((x) => predict(combined, x))) },
  lexicalOnly: { heldOut: report('lexical coverage only (uncalibrated ranking)', evX.map((x) => x[1])) },
};
mkdirSync(join(root, 'models/eval'), { recursive: true });
writeFileSync(join(root, 'models/eval/combined.json'), JSON.stringify(results, null, 2) + '\n');

const calibrationPath = join(MODEL_DIR, 'calibration.json');
const calibration = JSON.parse(readFileSync(calibrationPath, 'utf8')) as Record<string, unknown>;
calibration.combined = {
  bias: combined.bias,
  weights: { logit: combined.weights[0], coverage: combined.weights[1] },
  fitted_on: `calibration split of groups 1-2 (${calPairs.length} pairs), features: int8 pair logit (best window) and lexical requirement coverage`,
};
writeFileSync(calibrationPath, JSON.stringify(calibration, null, 2) + '\n');
const f = (x: number) => x.toFixed(3);
for (const r of [results.logitOnly.heldOut, results.combined.heldOut, results.lexicalOnly.heldOut]) {
  console.log(`| ${r.name} | ${f(r.aucAll)} | ${f(r.aucEasy)} | ${f(r.aucHard)} | ${f(r.ece)} |`);
}
await engine.close();
