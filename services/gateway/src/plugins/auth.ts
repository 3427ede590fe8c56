/**
 * Resolves the caller's owner from `Authorization: Bearer <key>`. Without a key a request acts as the one local
 * owner only where that is safe (AUTH=optional, the gateway on loopback, a loopback Host, no foreign Origin); anywhere
 * else it is refused. Failed authentications are counted per client address and limited (with the admin and metrics
 * tokens' in one count, app.limits.authFailures). Every route reads only
 * `req.ownerId`.
 */
import fp from 'fastify-plugin';
import { ensureOwner, findOwnerByKey, LOCAL_OWNER } from '@rc/db';
import { AppError } from '../errors.ts';
import { LruCache, refuseCredential, refuseIfBlocked } from '../limits.ts';
import { localVerdict } from '../loopback.ts';

const PUBLIC = [/^\/v1\/admin\//, /^\/healthz/, /^\/readyz/, /^\/metrics/, /^\/docs/, /^\/$/, /^\/static\//, /^\/favicon/, /^\/index\.html/];
const CACHE_MS = 30_000;
// Only valid keys are cached, most recently used kept: invalid keys cannot push valid ones out.
const CACHE_MAX = 10_000;

export default fp(async (app) => {
  const { config } = app.deps;
  const cache = new LruCache<{ ownerId: string; until: number }>(CACHE_MAX);
  const failures = app.limits.authFailures;
  let localOwnerId: string | null = null;

  const refuse = (ip: string, err: AppError): never => refuseCredential(failures, ip, err);

  app.decorateRequest('ownerId', '');
  app.addHook('onRequest', async (req) => {
    const path = req.url.split('?')[0] ?? '/';
    if (req.method === 'OPTIONS' || PUBLIC.some((re) => re.test(path))) return;
    const header = req.headers.authorization;
    if (!header) {
      const verdict = localVerdict(config, req);
      if (verdict === 'keys_required') throw new AppError(401, 'missing_api_key', 'send an API key as Authorization: Bearer <key>');
      if (verdict === 'client_not_local') throw new AppError(401, 'missing_api_key', 'requests from another machine need an API key: send it as Authorization: Bearer <key>');
      // The keyless owner is for a browser or tool on this machine. Another name in Host means the request came
      // through a name that resolves here (DNS rebinding) or a proxy: it must bring a key.
      if (verdict === 'host_not_local') throw new AppError(421, 'host_not_local', 'without an API key, call this server as localhost, 127.0.0.1 or [::1]');
      if (verdict === 'origin_not_allowed') throw new AppError(403, 'origin_not_allowed', 'requests from another site need an API key');
      localOwnerId ??= await ensureOwner(app.deps.db, LOCAL_OWNER);
      req.ownerId = localOwnerId;
      return;
    }
    const m = /^Bearer[ \t]{1,16}(\S{1,512})$/i.exec(header);
    const key = m?.[1];
    const now = Date.now();
    let hit = key === undefined ? undefined : cache.get(key);
    if (!hit || hit.until < now) {
      // An address that sent too many wrong keys gets no more database lookups for a while. A key known valid (in
      // the cache) still passes: behind a proxy many callers share one address, and one of them guessing must not
      // lock the others out.
      refuseIfBlocked(failures, req.ip);
      if (key === undefined) refuse(req.ip, new AppError(401, 'invalid_authorization', 'the Authorization header must be: Bearer <key>'));
      const owner = await findOwnerByKey(app.deps.db, key!);
      if (!owner) {
        cache.delete(key!);
        refuse(req.ip, new AppError(401, 'invalid_api_key', 'the API key is not valid'));
      }
      hit = { ownerId: owner!.ownerId, until: now + CACHE_MS };
      cache.set(key!, hit);
    }
    req.ownerId = hit.ownerId;
  });
});
