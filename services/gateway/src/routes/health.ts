/** Liveness (/healthz) and readiness (/readyz: the database and the queue answer). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const health = z.object({ status: z.string(), checks: z.record(z.string(), z.string()).optional() });

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/healthz', { schema: { tags: ['health'], response: { 200: health } } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { tags: ['health'], response: { 200: health, 503: health } } }, async (_req, reply) => {
    const withTimeout = (p: Promise<void>) =>
      Promise.race([p.then(() => 'ok'), new Promise<string>((r) => setTimeout(() => r('timeout'), 2_000))]).catch((e: Error) => `error: ${e.message}`);
    const [database, queue] = await Promise.all([withTimeout(app.deps.pingDb()), withTimeout(app.deps.queue.ping())]);
    const ok = database === 'ok' && queue === 'ok';
    if (!ok) reply.header('retry-after', '5');
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready', checks: { database, queue } });
  });
};

export default routes;
