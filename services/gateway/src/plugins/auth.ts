/**
 * Resolves the caller's owner from `Authorization: Bearer <key>`. Without a key the embedded default acts as the one
 * local owner, unless AUTH=required. Every route below reads only `req.ownerId`.
 */
import fp from 'fastify-plugin';
import { ensureOwner, findOwnerByKey, LOCAL_OWNER } from '@rc/db';
import { AppError } from '../errors.ts';

const PUBLIC = [/^\/v1\/admin\//, /^\/healthz/, /^\/readyz/, /^\/metrics/, /^\/docs/, /^\/$/, /^\/static\//, /^\/favicon/, /^\/index\.html/];
const CACHE_MS = 30_000;

export default fp(async (app) => {
  const cache = new Map<string, { ownerId: string | null; until: number }>();
  let localOwnerId: string | null = null;

  app.decorateRequest('ownerId', '');
  app.addHook('onRequest', async (req) => {
    const path = req.url.split('?')[0] ?? '/';
    if (req.method === 'OPTIONS' || PUBLIC.some((re) => re.test(path))) return;
    const header = req.headers.authorization;
    if (!header) {
      if (app.deps.config.AUTH === 'required') throw new AppError(401, 'missing_api_key', 'send an API key as Authorization: Bearer <key>');
      localOwnerId ??= await ensureOwner(app.deps.db, LOCAL_OWNER);
      req.ownerId = localOwnerId;
      return;
    }
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new AppError(401, 'invalid_authorization', 'the Authorization header must be: Bearer <key>');
    const key = m[1]!;
    const now = Date.now();
    let hit = cache.get(key);
    if (!hit || hit.until < now) {
      const owner = await findOwnerByKey(app.deps.db, key);
      hit = { ownerId: owner?.ownerId ?? null, until: now + CACHE_MS };
      if (cache.size > 10_000) cache.clear();
      cache.set(key, hit);
    }
    if (!hit.ownerId) throw new AppError(401, 'invalid_api_key', 'the API key is not valid');
    req.ownerId = hit.ownerId;
  });
});
