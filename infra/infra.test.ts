import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { jobCatalog } from '@rc/contracts';

// Not runnable here (no cluster, no Docker engine): these checks keep the manifests consistent with the code.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const load = (file: string) =>
  parseAllDocuments(readFileSync(file, 'utf8'), { merge: true }).map((d) => {
    expect(d.errors, file).toEqual([]);
    return d.toJS() as Record<string, any>;
  });
// The image runs the compiled entry points (`pnpm build`: services/x/dist/y.js from services/x/src/y.ts); a fresh
// clone has the sources only, so a command is checked against the file it is compiled from.
const sourceOf = (entry: string) => join(root, entry.replace(/^(services|packages)\/([\w-]+)\/dist\//, '$1/$2/src/').replace(/\.js$/, '.ts'));
const k8s = readdirSync(join(root, 'infra/k8s')).flatMap((f) => load(join(root, 'infra/k8s', f)).map((doc) => ({ file: f, doc })));

describe('Kubernetes manifests', () => {
  it('are well-formed objects with a kind, an API version and a name', () => {
    expect(k8s.length).toBeGreaterThan(5);
    for (const { file, doc } of k8s) {
      expect(doc.apiVersion, file).toMatch(/\w/);
      expect(doc.kind, file).toMatch(/^[A-Z]/);
      expect(doc.metadata?.name, file).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('run a Deployment per service whose command exists and whose selector matches its pods', () => {
    const deployments = k8s.filter((x) => x.doc.kind === 'Deployment').map((x) => x.doc);
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['advisor', 'gateway', 'scorer']);
    for (const d of deployments) {
      expect(d.spec.template.metadata.labels).toMatchObject(d.spec.selector.matchLabels);
      const c = d.spec.template.spec.containers[0];
      expect(c.command[0], c.command.join(' ')).toBe('node');
      expect(existsSync(sourceOf(c.command.at(-1))), c.command.join(' ')).toBe(true);
    }
    const gateway = deployments.find((d) => d.metadata.name === 'gateway')!.spec.template.spec.containers[0];
    expect(gateway.readinessProbe.httpGet.path).toBe('/readyz');
    expect(gateway.livenessProbe.httpGet.path).toBe('/healthz');
  });

  it('scale the workers on the BullMQ wait lists of their own queues', () => {
    const prefix = k8s.find((x) => x.doc.kind === 'ConfigMap')!.doc.data.QUEUE_PREFIX;
    const queues = new Set(Object.values(jobCatalog).map((j) => j.queue));
    const scaled = k8s.filter((x) => x.doc.kind === 'ScaledObject').map((x) => x.doc);
    const expected: Record<string, string> = { scorer: 'scoring', advisor: 'advice' };
    for (const s of scaled) {
      const queue = expected[s.spec.scaleTargetRef.name]!;
      expect(queues.has(queue as never)).toBe(true);
      expect(s.spec.triggers[0].metadata.listName).toBe(`${prefix}:${queue}:wait`);
    }
    expect(scaled).toHaveLength(2);
  });
});

describe('docker-compose.yml', () => {
  it('starts every service from a file that exists, over postgres and redis', () => {
    const [compose] = load(join(root, 'docker-compose.yml'));
    const services = compose!.services as Record<string, any>;
    expect(Object.keys(services).sort()).toEqual(['advisor', 'gateway', 'postgres', 'redis', 'scorer']);
    for (const name of ['gateway', 'scorer', 'advisor']) {
      expect(services[name].command[0], name).toBe('node');
      expect(existsSync(sourceOf(services[name].command.at(-1))), name).toBe(true);
      expect(services[name].environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(services[name].environment.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/);
    }
  });

  it('requires API keys, keeps /metrics behind a token, and takes every secret from the environment', () => {
    const [compose] = load(join(root, 'docker-compose.yml'));
    const services = compose!.services as Record<string, any>;
    for (const name of ['gateway', 'scorer', 'advisor']) {
      const env = services[name].environment;
      expect(env.AUTH, name).toBe('required');
      expect(env.METRICS_TOKEN, name).toMatch(/^\$\{METRICS_TOKEN:\?/);
    }
    // No password or token is written in the file: each is ${VAR…} from the environment.
    const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    for (const m of text.matchAll(/^ *[A-Z_]*(?:PASSWORD|TOKEN|API_KEY): *(\S+)/gm)) expect(m[1], m[0]).toMatch(/^["']?\$\{/);
    expect(text).not.toMatch(/postgres:\/\/resume:resume@/);
    expect(services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });
});

describe('Dockerfile and Kubernetes config', () => {
  it('require API keys, and ship no secrets', () => {
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toMatch(/^ENV .*\bAUTH=required\b/m);
    const config = k8s.find((x) => x.doc.kind === 'ConfigMap')!.doc.data;
    expect(config.AUTH).toBe('required');
    expect(k8s.filter((x) => x.doc.kind === 'Secret')).toEqual([]);
  });
});

describe('Prometheus config', () => {
  it('scrapes the gateway’s /metrics with the metrics token', () => {
    const [prom] = load(join(root, 'infra/prometheus/prometheus.yml'));
    const configs = prom!.scrape_configs as Array<{ job_name?: string; metrics_path?: string; static_configs?: Array<{ targets: string[] }>; kubernetes_sd_configs?: unknown[]; authorization?: { credentials_file?: string } }>;
    // both ways the product is deployed are scraped: compose's gateway by name, Kubernetes pods by annotation
    expect(configs.flatMap((c) => c.static_configs ?? []).flatMap((s) => s.targets)).toContain('gateway:8000');
    expect(configs.some((c) => (c.kubernetes_sd_configs ?? []).length > 0)).toBe(true);
    expect(configs.length).toBeGreaterThan(0);
    for (const c of configs) {
      expect(c.metrics_path ?? '/metrics').toBe('/metrics');
      expect(c.authorization?.credentials_file, c.job_name).toMatch(/METRICS_TOKEN$/);
    }
  });
});
