import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanRedisPrefix,
  createTestDatabase,
  distributedServices,
  freePort,
  startProcess,
  tsxBin,
  uniquePrefix,
  waitForHttp,
  type Proc,
  type TestDatabase,
} from '@rc/testing';
import { fullFlow } from './flow.ts';

// Gateway, scorer and advisor as three processes over the machine's PostgreSQL and Redis, as in production.
const services = await distributedServices();

describe.skipIf(!services)('distributed mode: three processes over PostgreSQL and Redis', () => {
  const procs: Proc[] = [];
  let db: TestDatabase;
  let base: string;
  const prefix = uniquePrefix('e2e');

  beforeAll(async () => {
    db = await createTestDatabase(services!.postgres);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = { DATABASE_URL: db.url, REDIS_URL: services!.redis, QUEUE_PREFIX: prefix, PORT: String(port), LOG_LEVEL: 'warn', LLM_PROVIDER: 'rules' };
    for (const svc of ['gateway', 'scorer', 'advisor']) procs.push(startProcess(tsxBin, [`services/all-in-one/src/processes/${svc}.ts`], env));
    await waitForHttp(`${base}/readyz`, procs[0]!);
  });
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await db?.drop();
    await cleanRedisPrefix(services!.redis, prefix);
  });

  it('runs an analysis across the services and answers the original relevancy route', async () => {
    const { analysis } = await fullFlow(
      base,
      { title: 'DevOps Engineer', description: 'Requirements:\n- Kubernetes\n- Terraform\n- AWS\n- Monitoring with Prometheus' },
      'Alex Kim. DevOps engineer: Kubernetes clusters on AWS, infrastructure as code with Terraform, Prometheus and Grafana monitoring.',
    );
    expect(analysis.score).toBeGreaterThan(0);
    for (const p of procs) expect(p.child.exitCode).toBeNull();
  });
});
