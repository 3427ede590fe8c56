import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@rc/db';
import { cleanRedisPrefix, findRedis, freePort, inCI, uniquePrefix, waitFor } from '@rc/testing';
import { startHarness, type Harness } from './testing/harness.ts';

const open: Harness[] = [];
afterAll(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});
async function gateway(env: Record<string, string>) {
  const h = await startHarness(env);
  open.push(h);
  return h;
}
// Keyless callers must be on this machine: each caller is another loopback address (127.0.0.0/8).
const get = (h: Harness, opts: { key?: string; ip?: string } = {}) =>
  h.app.inject({ method: 'GET', url: '/v1/vacancies', remoteAddress: opts.ip ?? '127.0.0.11', headers: opts.key ? { authorization: `Bearer ${opts.key}` } : {} });

describe('rate limits without a key', () => {
  it('count each address apart, and a keyed caller apart from its address', async () => {
    const h = await gateway({ RATE_LIMIT_PER_MINUTE: '2' });
    const { key } = await createApiKey(h.database.db, 'keyed');
    expect([(await get(h, { ip: '127.0.0.11' })).statusCode, (await get(h, { ip: '127.0.0.11' })).statusCode, (await get(h, { ip: '127.0.0.11' })).statusCode]).toEqual([200, 200, 429]);
    expect((await get(h, { ip: '127.0.0.12' })).statusCode).toBe(200);
    expect((await get(h, { ip: '127.0.0.11', key })).statusCode).toBe(200);
  });
});

describe('rate limits in distributed mode', () => {
  let redisUrl: string | null;
  const prefix = uniquePrefix('rate');
  beforeAll(async () => {
    redisUrl = await findRedis();
    if (!redisUrl && inCI) throw new Error('the distributed rate-limit test needs Redis');
  });
  afterAll(async () => {
    if (redisUrl) await cleanRedisPrefix(redisUrl, prefix);
  });

  it('share one count between gateway replicas through Redis', async (ctx) => {
    if (!redisUrl) return ctx.skip();
    const env = { RATE_LIMIT_PER_MINUTE: '3', REDIS_URL: redisUrl, QUEUE_PREFIX: prefix };
    const [one, two] = [await gateway(env), await gateway(env)];
    // Until a replica's Redis connection is up, its limiter lets requests through uncounted (skipOnError): wait
    // for each to count, on an address of its own.
    for (const [i, h] of [one, two].entries()) {
      await waitFor(async () => (await get(h, { ip: `127.0.7.${i}` })).headers['x-ratelimit-remaining'] !== '3', { what: 'the limiter to reach Redis' });
    }
    // the same caller (same address, no key) on both replicas: 3 allowed in all, not 3 on each
    const codes = [];
    for (const h of [one, two, one, two]) codes.push((await get(h, { ip: '127.0.9.9' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const over = await get(one, { ip: '127.0.9.9' });
    expect(JSON.parse(over.body).error.code).toBe('rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('let requests through when Redis cannot be reached, instead of failing them', async () => {
    const port = await freePort(); // nothing listens there
    const h = await gateway({ RATE_LIMIT_PER_MINUTE: '1', REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_PREFIX: prefix });
    for (let i = 0; i < 3; i++) expect((await get(h, { ip: '127.0.8.8' })).statusCode).toBe(200);
  });
});
