/**
 * The CLI as people run it: a child process (tsx services/cli/src/main.ts …) with its own DATA_DIR and the lexical
 * scorer. Covers check (report and --json), rank, keys create, export-training-data, --url against a running
 * server with an API key, and the errors people make.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAllInOne, type Running } from '@rc/all-in-one';
import { loadConfig } from '@rc/config';
import { createDatabase, ensureOwner, findOwnerByKey, llmExchangeRepo } from '@rc/db';
import { vacancyText } from '@rc/contracts';
import { freePort, repoRoot, RESUME_EN, tsxBin, VACANCY_EN } from '@rc/testing';

const VACANCY = vacancyText(VACANCY_EN);
const RESUME = RESUME_EN;

let dir: string;
let dataDir: string;
const file = (name: string) => join(dir, name);

/** The environment of a fresh shell on this machine, minus anything that would point the CLI elsewhere. */
function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  const drop = new Set(['DATABASE_URL', 'REDIS_URL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'LLM_PROVIDER', 'AUTH', 'PORT', 'HOST', 'LOG_LEVEL', 'NODE_OPTIONS']);
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !drop.has(k) && !k.startsWith('VITEST')) env[k] = v;
  return { ...env, DATA_DIR: dataDir, MODEL_DIR: 'none', NO_COLOR: '1', ...extra };
}

function cli(args: string[], extra: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsxBin, ['services/cli/src/main.ts', ...args], { cwd: repoRoot, env: cliEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 80_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rc-cli-test-'));
  dataDir = join(dir, 'data');
  writeFileSync(file('vacancy.txt'), VACANCY);
  writeFileSync(file('cv.txt'), RESUME);
  mkdirSync(file('vacancies'));
  writeFileSync(file('vacancies/backend.txt'), VACANCY);
  writeFileSync(file('vacancies/frontend.txt'), 'Frontend developer (React)\nRequirements:\n- 3 years with React and TypeScript\n- CSS and accessibility\n- Storybook');
  writeFileSync(file('vacancies/accountant.txt'), 'Chief accountant\nRequirements:\n- 10 years of accounting and IFRS reporting\n- Tax audits and payroll');
  writeFileSync(file('vacancies/notes.md'), 'not a vacancy: only .txt files are read');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('pnpm cli check', () => {
  it('prints the analysis as JSON with --json, and the progress on stderr', { timeout: 90_000 }, async () => {
    const r = await cli(['check', '--json', '--vacancy', file('vacancy.txt'), '--resume', file('cv.txt')]);
    expect(r.stderr).toMatch(/progress: done \(100%\)/);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.status).toBe('done');
    expect(a.score).toBeGreaterThanOrEqual(0);
    expect(a.score).toBeLessThanOrEqual(1);
    expect(a.verdict).toBe('strong');
    expect(a.requirements.length).toBeGreaterThanOrEqual(4);
    for (const req of a.requirements) expect(['met', 'partial', 'missing']).toContain(req.status);
    const python = a.requirements.find((q: { text: string }) => /Python/.test(q.text));
    expect(python).toMatchObject({ kind: 'experience', importance: 'must' });
    expect(python.evidence.text).toBe(RESUME.slice(python.evidence.start, python.evidence.end));
    expect(a.learning_recommendations.length).toBeGreaterThan(0);
    expect(a.advice_source.source).toBe('rules');
  });

  it('prints a readable report, in the advice language', { timeout: 90_000 }, async () => {
    const r = await cli(['check', '--vacancy', file('vacancy.txt'), '--resume', file('cv.txt'), '--language', 'ru']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^cv\.txt → “Backend Developer \(Python\)”/);
    expect(r.stdout).toMatch(/Оценка: \d+%.*Хорошо подходит/);
    expect(r.stdout).toMatch(/✔ есть +обяз\. +\d+% +3\+ years of commercial experience with Python · опыт\n/);
    expect(r.stdout).toMatch(/↳ “Summary: 5 years of commercial experience/);
    expect(r.stdout).toMatch(/✘ нет +плюс +0% +Kubernetes · навык\n/);
    for (const heading of ['Сильные стороны', 'Слабые стороны', 'Что изучить', 'Что переписать']) expect(r.stdout).toContain(`\n${heading}\n`);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('fails with a clear message and no output for a missing file', { timeout: 60_000 }, async () => {
    const r = await cli(['check', '--vacancy', file('no-such-vacancy.txt'), '--resume', file('cv.txt'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: the vacancy file ${file('no-such-vacancy.txt')} does not exist`);
    expect(r.stdout).toBe('');
  });

  it('refuses a broken file and a wrong command line with distinct statuses', { timeout: 60_000 }, async () => {
    writeFileSync(file('broken.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0x41)]));
    const broken = await cli(['check', '--vacancy', file('vacancy.txt'), '--resume', file('broken.pdf')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/error: the resume file .*broken\.pdf cannot be used: The PDF is damaged/);
    const usage = await cli(['check', '--resume', file('cv.txt')]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/error: --vacancy is required/);
  });
});

describe('pnpm cli rank', () => {
  it('ranks the .txt vacancies of a folder for the resume, best first', { timeout: 90_000 }, async () => {
    const r = await cli(['rank', '--resume', file('cv.txt'), '--vacancies', file('vacancies')]);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\s+\d+\s+\d+%/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^\s+1\s+\d+%\s+Backend Developer \(Python\)\s+backend\.txt$/);
    const scores = rows.map((l) => Number(/(\d+)%/.exec(l)![1]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const json = await cli(['rank', '--json', '--resume', file('cv.txt'), '--vacancies', file('vacancies')]);
    expect(json.code, json.stderr).toBe(0);
    const ranking = JSON.parse(json.stdout);
    // Only this folder's three vacancies, although earlier runs saved more under the same owner.
    expect(ranking.candidate_count).toBe(3);
    expect(ranking.results.map((e: { rank: number }) => e.rank)).toEqual([1, 2, 3]);
  });
});

describe('pnpm cli keys create and --url', () => {
  it('creates a key that a running server accepts', { timeout: 120_000 }, async () => {
    const keyDir = join(dir, 'keys-data');
    const created = await cli(['keys', 'create', '--owner', 'recruiting team'], { DATA_DIR: keyDir });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^rc_[\w-]{20,}\n$/);
    expect(created.stderr).toMatch(/shown only this once/);
    const key = created.stdout.trim();

    const db = await createDatabase({ dataDir: keyDir });
    try {
      expect(await findOwnerByKey(db.db, key)).toMatchObject({ ownerName: 'recruiting team' });
    } finally {
      await db.close();
    }

    // The same folder served by a server that wants a key: the CLI talks to it over --url.
    let server: Running | undefined;
    try {
      const config = loadConfig({ DATA_DIR: keyDir, MODEL_DIR: 'none', PORT: '0', AUTH: 'required', LOG_LEVEL: 'silent' });
      server = await startAllInOne(config, pino({ level: 'silent' }));
      const args = ['check', '--json', '--url', server.url, '--vacancy', file('vacancy.txt'), '--resume', file('cv.txt')];
      const withKey = await cli([...args, '--key', key]);
      expect(withKey.code, withKey.stderr).toBe(0);
      expect(JSON.parse(withKey.stdout).status).toBe('done');
      const withoutKey = await cli(args);
      expect(withoutKey.code).toBe(1);
      expect(withoutKey.stderr).toMatch(/error: send an API key .*\(missing_api_key\)/);
    } finally {
      await server?.stop();
    }
    const port = await freePort();
    const nowhere = await cli(['check', '--url', `http://127.0.0.1:${port}`, '--vacancy', file('vacancy.txt'), '--resume', file('cv.txt')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain(`error: cannot reach Resume Checker at http://127.0.0.1:${port}/: ECONNREFUSED`);
  });
});

describe('pnpm cli keys create while the embedded server runs', () => {
  it('makes the key through the server that holds the database, and the server accepts it at once', { timeout: 120_000 }, async () => {
    const heldDir = join(dir, 'held-data');
    const port = await freePort();
    const config = loadConfig({ DATA_DIR: heldDir, MODEL_DIR: 'none', PORT: String(port), LOG_LEVEL: 'silent' });
    const server = await startAllInOne(config, pino({ level: 'silent' }));
    try {
      const created = await cli(['keys', 'create', '--owner', 'acme'], { DATA_DIR: heldDir, PORT: String(port) });
      expect(created.code, created.stderr).toBe(0);
      expect(created.stderr).toMatch(/held by process \d+; creating the key through the server/);
      const key = created.stdout.trim();
      const res = await fetch(`${server.url}/v1/resumes`, { headers: { authorization: `Bearer ${key}` } });
      expect(res.status).toBe(200);
      // A server that cannot be asked: the CLI refuses, names the holder and says what to do.
      const refused = await cli(['keys', 'create', '--owner', 'acme'], { DATA_DIR: heldDir, PORT: String(await freePort()) });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/in use by process \d+/);
      expect(refused.stderr).toContain('--url');
    } finally {
      await server.stop();
    }
  });
});

describe('pnpm cli export-training-data', () => {
  it('writes the stored LLM exchanges as masked chat JSONL', { timeout: 90_000 }, async () => {
    const exportDir = join(dir, 'export-data');
    const db = await createDatabase({ dataDir: exportDir });
    try {
      const ownerId = await ensureOwner(db.db, 'export-test');
      const base = { ownerId, provider: 'openai', model: 'gpt-4o-mini', promptVersion: 'v1', language: 'en' };
      const messages = (resume: string) => [
        { role: 'system' as const, content: 'You are a career advisor. Answer with JSON.' },
        { role: 'user' as const, content: `<resume>\n${resume}\n</resume>` },
      ];
      const answer = JSON.stringify({ strengths: ['Python'], weaknesses: [], rewrite_suggestions: [], learning_recommendations: [], reflection_points: [], upgrades: 'ok' });
      await llmExchangeRepo.insertMany(db.db, [
        { ...base, messages: messages('Jane Doe\nPython developer, jane.doe@example.com, +7 (999) 123-45-67'), response: answer, parsed: true, grounded: true },
        { ...base, messages: messages('Ivan Petrov\nGo developer'), response: 'Sorry, I cannot help with that.', parsed: false, grounded: false },
        { ...base, messages: messages('No answer at all'), response: null, parsed: false, grounded: false, error: 'timeout' },
      ]);
    } finally {
      await db.close();
    }

    const all = await cli(['export-training-data', '--out', file('all.jsonl')], { DATA_DIR: exportDir });
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toMatch(/Exported 2 of 3 stored LLM exchanges to .*all\.jsonl/);
    const lines = readFileSync(file('all.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant']);
    const text = readFileSync(file('all.jsonl'), 'utf8');
    expect(text).not.toMatch(/jane\.doe@example\.com|123-45-67|Jane Doe|Ivan Petrov/);
    expect(text).toContain('[EMAIL]');

    const good = await cli(['export-training-data', '--only-good'], { DATA_DIR: exportDir });
    expect(good.code, good.stderr).toBe(0);
    const goodLines = good.stdout.trim().split('\n');
    expect(goodLines).toHaveLength(1);
    expect(JSON.parse(JSON.parse(goodLines[0]!).messages[2].content)).toMatchObject({ strengths: ['Python'] });
  });
});
