/**
 * `pnpm model:calibrate`: fits the product's score, p(fit) = σ(b + w₁·logit + w₂·coverage + w₃·overlap), on the
 * calibration split that the model pipeline held out of training, and evaluates it on the held-out group 3 against
 * the cross-encoder alone and the lexical features alone: ranking (top-1, top-5, MRR of each job's ground-truth resume
 * among all 200 resumes) and separation and calibration (ROC AUC on easy and hard negatives, ECE).
 *
 * The cross-encoder's int8 logits come from the pipeline's own runs (models/build/cal_logits.json and
 * eval_int8_matrix.npy, one pair per call, as the scorer runs them); the lexical features are computed here with the
 * scorer's code. Writes `combined` into models/resume-fit/calibration.json and models/eval/product.json.
 * Run after `bash models/train.sh`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreLexical } from '@rc/lexical';
import { calibrationError, fitLogistic, predict, rocAuc, type LogisticModel } from './logistic.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const BUILD = join(root, 'models/build');
const MODEL_DIR = process.env.MODEL_DIR ?? join(root, 'models/resume-fit');

for (const f of ['data/groups.json', 'data/cal_pairs.json', 'cal_logits.json', 'eval_int8_matrix.npy']) {
  if (!existsSync(join(BUILD, f))) {
    console.error(`models/build/${f} is missing: run \`bash models/train.sh\` first.`);
    process.exit(1);
  }
}

type Groups = Record<string, { jobs: Array<{ title: string; text: string; gt: string }>; resumes: string[] }>;
const groups = JSON.parse(readFileSync(join(BUILD, 'data/groups.json'), 'utf8')) as Groups;
const calPairs = JSON.parse(readFileSync(join(BUILD, 'data/cal_pairs.json'), 'utf8')) as Array<{ group: number; job: number; resume: number; label: number }>;
const calLogits = JSON.parse(readFileSync(join(BUILD, 'cal_logits.json'), 'utf8')) as { logits: number[]; labels: number[] };

function readNpy(path: string): { shape: number[]; data: Float64Array } {
  const buf = readFileSync(path);
  const headerLength = buf.readUInt16LE(8);
  const header = buf.subarray(10, 10 + headerLength).toString('latin1');
  if (!header.includes("'<f8'")) throw new Error(`expected float64 npy, got ${header}`);
  const shape = /'shape': \((\d+), (\d+)\)/.exec(header)!.slice(1).map(Number);
  const start = 10 + headerLength;
  return { shape, data: new Float64Array(buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + buf.length)) };
}

/** The scorer's lexical features of a pair (see CrossEncoderEngine.features). */
function lexical(vacancyText: string, resumeText: string): [number, number] {
  const c = scoreLexical({ vacancyText, resumeText }).components;
  return [c.requirement_coverage ?? 0, c.document_overlap ?? 0];
}

// 1. Fit on the calibration split.
const calX = calPairs.map((p, i) => [calLogits.logits[i]!, ...lexical(groups[p.group]!.jobs[p.job]!.text, groups[p.group]!.resumes[p.resume]!)]);
const calY = calPairs.map((p) => p.label);
const models: Record<string, { fit: LogisticModel; features: (x: number[]) => number[] }> = {
  'cross-encoder alone (Platt)': { fit: fitLogistic(calX.map((x) => [x[0]!]), calY), features: (x) => [x[0]!] },
  'lexical features alone': { fit: fitLogistic(calX.map((x) => [x[1]!, x[2]!]), calY), features: (x) => [x[1]!, x[2]!] },
  'product: cross-encoder + lexical': { fit: fitLogistic(calX, calY), features: (x) => x },
};

// 2. Held-out group 3: every job against every resume.
const g3 = groups['3']!;
const matrix = readNpy(join(BUILD, 'eval_int8_matrix.npy'));
const [nJobs, nResumes] = matrix.shape as [number, number];
const feats: number[][][] = [];
for (let j = 0; j < nJobs; j++) {
  feats.push(g3.resumes.map((r, k) => [matrix.data[j * nResumes + k]!, ...lexical(g3.jobs[j]!.text, r)]));
  if (j % 10 === 9) process.stderr.write(`\r  group 3: ${j + 1}/${nJobs} jobs`);
}
process.stderr.write('\n');
const norm = (t: string) => t.trim().toLowerCase();
const gtOf = g3.jobs.map((j) => Number(j.gt));

const results: Record<string, unknown> = {};
const rows: string[] = [];
for (const [name, m] of Object.entries(models)) {
  let top1 = 0;
  let top5 = 0;
  let rr = 0;
  const probs: number[] = [];
  const labels: number[] = [];
  const kind: string[] = [];
  for (let j = 0; j < nJobs; j++) {
    const scores = feats[j]!.map((x) => predict(m.fit, m.features(x)));
    const gt = gtOf[j]!;
    const rank = 1 + scores.filter((s, k) => k !== gt && s > scores[gt]!).length;
    top1 += rank === 1 ? 1 : 0;
    top5 += rank <= 5 ? 1 : 0;
    rr += 1 / rank;
    const hard = new Set(g3.jobs.map((o, k) => (k !== j && norm(o.title) === norm(g3.jobs[j]!.title) ? gtOf[k]! : -1)).filter((k) => k >= 0 && k !== gt));
    scores.forEach((s, k) => {
      probs.push(s);
      labels.push(k === gt ? 1 : 0);
      kind.push(k === gt ? 'pos' : hard.has(k) ? 'hard' : 'easy');
    });
  }
  const pick = (want: string) => kind.map((k, i) => (k === 'pos' || k === want ? i : -1)).filter((i) => i >= 0);
  const auc = (idx: number[]) => rocAuc(idx.map((i) => probs[i]!), idx.map((i) => labels[i]!));
  const cal = calibrationError(probs, labels);
  const r = {
    fit: m.fit,
    top1: top1 / nJobs,
    top5: top5 / nJobs,
    mrr: rr / nJobs,
    aucEasy: auc(pick('easy')),
    aucHard: auc(pick('hard')),
    ece: cal.ece,
    reliability: cal.table.filter((b) => b.count),
  };
  results[name] = r;
  rows.push(`| ${name} | ${r.top1.toFixed(3)} | ${r.top5.toFixed(3)} | ${r.mrr.toFixed(3)} | ${r.aucEasy.toFixed(3)} | ${r.aucHard.toFixed(3)} | ${r.ece.toFixed(3)} |`);
}

mkdirSync(join(root, 'models/eval'), { recursive: true });
writeFileSync(
  join(root, 'models/eval/product.json'),
  JSON.stringify({ calibrationPairs: calPairs.length, heldOut: { group: 3, jobs: nJobs, resumes: nResumes, pairs: nJobs * nResumes }, results }, null, 2) + '\n',
);
const product = models['product: cross-encoder + lexical']!.fit;
const calibrationPath = join(MODEL_DIR, 'calibration.json');
const calibration = JSON.parse(readFileSync(calibrationPath, 'utf8')) as Record<string, unknown>;
calibration.combined = {
  bias: product.bias,
  weights: { logit: product.weights[0], coverage: product.weights[1], overlap: product.weights[2] },
  features: 'logit: int8 cross-encoder logit of the (vacancy, resume) pair as trained (first 256 tokens); coverage and overlap: the lexical scorer\'s requirement_coverage and document_overlap',
  fitted_on: `calibration split of groups 1-2 held out of training (${calPairs.length} pairs)`,
};
writeFileSync(calibrationPath, JSON.stringify(calibration, null, 2) + '\n');
console.log('| score | top-1 | top-5 | MRR | ROC AUC easy | ROC AUC hard | ECE |\n| --- | --- | --- | --- | --- | --- | --- |\n' + rows.join('\n'));
