import { connect } from 'node:net';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@rc/config';
import { analysisRepo, createApiKey, createDatabase, ensureOwner, encodeCursor, LOCAL_OWNER, rankingRepo, resumeRepo, vacancyRepo, type DatabaseHandle } from '@rc/db';
import { InProcessQueue, LocalProgressBus } from '@rc/queue';
import { buildApp } from './app.ts';
import { FailureCounter, LruCache } from './limits.ts';

// Gateways with no workers behind them: what is accepted stays queued, so streams and waits stay open as long as
// the test wants. Each test builds the gateway with the configuration it is about.
const opened: Array<{ app: FastifyInstance; database: DatabaseHandle; queue: InProcessQueue }> = [];
let plain: Promise<{ app: FastifyInstance; db: DatabaseHandle['db'] }> | undefined;
/** The default gateway is shared by the tests that only read; any other configuration gets its own. */
function gateway(env: Record<string, string> = {}) {
  if (Object.keys(env).length > 0) return fresh(env);
  plain ??= fresh({});
  return plain;
}
async function fresh(env: Record<string, string>) {
  const config = loadConfig({ LOG_LEVEL: 'silent', MODEL_DIR: 'none', ...env });
  const database = await createDatabase({ dataDir: 'memory://' });
  const queue = new InProcessQueue();
  const app = await buildApp({ config, db: database.db, queue, bus: new LocalProgressBus(), pingDb: database.ping });
  opened.push({ app, database, queue });
  return { app, db: database.db };
}
afterAll(async () => {
  for (const g of opened) {
    await g.app.close();
    await g.queue.close();
    await g.database.close();
  }
});

const code = (r: { body: string }) => (JSON.parse(r.body) as { error?: { code: string } }).error?.code;
const listen = async (app: FastifyInstance) => {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
};

// Each test builds a gateway on a fresh PGlite, which takes seconds on a busy 2-core machine.
describe('the open door', { timeout: 180_000 }, () => {
  it('sends no CORS headers to other sites unless their origin is configured', async () => {
    const closed = await gateway();
    for (const req of [
      { method: 'OPTIONS', url: '/api/resumes/', headers: { origin: 'https://evil.example', 'access-control-request-method': 'DELETE' } },
      { method: 'GET', url: '/api/resumes/', headers: { origin: 'https://evil.example' } },
    ] as InjectOptions[]) {
      expect((await closed.app.inject(req)).headers['access-control-allow-origin']).toBeUndefined();
    }
    const open = await gateway({ CORS_ORIGINS: 'https://app.example, https://admin.example' });
    const ok = await open.app.inject({ method: 'OPTIONS', url: '/v1/resumes', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.example');
    const no = await open.app.inject({ method: 'GET', url: '/v1/resumes', headers: { origin: 'https://evil.example' } });
    expect(no.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the keyless local owner only to loopback names and same-machine pages (DNS rebinding is refused)', async () => {
    const { app } = await gateway();
    for (const host of ['localhost:8000', '127.0.0.1:8000', '[::1]:8000', 'localhost']) {
      expect((await app.inject({ method: 'GET', url: '/v1/resumes', headers: { host } })).statusCode, host).toBe(200);
    }
    for (const host of ['evil.example:8000', 'localhost.evil.example', '127.0.0.1.nip.io:8000', '10.0.0.5:8000']) {
      const r = await app.inject({ method: 'GET', url: '/v1/resumes', headers: { host } });
      expect({ host, status: r.statusCode, code: code(r) }).toEqual({ host, status: 421, code: 'host_not_local' });
    }
    // A form another site posts through the visitor's browser: its answer is unreadable, its side effect is refused.
    const forged = await app.inject({
      method: 'POST',
      url: '/api/resumes/',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=x&content=planted',
    });
    expect([forged.statusCode, code(forged)]).toEqual([403, 'origin_not_allowed']);
    const own = await app.inject({ method: 'POST', url: '/api/resumes/', headers: { origin: 'http://127.0.0.1:8000' }, payload: { name: 'x', content: 'mine' } });
    expect(own.statusCode).toBe(201);
    // Keys, too, only for this machine's callers without an admin token.
    const rebound = await app.inject({ method: 'POST', url: '/v1/admin/keys', headers: { host: 'evil.example:8000' }, payload: { owner: 'mallory' } });
    expect([rebound.statusCode, code(rebound)]).toEqual([403, 'admin_token_required']);
    const local = await app.inject({ method: 'POST', url: '/v1/admin/keys', payload: { owner: 'acme' } });
    expect(local.statusCode).toBe(201);
    const key = (JSON.parse(local.body) as { key: string }).key;
    expect((await app.inject({ method: 'GET', url: '/v1/resumes', headers: { authorization: `Bearer ${key}`, host: 'x.example' } })).statusCode).toBe(200);
  });

  it('requires keys on a gateway that listens on a network address, and keeps /metrics behind a token there', async () => {
    const { app, db } = await gateway({ HOST: '0.0.0.0' });
    const anon = await app.inject({ method: 'GET', url: '/v1/resumes', headers: { host: 'localhost:8000' } });
    expect([anon.statusCode, code(anon)]).toEqual([401, 'missing_api_key']);
    const { key } = await createApiKey(db, 'acme');
    expect((await app.inject({ method: 'GET', url: '/v1/resumes', headers: { authorization: `Bearer ${key}`, host: 'resume.example' } })).statusCode).toBe(200);
    const metrics = await app.inject({ method: 'GET', url: '/metrics', headers: { host: 'localhost' } });
    expect([metrics.statusCode, code(metrics)]).toEqual([403, 'metrics_token_required']);
    // Keys are made there with the admin token only.
    const keyless = await app.inject({ method: 'POST', url: '/v1/admin/keys', headers: { host: 'localhost' }, payload: { owner: 'mallory' } });
    expect([keyless.statusCode, code(keyless)]).toEqual([403, 'admin_token_required']);

    const withToken = await gateway({ HOST: '0.0.0.0', METRICS_TOKEN: 'a-metrics-token-of-32-characters' });
    const wrong = await withToken.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect([wrong.statusCode, code(wrong)]).toEqual([401, 'invalid_metrics_token']);
    const right = await withToken.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer a-metrics-token-of-32-characters' } });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('rc_queue_jobs');
    // The local default keeps /metrics open to this machine.
    expect((await (await gateway()).app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
  });
});

describe('limits', { timeout: 180_000 }, () => {
  it('limits requests with wrong keys per address, before any of them reaches the database', async () => {
    const { app, db } = await gateway({ AUTH_FAILURES_PER_MINUTE: '3' });
    const { key } = await createApiKey(db, 'acme');
    const { key: unused } = await createApiKey(db, 'beta');
    const from = (remoteAddress: string, k: string) => app.inject({ method: 'GET', url: '/v1/resumes', remoteAddress, headers: { authorization: `Bearer ${k}` } });
    // A caller behind the same address used its key a moment ago.
    expect((await from('203.0.113.9', key)).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) expect(code(await from('203.0.113.9', `rc_guess_${i}`))).toBe('invalid_api_key');
    const limited = await from('203.0.113.9', 'rc_guess_4');
    expect([limited.statusCode, code(limited)]).toEqual([429, 'too_many_auth_failures']);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Keys not yet seen wait too (no more lookups for this address); the key in use keeps working.
    expect(code(await from('203.0.113.9', unused))).toBe('too_many_auth_failures');
    expect((await from('203.0.113.9', key)).statusCode).toBe(200);
    // Another address is not punished for it.
    expect((await from('203.0.113.10', unused)).statusCode).toBe(200);
  });

  it('counts wrong admin and metrics tokens with wrong keys, per address, and refuses even the right token past the limit', async () => {
    const ADMIN = 'an-admin-token-of-32-characters!';
    const METRICS = 'a-metrics-token-of-32-characters';
    const { app } = await gateway({ HOST: '0.0.0.0', AUTH_FAILURES_PER_MINUTE: '3', ADMIN_TOKEN: ADMIN, METRICS_TOKEN: METRICS });
    const as = (remoteAddress: string, url: string, headers: Record<string, string>, method: 'GET' | 'POST' = 'GET') =>
      app.inject({ method, url, remoteAddress, headers, ...(method === 'POST' ? { payload: { owner: 'mallory' } } : {}) });
    const guesser = '203.0.113.20';
    expect(code(await as(guesser, '/v1/admin/training-data', { 'x-admin-token': 'guess-1' }))).toBe('invalid_admin_token');
    expect(code(await as(guesser, '/metrics', { authorization: 'Bearer guess-2' }))).toBe('invalid_metrics_token');
    expect(code(await as(guesser, '/v1/admin/keys', { 'x-admin-token': 'guess-3' }, 'POST'))).toBe('invalid_admin_token');
    // Past the limit nothing from that address is compared, the right token included, nor any API key looked up.
    for (const [url, headers, method] of [
      ['/v1/admin/training-data', { 'x-admin-token': ADMIN }, 'GET'],
      ['/v1/admin/keys', { 'x-admin-token': ADMIN }, 'POST'],
      ['/metrics', { authorization: `Bearer ${METRICS}` }, 'GET'],
      ['/v1/resumes', { authorization: 'Bearer rc_guess' }, 'GET'],
    ] as const) {
      const r = await as(guesser, url, headers, method);
      expect({ url, status: r.statusCode, code: code(r) }).toEqual({ url, status: 429, code: 'too_many_auth_failures' });
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Another address is not punished for it.
    expect((await as('203.0.113.21', '/metrics', { authorization: `Bearer ${METRICS}` })).statusCode).toBe(200);
    expect((await as('203.0.113.21', '/v1/admin/keys', { 'x-admin-token': ADMIN }, 'POST')).statusCode).toBe(201);
  });

  it('keeps recently used keys in the cache when a flood of new ones arrives (LRU, not clear-all)', () => {
    const cache = new LruCache<number>(3);
    cache.set('valid', 1);
    for (let i = 0; i < 1000; i++) {
      cache.get('valid');
      cache.set(`flood-${i}`, i);
    }
    expect(cache.get('valid')).toBe(1);
    expect(cache.size).toBe(3);
    let t = 0;
    const failures = new FailureCounter(2, 100, () => t);
    for (let i = 0; i < 10_000; i++) failures.record(`198.51.100.${i}`);
    failures.record('a');
    failures.record('a');
    expect(failures.blockedFor('a')).toBe(60);
    t = 60_000;
    expect(failures.blockedFor('a')).toBe(0);
  });

  it('answers a crafted cursor with 400, never 500', async () => {
    const { app } = await gateway();
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const cursor of [
      b64(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
      b64(['2026-01-01T00:00:00.000Z', "x' OR 1=1 --"]),
      b64(['99999-01-01T00:00:00.000Z', '01234567-89ab-4def-8123-456789abcdef']),
      b64({ a: 1 }),
      b64(['2026-01-01T00:00:00.000Z']),
      '!!!not-base64!!!',
      'AAAA',
    ]) {
      for (const url of [`/v1/vacancies?cursor=${encodeURIComponent(cursor)}`, `/v1/analyses?cursor=${encodeURIComponent(cursor)}`]) {
        const r = await app.inject({ method: 'GET', url });
        expect({ cursor, status: r.statusCode, code: code(r) }).toEqual({ cursor, status: 400, code: 'invalid_cursor' });
      }
    }
    const good = encodeCursor(new Date(), '01234567-89ab-4def-8123-456789abcdef');
    expect((await app.inject({ method: 'GET', url: `/v1/rankings?cursor=${good}` })).statusCode).toBe(200);
  });

  it('caps topK and the rankings each owner keeps in flight', async () => {
    const { app, db } = await gateway({ RANKING_MAX_TOP_K: '100', RANKINGS_IN_FLIGHT_PER_OWNER: '2' });
    const local = await ensureOwner(db, LOCAL_OWNER);
    const resume = await resumeRepo.create(db, { ownerId: local, name: 'CV', content: 'Python developer', language: 'en' });
    const big = await app.inject({ method: 'POST', url: '/v1/rankings', payload: { resumeId: resume.id, topK: 1000 } });
    expect([big.statusCode, code(big)]).toEqual([422, 'top_k_too_large']);
    for (let i = 0; i < 2; i++) expect((await app.inject({ method: 'POST', url: '/v1/rankings', payload: { resumeId: resume.id, topK: 100 } })).statusCode).toBe(202);
    const third = await app.inject({ method: 'POST', url: '/v1/rankings', payload: { resumeId: resume.id } });
    expect([third.statusCode, code(third)]).toEqual([429, 'too_many_rankings']);
    // Another owner has a quota of its own; a finished ranking frees a place.
    const { key } = await createApiKey(db, 'other');
    const otherResume = await resumeRepo.create(db, { ownerId: (await ensureOwner(db, 'other'))!, name: 'CV', content: 'Go', language: 'en' });
    expect((await app.inject({ method: 'POST', url: '/v1/rankings', headers: { authorization: `Bearer ${key}` }, payload: { resumeId: otherResume.id } })).statusCode).toBe(202);
    const [first] = (await rankingRepo.list(db, local, { limit: 1 })).items;
    await rankingRepo.markFailed(db, first!.id, { code: 'x', message: 'x' });
    expect((await app.inject({ method: 'POST', url: '/v1/rankings', payload: { resumeId: resume.id } })).statusCode).toBe(202);
  });

  it('gives the full score to the configured top K, or to every result asked for when that is more', async () => {
    const { app, db } = await gateway({ RANKING_TOP_K: '20', RANKING_MAX_TOP_K: '100' });
    const local = await ensureOwner(db, LOCAL_OWNER);
    const resume = await resumeRepo.create(db, { ownerId: local, name: 'CV', content: 'Python developer', language: 'en' });
    const topK = async (payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url: '/v1/rankings', payload: { resumeId: resume.id, ...payload } });
      expect(res.statusCode).toBe(202);
      return (await rankingRepo.get(db, local, JSON.parse(res.body).id))!.topK;
    };
    expect(await topK({})).toBe(20);
    expect(await topK({ limit: 35 })).toBe(35);
    expect(await topK({ limit: 100, topK: 10 })).toBe(10); // asked for explicitly
  });

  it('bounds progress streams per owner and in total, and ends each after its maximum lifetime', async () => {
    const { app, db } = await gateway({ SSE_MAX_PER_OWNER: '2', SSE_MAX_TOTAL: '3', SSE_MAX_LIFETIME_MS: '1500' });
    const base = await listen(app);
    const local = await ensureOwner(db, LOCAL_OWNER);
    const { key, ownerId: other } = await createApiKey(db, 'other');
    const queued = async (ownerId: string) =>
      (await analysisRepo.createQueued(db, { ownerId, resumeId: null, vacancyId: null, resumeText: 'r', vacancyText: 'v', adviceLanguage: 'en' })).id;
    const aborts: AbortController[] = [];
    const open = async (id: string, headers: Record<string, string> = {}) => {
      const ac = new AbortController();
      aborts.push(ac);
      return fetch(`${base}/v1/analyses/${id}/events`, { signal: ac.signal, headers });
    };
    try {
      const mine = await queued(local);
      const s1 = await open(mine);
      const s2 = await open(mine);
      expect([s1.status, s2.status]).toEqual([200, 200]);
      const s3 = await open(mine);
      expect([s3.status, ((await s3.json()) as { error: { code: string } }).error.code]).toEqual([429, 'too_many_streams']);
      const auth = { authorization: `Bearer ${key}` };
      const theirs = await queued(other);
      expect((await open(theirs, auth)).status).toBe(200);
      const overTotal = await open(theirs, auth);
      expect(overTotal.status).toBe(429);
      // Past its lifetime the stream ends by itself, says why, and frees its place.
      const started = Date.now();
      const text = await s1.text();
      expect(text).toMatch(/event: end\ndata: .*"reason":"max_lifetime"/);
      expect(Date.now() - started).toBeLessThan(30_000);
      await s2.text();
      const again = await open(mine);
      expect(again.status).toBe(200);
    } finally {
      for (const ac of aborts) ac.abort();
    }
  });

  it('bounds /api/relevancy waits per owner', async () => {
    const { app, db } = await gateway({ RELEVANCY_MAX_WAITS_PER_OWNER: '1', RELEVANCY_WAIT_MS: '60000' });
    const base = await listen(app);
    const local = await ensureOwner(db, LOCAL_OWNER);
    const r = await resumeRepo.create(db, { ownerId: local, name: 'CV', content: 'Python developer', language: 'en' });
    const v = await vacancyRepo.create(db, { ownerId: local, title: 'Dev', description: 'Python', language: 'en' });
    const url = `/api/relevancy/${r.id}/${v.id}/`;
    const ac = new AbortController();
    const waiting = fetch(base + url, { signal: ac.signal }).catch(() => null);
    try {
      // The first wait holds its place while no worker finishes the analysis.
      await new Promise((res) => setTimeout(res, 300));
      const second = await app.inject({ method: 'GET', url });
      expect([second.statusCode, code(second)]).toEqual([429, 'too_many_waits']);
    } finally {
      ac.abort();
      await waiting;
    }
    // The aborted wait gave its place back.
    await new Promise((res) => setTimeout(res, 700));
    const ac2 = new AbortController();
    const third = fetch(base + url, { signal: ac2.signal }).catch(() => null);
    await new Promise((res) => setTimeout(res, 300));
    expect(app.limits.relevancyWaits.open).toBe(1);
    ac2.abort();
    await third;
  });

  it('cuts off a client that trickles its body (408), instead of holding the connection forever', async () => {
    const { app } = await gateway({ HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '1000' });
    const base = new URL(await listen(app));
    const socket = connect({ host: base.hostname, port: Number(base.port) });
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      let got = '';
      socket.on('data', (d) => (got += d.toString()));
      socket.on('close', () => resolve(got));
      socket.on('error', () => resolve(got));
      socket.write('POST /v1/vacancies HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"title":');
      // One byte a second: every byte resets an idle timer, so only a limit on the whole request ends this.
      const drip = setInterval(() => socket.writable && socket.write(' '), 500);
      socket.on('close', () => clearInterval(drip));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // Generous bound: the server checks its open requests every two seconds or so.
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
