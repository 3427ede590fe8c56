// `pnpm build`: compiles the product's TypeScript to plain JavaScript once, for production (the image,
// docker-compose.yml, infra/k8s). Each workspace package's src/ becomes its dist/, file for file, so that what a module
// finds beside itself through import.meta.url (migrations, prompts, the page, the repository root) is where it was;
// files that are not TypeScript (the worker entry files, JSON data) are copied as they are. Imports of `./x.ts` become
// `./x.js`. Between packages, Node picks dist/ over src/ under the `rc-dist` export condition
// (`node --conditions=rc-dist`, which the image sets in NODE_OPTIONS); without it, as in development and the tests,
// every package still resolves to its TypeScript source, so nothing needs a build but production.
//
// Each file is compiled alone (the code base is written for `isolatedModules`), which takes seconds; the types are
// checked by `pnpm typecheck` (part of `npm test`). Tests (*.test.ts), test helpers (src/testing/) and packages used
// only by tests, benchmarks and infrastructure checks are not built.
import ts from 'typescript';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NOT_BUILT = new Set(['packages/testing']);
const CONDITION = 'rc-dist';

const started = Date.now();
const { config, error } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
if (errors.length > 0) throw new Error(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('\n'));
const compilerOptions = { ...options, noEmit: false, rewriteRelativeImportExtensions: true, sourceMap: false, declaration: false };

/** The files of a package's src/ that production runs: no tests, no test helpers, no declaration files. */
function* sources(dir, rel = '') {
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = join(rel, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing' && entry.name !== 'node_modules') yield* sources(dir, path);
    } else if (!/\.test\.ts$|\.d\.ts$/.test(entry.name)) yield path;
  }
}

const packages = ['packages', 'services']
  .flatMap((group) => readdirSync(join(root, group)).map((name) => `${group}/${name}`))
  .filter((pkg) => existsSync(join(root, pkg, 'package.json')) && existsSync(join(root, pkg, 'src')) && !NOT_BUILT.has(pkg));

let compiled = 0;
let copied = 0;
const problems = [];
for (const pkg of packages) {
  const src = join(root, pkg, 'src');
  const dist = join(root, pkg, 'dist');
  rmSync(dist, { recursive: true, force: true });
  for (const file of sources(src)) {
    const from = join(src, file);
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    if (/\.[cm]?ts$/.test(file)) {
      const out = ts.transpileModule(readFileSync(from, 'utf8'), { fileName: from, compilerOptions, reportDiagnostics: true });
      for (const d of out.diagnostics ?? []) problems.push(`${relative(root, from)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      writeFileSync(join(dist, file.replace(/\.([cm]?)ts$/, '.$1js')), out.outputText);
      compiled++;
    } else {
      cpSync(from, join(dist, file));
      copied++;
    }
  }
  // Every export that production resolves must be there.
  for (const target of exportTargets(JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8')).exports)) {
    if (!existsSync(join(root, pkg, target))) problems.push(`${pkg}: its "${CONDITION}" export ${target} was not built`);
  }
}

function exportTargets(exports) {
  if (!exports || typeof exports !== 'object') return [];
  return Object.entries(exports).flatMap(([key, value]) => (key === CONDITION && typeof value === 'string' ? [value] : exportTargets(value)));
}

if (problems.length > 0) {
  console.error(`pnpm build failed:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`Built ${compiled} modules (and copied ${copied} other files) of ${packages.length} packages into their dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
