import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@rc/config';
import { createDatabase, type DatabaseHandle } from '@rc/db';
import { InProcessQueue, LocalProgressBus } from '@rc/queue';
import { buildApp } from './app.ts';

// Who the client is, with and without TRUST_PROXY: rate limits, the wrong-credential limit and the keyless local
// owner all read req.ip, which X-Forwarded-For may set only when it comes from a proxy the configuration names.
const opened: Array<{ app: FastifyInstance; database: DatabaseHandle }> = [];
async function gateway(env: Record<string, string>) {
  const config = loadConfig({ LOG_LEVEL: 'silent', MODEL_DIR: 'none', ...env });
  const database = await createDatabase({ dataDir: 'memory://' });
  const app = await buildApp({ config, db: database.db, queue: new InProcessQueue(), bus: new LocalProgressBus(), pingDb: database.ping });
  opened.push({ app, database });
  return app;
}
afterAll(async () => {
  for (const g of opened) {
    await g.app.close();
    await g.database.close();
  }
});

const code = (r: { body: string }) => (JSON.parse(r.body) as { error?: { code: string } }).error?.code;
const LIMITS = { RATE_LIMIT_PER_MINUTE: '2', AUTH_FAILURES_PER_MINUTE: '2' };
const request = (app: FastifyInstance, socket: string, forwarded: string | undefined, key?: string) =>
  app.inject({
    method: 'GET',
    url: '/v1/resumes',
    remoteAddress: socket,
    headers: { ...(forwarded ? { 'x-forwarded-for': forwarded } : {}), ...(key ? { authorization: `Bearer ${key}` } : {}) },
  });

describe('the client address', { timeout: 180_000 }, () => {
  it('without TRUST_PROXY is the socket address, whatever X-Forwarded-For says', async () => {
    const app = await gateway(LIMITS);
    // A new forwarded address on every request from this machine does not buy new requests: the socket's is counted.
    const local = [];
    for (const i of [1, 2, 3]) local.push((await request(app, '127.0.0.1', `203.0.113.${i}`)).statusCode);
    expect(local).toEqual([200, 200, 429]);
    // Nor new wrong-key guesses from another address.
    const guesses = [];
    for (const i of [1, 2, 3]) guesses.push(code(await request(app, '198.51.100.7', `203.0.113.${i}`, `rc_guess_${i}`)));
    expect(guesses).toEqual(['invalid_api_key', 'invalid_api_key', 'too_many_auth_failures']);
    // A forwarded loopback address does not make a remote caller the keyless local owner.
    const remote = await request(app, '198.51.100.8', '127.0.0.1');
    expect([remote.statusCode, code(remote)]).toEqual([401, 'missing_api_key']);
  });

  it('with TRUST_PROXY is the address the named proxy forwards, and only that proxy is believed', async () => {
    const app = await gateway({ ...LIMITS, TRUST_PROXY: '127.0.0.1' });
    // A remote caller relayed by the proxy on this machine is not the local user.
    const relayed = await request(app, '127.0.0.1', '203.0.113.5');
    expect([relayed.statusCode, code(relayed)]).toEqual([401, 'missing_api_key']);
    expect((await request(app, '127.0.0.1', '127.0.0.1')).statusCode).toBe(200);
    // Each forwarded address has its own rate limit.
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push((await request(app, '127.0.0.1', '127.0.0.5')).statusCode);
    expect(counts).toEqual([200, 200, 429]);
    expect((await request(app, '127.0.0.1', '127.0.0.6')).statusCode).toBe(200);
    // And its own wrong-key count: one guesser behind the proxy does not lock out the others.
    const guesses = [];
    for (let i = 0; i < 3; i++) guesses.push(code(await request(app, '127.0.0.1', '203.0.113.9', `rc_guess_${i}`)));
    expect(guesses).toEqual(['invalid_api_key', 'invalid_api_key', 'too_many_auth_failures']);
    expect(code(await request(app, '127.0.0.1', '203.0.113.10', 'rc_guess_x'))).toBe('invalid_api_key');
    // A caller that is not the proxy cannot forward its way to loopback or to a fresh count.
    const spoofed = await request(app, '198.51.100.9', '127.0.0.1');
    expect([spoofed.statusCode, code(spoofed)]).toEqual([401, 'missing_api_key']);
    const spoofedGuesses = [];
    for (const i of [1, 2, 3]) spoofedGuesses.push(code(await request(app, '198.51.100.9', `203.0.113.${20 + i}`, `rc_guess_${i}`)));
    expect(spoofedGuesses).toEqual(['invalid_api_key', 'invalid_api_key', 'too_many_auth_failures']);
  });
});
