/**
 * No log line, stored error, API error or Redis entry carries resume text, even when a query that holds it fails:
 * drizzle's "Failed query … params: …" lists the parameters, and PostgreSQL's detail repeats the failing row.
 * A check constraint makes the database refuse the scorer's result (and one resume), for real, in both modes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@rc/config';
import { createLogger, openInfrastructure, type Infrastructure } from '@rc/runtime';
import { LexicalEngine } from '@rc/scorer';
import { startServices } from './start-services.ts';
import { cleanRedisPrefix, createTestDatabase, distributedServices, dumpRedisPrefix, uniquePrefix, waitFor, type TestDatabase } from '@rc/testing';

const services = await distributedServices();

async function startProduct(mode: 'embedded' | 'distributed') {
  const logged: string[] = [];
  const env: Record<string, string> = { LOG_LEVEL: 'debug', MODEL_DIR: 'none', LLM_PROVIDER: 'rules', DATA_DIR: 'memory://', SCORER_CONCURRENCY: '1', ADVISOR_CONCURRENCY: '1' };
  let testDb: TestDatabase | undefined;
  let prefix: string | undefined;
  if (mode === 'distributed') {
    testDb = await createTestDatabase(services!.postgres);
    prefix = uniquePrefix('redaction');
    Object.assign(env, { DATABASE_URL: testDb.url, REDIS_URL: services!.redis, QUEUE_PREFIX: prefix });
  }
  const config = loadConfig(env);
  const log = createLogger(config, 'test', { write: (line: string) => void logged.push(line) });
  const infra: Infrastructure = await openInfrastructure(config, log);
  const db = infra.database.db;
  // Both drivers' clients (pg.Pool and PGlite) answer query(text).
  const client = (db as unknown as { $client: { query(text: string): Promise<unknown> } }).$client;
  await client.query('ALTER TABLE analyses ADD CONSTRAINT leak_check CHECK (scoring IS NULL)');
  await client.query("ALTER TABLE resumes ADD CONSTRAINT leak_check CHECK (content NOT LIKE '%refuse this%')");
  const product = await startServices(config, { database: infra.database, queue: infra.queue, bus: infra.bus, engine: new LexicalEngine(), log, listen: false, recovery: false });
  const app = product.app!;
  return {
    app,
    logged,
    redis: async () => (prefix ? dumpRedisPrefix(services!.redis, prefix) : ''),
    close: async () => {
      await product.stop();
      await testDb?.drop();
      if (prefix) await cleanRedisPrefix(services!.redis, prefix);
    },
  };
}

describe.each(['embedded', 'distributed'] as const)('%s: failures that hold resume text', (mode) => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it.skipIf(mode === 'distributed' && !services)('leave no trace of it in logs, stored errors, API errors or Redis', async () => {
    const product = await startProduct(mode);
    closers.push(product.close);
    const { app } = product;
    const marker = `secret-${randomUUID()}`;
    const json = (r: { body: string }) => JSON.parse(r.body);

    const resume = await app.inject({ method: 'POST', url: '/v1/resumes', payload: { name: 'CV', content: `Python developer ${marker} with Django and PostgreSQL.` } });
    expect(resume.statusCode).toBe(201);
    const vacancy = await app.inject({ method: 'POST', url: '/v1/vacancies', payload: { title: 'Dev', description: 'Requirements:\n- Python\n- Django' } });
    const started = await app.inject({ method: 'POST', url: '/v1/analyses', payload: { resumeId: json(resume).id, vacancyId: json(vacancy).id } });
    expect(started.statusCode).toBe(202);
    const id = json(started).id as string;
    const failed = await waitFor(async () => {
      const body = json(await app.inject({ method: 'GET', url: `/v1/analyses/${id}` }));
      return body.status === 'failed' ? body : null;
    }, { what: 'the analysis to fail', timeoutMs: 60_000, intervalMs: 200 });
    expect(JSON.stringify(failed.error)).not.toContain(marker);
    expect(failed.error).toEqual({ code: 'scoring_failed', message: 'scoring failed (database error 23514)' });

    // A request whose insert fails answers 500 and logs the failure, without the text.
    const refused = await app.inject({ method: 'POST', url: '/v1/resumes', payload: { name: 'CV', content: `refuse this ${marker}` } });
    expect(refused.statusCode).toBe(500);
    expect(refused.body).not.toContain(marker);

    const logs = product.logged.join('');
    expect(logs).toContain('unhandled error');
    expect(logs).toContain('23514');
    expect(logs).not.toContain(marker);
    if (mode === 'distributed') {
      const redis = await product.redis();
      expect(redis).toContain('scoring failed (database error 23514)');
      expect(redis).not.toContain(marker);
    }
  }, 120_000);
});
