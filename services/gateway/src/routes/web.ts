/**
 * The web page at `/`: plain HTML, CSS and one ES module from services/gateway/public, no build step and no
 * requests to anything but this API. Assets live under /static/, which the auth plugin lets through without a key.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

export const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');

// The page talks only to its own origin; the policy makes a slip (a CDN link, an inline script) fail loudly.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const routes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, {
    root: join(publicDir, 'static'),
    prefix: '/static/',
    index: false,
    // Revalidated by ETag on every load, so a new release is picked up without a hard refresh.
    cacheControl: true,
    maxAge: 0,
  });

  const page = (reply: FastifyReply) =>
    reply
      .header('content-security-policy', CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .sendFile('index.html', publicDir);

  app.get('/', { schema: { hide: true } }, (_req, reply) => page(reply));
  app.get('/index.html', { schema: { hide: true } }, (_req, reply) => page(reply));
  app.get('/favicon.ico', { schema: { hide: true } }, (_req, reply) => reply.type('image/svg+xml').sendFile('favicon.svg', join(publicDir, 'static')));
};

export default routes;
