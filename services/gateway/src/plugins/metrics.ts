/** Prometheus metrics at /metrics: process defaults, request durations by route, and queue depths. */
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueName } from '@rc/contracts';
import { AppError } from '../errors.ts';
import { refuseCredential, refuseIfBlocked } from '../limits.ts';
import { isLoopbackClient, listensOnLoopback, namesLoopback, sameSecret } from '../loopback.ts';

export default fp(async (app) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'rc_' });
  const duration = new Histogram({
    name: 'rc_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'rc_queue_jobs',
    help: 'Jobs in each queue by state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const q of ['scoring', 'advice'] as QueueName[]) {
        const d = await app.deps.queue.depth(q).catch(() => null);
        if (!d) continue;
        for (const [state, n] of Object.entries(d)) this.set({ queue: q, state }, n);
      }
    },
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  // /metrics tells queue depths, routes and error rates: with METRICS_TOKEN set it asks for it (the scraper sends it
  // as a bearer token, read from a secret); without one it answers only on a loopback gateway called as loopback.
  const token = app.deps.config.METRICS_TOKEN;
  const loopbackServer = listensOnLoopback(app.deps.config.HOST);
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (token) {
      refuseIfBlocked(app.limits.authFailures, req.ip);
      const m = /^Bearer[ \t]{1,16}(\S{1,512})$/i.exec(req.headers.authorization ?? '');
      if (!m || !sameSecret(m[1]!, token)) {
        refuseCredential(app.limits.authFailures, req.ip, new AppError(401, 'invalid_metrics_token', 'send METRICS_TOKEN as Authorization: Bearer <token>'));
      }
    } else if (!loopbackServer || !isLoopbackClient(req.ip) || !namesLoopback(req.headers.host)) {
      throw new AppError(403, 'metrics_token_required', 'set METRICS_TOKEN to read /metrics from another address');
    }
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
});
