import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanRedisPrefix,
  createTestDatabase,
  distributedServices,
  freePort,
  refuseTypeScript,
  repoRoot,
  startProcess,
  uniquePrefix,
  waitForHttp,
  type Proc,
  type TestDatabase,
} from '@rc/testing';
import { fullFlow } from './flow.ts';

// The product as the image runs it: `pnpm build` compiles it to JavaScript, and plain `node` runs the compiled entry
// points with NODE_OPTIONS=--conditions=rc-dist, as the Dockerfile sets. The processes run under hooks that refuse
// any TypeScript module and tsx, in their worker threads too, so a passing test means the build runs alone.
// The build writes each package's dist/ in this checkout (git ignores them); it takes a few seconds.
const asInTheImage = { NODE_OPTIONS: '--conditions=rc-dist', LOG_LEVEL: 'warn', LLM_PROVIDER: 'rules' };
const node = (entry: string) => ['--import', refuseTypeScript, entry];

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, encoding: 'utf8' });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
});

describe('the build', () => {
  it('produces every file the Dockerfile, docker-compose.yml and the Kubernetes manifests run', () => {
    const files = ['Dockerfile', 'docker-compose.yml', ...readdirSync(join(repoRoot, 'infra/k8s')).map((f) => `infra/k8s/${f}`)];
    const entries = files.flatMap((f) => [...readFileSync(join(repoRoot, f), 'utf8').matchAll(/\bservices\/[\w./-]+\.js\b/g)].map((m) => m[0]));
    expect(new Set(entries)).toEqual(
      new Set([
        'services/all-in-one/dist/main.js',
        ...['gateway', 'scorer', 'advisor'].map((s) => `services/all-in-one/dist/processes/${s}.js`),
        'services/cli/dist/main.js',
      ]),
    );
    for (const entry of entries) expect(existsSync(join(repoRoot, entry)), entry).toBe(true);
  });
});

describe('the built product, embedded, as the image starts it', () => {
  let proc: Proc;
  let base: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'rc-built-'));

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = { ...asInTheImage, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' };
    proc = startProcess(process.execPath, node('services/all-in-one/dist/main.js'), env);
    await waitForHttp(`${base}/readyz`, proc);
  });
  afterAll(async () => {
    await proc?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the page and the API docs, reads an uploaded file, and runs an analysis to the end', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    expect((await fetch(`${base}/docs/json`)).status).toBe(200);

    // a file goes through the extraction workers, which load the compiled parsers
    const form = new FormData();
    form.append('file', new Blob(['Ivan Petrov. Java developer, 5 years: Spring Boot, PostgreSQL, Kafka.'], { type: 'text/plain' }), 'cv.txt');
    const upload = await fetch(`${base}/v1/resumes/upload`, { method: 'POST', body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    expect(((await upload.json()) as { content: string }).content).toContain('Spring Boot');

    // the scorer's model lanes and text-analysis workers, and the advisor's prompts
    const { analysis } = await fullFlow(
      base,
      { title: 'Data Engineer', description: 'Requirements:\n- Python and SQL\n- Apache Airflow\n- Spark\nNice to have:\n- dbt' },
      'Maria Garcia. Data engineer with 4 years of Python and SQL. Built Airflow DAGs and Spark jobs processing 2 TB per day.',
    );
    expect(analysis.verdict).toBe('strong');
    expect((analysis.strengths as string[]).length).toBeGreaterThan(0);
    expect(proc.child.exitCode).toBeNull();
    expect(proc.output()).not.toMatch(/loaded TypeScript/);
  });
});

// The three processes docker-compose.yml runs, over the machine's PostgreSQL and Redis (their migrations included).
const services = await distributedServices();

describe.skipIf(!services)('the built product, distributed, as docker-compose.yml starts it', () => {
  const procs: Proc[] = [];
  let db: TestDatabase;
  let base: string;
  const prefix = uniquePrefix('built');

  beforeAll(async () => {
    db = await createTestDatabase(services!.postgres);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = { ...asInTheImage, DATABASE_URL: db.url, REDIS_URL: services!.redis, QUEUE_PREFIX: prefix, PORT: String(port) };
    for (const svc of ['gateway', 'scorer', 'advisor']) procs.push(startProcess(process.execPath, node(`services/all-in-one/dist/processes/${svc}.js`), env));
    await waitForHttp(`${base}/readyz`, procs[0]!);
  });
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await db?.drop();
    await cleanRedisPrefix(services!.redis, prefix);
  });

  it('runs an analysis across the three services', async () => {
    const { analysis } = await fullFlow(
      base,
      { title: 'DevOps Engineer', description: 'Requirements:\n- Kubernetes\n- Terraform\n- AWS' },
      'Alex Kim. DevOps engineer: Kubernetes clusters on AWS, infrastructure as code with Terraform.',
    );
    expect(analysis.score).toBeGreaterThan(0);
    for (const p of procs) expect(p.child.exitCode, p.output()).toBeNull();
  });
});
