/**
 * Finds the PostgreSQL and Redis that tests of the distributed mode run against: DATABASE_URL / REDIS_URL when given,
 * else the local services on their standard ports, else containers where a Docker engine answers. Each test gets
 * its own database and its own queue prefix, and removes them afterwards.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import pg from 'pg';

export const inCI = process.env.CI === 'true' || process.env.CI === '1';

function reachable(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

async function dockerAnswers(): Promise<boolean> {
  if (!existsSync('/var/run/docker.sock') && !process.env.DOCKER_HOST) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

let pgBase: Promise<string | null> | undefined;
let redisBase: Promise<string | null> | undefined;

/** Base URL of a PostgreSQL server whose `postgres` database we may use to create test databases, or null. */
export function findPostgres(): Promise<string | null> {
  pgBase ??= (async () => {
    if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
    if (await reachable('127.0.0.1', 5432)) return 'postgres://postgres@127.0.0.1:5432/postgres';
    if (await dockerAnswers()) {
      const { GenericContainer, Wait } = await import('testcontainers');
      const c = await new GenericContainer('postgres:16-alpine')
        .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
        .withExposedPorts(5432)
        .withWaitStrategy(Wait.forLogMessage(/ready to accept connections/, 2))
        .start();
      return `postgres://postgres@${c.getHost()}:${c.getMappedPort(5432)}/postgres`;
    }
    return null;
  })();
  return pgBase;
}

export function findRedis(): Promise<string | null> {
  redisBase ??= (async () => {
    if (process.env.TEST_REDIS_URL) return process.env.TEST_REDIS_URL;
    if (await reachable('127.0.0.1', 6379)) return 'redis://127.0.0.1:6379';
    if (await dockerAnswers()) {
      const { GenericContainer } = await import('testcontainers');
      const c = await new GenericContainer('redis:7-alpine').withExposedPorts(6379).start();
      return `redis://${c.getHost()}:${c.getMappedPort(6379)}`;
    }
    return null;
  })();
  return redisBase;
}

/**
 * Whether the distributed-mode services exist. Outside CI a machine without them skips those tests (and says so);
 * in CI their absence is a failure, never a silent skip.
 */
export async function distributedServices(): Promise<{ postgres: string; redis: string } | null> {
  const [postgres, redis] = await Promise.all([findPostgres(), findRedis()]);
  if (postgres && redis) return { postgres, redis };
  const msg = `distributed-mode tests need PostgreSQL and Redis (found postgres=${!!postgres}, redis=${!!redis})`;
  if (inCI) throw new Error(msg);
  console.warn(`SKIPPED: ${msg}`);
  return null;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server; drop() removes it. */
export async function createTestDatabase(baseUrl: string): Promise<TestDatabase> {
  const name = `rc_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export function uniquePrefix(label = 'test'): string {
  return `rc-${label}-${randomBytes(5).toString('hex')}`;
}

/** Deletes every Redis key under a queue prefix. */
export async function cleanRedisPrefix(url: string, prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const r = new Redis(url, { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${opts.what ?? 'condition'}`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50));
  }
}
export * from './processes.ts';
export * from './own-services.ts';
export * from './fixtures.ts';
export * from './redis-dump.ts';
export { readProgressStream, type ProgressRead } from './sse.ts';
