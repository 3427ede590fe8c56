/**
 * Request rate of GET /v1/analyses/:id (auth, PGlite read, serialisation) against a bare Fastify route returning a
 * constant of the same size, in the same run, on the same machine, both with autocannon on loopback.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { loadConfig } from '@rc/config';
import { createDatabase } from '@rc/db';
import { startServices } from '@rc/all-in-one';
import { InProcessQueue, LocalProgressBus } from '@rc/queue';
import { LexicalEngine } from '@rc/scorer';
import { createTestDatabase, findPostgres } from '@rc/testing';
import { writeResult } from './report.ts';

const DURATION = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 20;

async function hammer(url: string) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, pipelining: 1 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function measure(backend: 'pglite' | 'postgres', databaseUrl?: string) {
  const config = loadConfig({ LOG_LEVEL: 'silent', MODEL_DIR: 'none', RATE_LIMIT_PER_MINUTE: '0', SCORER_CONCURRENCY: '1', ADVISOR_CONCURRENCY: '1' });
  const database = await createDatabase({ dataDir: 'memory://', databaseUrl });
  const queue = new InProcessQueue();
  const services = await startServices(config, { database, queue, bus: new LocalProgressBus(), engine: new LexicalEngine(), listen: false, recovery: false });
  const app = services.app!;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const post = (path: string, body: unknown) =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ id: string }>);
  const v = await post('/v1/vacancies', { title: 'Backend developer', description: 'Requirements:\n- Python\n- PostgreSQL\n- Docker' });
  const r = await post('/v1/resumes', { name: 'CV', content: 'Python developer. PostgreSQL, Docker, Kubernetes. 5 years.' });
  const a = await post('/v1/analyses', { resumeId: r.id, vacancyId: v.id });
  await queue.drain();
  const sample = await (await fetch(`${base}/v1/analyses/${a.id}`)).text();

  const bare = Fastify();
  bare.get('/v1/analyses/:id', async (_req, reply) => reply.type('application/json').send(sample));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/v1/analyses/${a.id}`;

  const baseline = await hammer(bareUrl);
  const product = await hammer(`${base}/v1/analyses/${a.id}`);
  await Promise.all([services.stop(), bare.close()]);
  if (product.errors || baseline.errors) throw new Error(`errors during the run: product ${product.errors}, bare ${baseline.errors}`);
  return { backend, responseBytes: sample.length, product, baseline, ratio: product.rps / baseline.rps };
}

export async function benchGateway() {
  const runs = [await measure('pglite')];
  const pg = await findPostgres();
  if (pg) {
    const db = await createTestDatabase(pg);
    try {
      runs.push(await measure('postgres', db.url));
    } finally {
      await db.drop();
    }
  }
  const label = { pglite: 'embedded, PGlite', postgres: 'PostgreSQL, pool of 10' };
  writeResult(
    'gateway',
    { durationS: DURATION, connections: CONNECTIONS, runs },
    `| GET /v1/analyses/:id, ${CONNECTIONS} connections | req/s | latency | bare Fastify route, same payload, same run | ratio |\n| --- | --- | --- | --- | --- |\n` +
      runs
        .map((x) => `| ${label[x.backend]} | ${x.product.rps.toFixed(0)} | p50 ${x.product.p50} ms, p99 ${x.product.p99} ms | ${x.baseline.rps.toFixed(0)} req/s | ${(x.ratio * 100).toFixed(0)} % |`)
        .join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchGateway();
