/**
 * `pnpm eval`: scores every labelled pair of data/fit-set with the product's engine (the shipped cross-encoder from
 * MODEL_DIR; MODEL_DIR=none for the lexical scorer) and writes models/eval/fit-set.json and fit-set.md.
 * If the model folder is absent it says so and falls back to the lexical scorer, and the report names the engine.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigOrExit, repoRoot } from '@rc/config';
import { createEngine } from '../create-engine.ts';
import { LexicalEngine, ReadingOrderEngine, type ScoringEngine } from '../engine.ts';
import { evaluateFitSet, loadFitSet, missingGrades, renderMarkdown, targets } from './fit-set.ts';

const config = loadConfigOrExit();
const set = loadFitSet(join(repoRoot, 'data/fit-set'));
for (const m of missingGrades(set)) console.warn(`warning: posting ${m.posting} has no ${m.grades.join(', ')} pair`);

let engine: ScoringEngine;
let note: string | undefined;
const modelFile = join(config.MODEL_DIR, 'onnx/model_quantized.onnx');
if (config.MODEL_DIR === 'none') {
  engine = new ReadingOrderEngine(new LexicalEngine());
  note = 'MODEL_DIR=none: the lexical scorer, not the shipped model.';
} else if (!existsSync(join(config.MODEL_DIR, 'tokenizer.json')) || !existsSync(modelFile)) {
  // Say it loudly: numbers of the lexical scorer must not be read as the model's.
  console.warn(`warning: no model in ${config.MODEL_DIR}; falling back to the lexical scorer`);
  engine = new ReadingOrderEngine(new LexicalEngine());
  note = `FALLBACK: no model found in ${config.MODEL_DIR}; these are the lexical scorer's numbers.`;
} else {
  engine = await createEngine(config);
}

const started = Date.now();
const report = await evaluateFitSet(set, engine, {
  note,
  // A progress line every 25 pairs: enough to see it move, short in a log file.
  onProgress: (done, total) => (done % 25 === 0 || done === total) && process.stderr.write(`  scored ${done}/${total} pairs\n`),
});
process.stderr.write(`  ${report.set.pairs} pairs in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
await engine.close();

const out = join(repoRoot, 'models/eval');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'fit-set.json'), JSON.stringify({ ...report, targets: targets(report) }, null, 2) + '\n');
const md = renderMarkdown(report);
writeFileSync(join(out, 'fit-set.md'), md);
console.log(md);
