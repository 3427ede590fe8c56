/** Builds the gateway's Fastify app: plugins, the error handler, OpenAPI, and every route. */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { GatewayDeps } from './context.ts';
import { formBodyParser, jsonBodyParser } from './json-body.ts';
import { AppError, registerErrorHandler } from './errors.ts';
import { FailureCounter, SlotLimiter } from './limits.ts';
import auth from './plugins/auth.ts';
import metrics from './plugins/metrics.ts';
import admin from './routes/admin.ts';
import analyses from './routes/analyses.ts';
import compat from './routes/compat.ts';
import health from './routes/health.ts';
import rankings from './routes/rankings.ts';
import resumes from './routes/resumes.ts';
import vacancies from './routes/vacancies.ts';
import web from './routes/web.ts';

/** TRUST_PROXY as Fastify takes it: a hop count trusts that many proxies nearest the gateway. */
function trustProxy(setting: false | number | string[]): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

export async function buildApp(deps: GatewayDeps, opts: { logger?: FastifyBaseLogger } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    // The original API's clients call /api/vacancies/ with the slash (Django REST Framework); v1 clients without it.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    bodyLimit: Math.max(1024 * 1024, deps.config.MAX_TEXT_CHARS * 4 + 64 * 1024),
    // A client that trickles its headers or body is cut off (408) instead of holding a connection forever. Node checks
    // these every connectionsCheckingInterval, so the cut comes at most that much late.
    requestTimeout: deps.config.HTTP_REQUEST_TIMEOUT_MS,
    http: {
      headersTimeout: Math.min(deps.config.HTTP_HEADERS_TIMEOUT_MS, deps.config.HTTP_REQUEST_TIMEOUT_MS),
      connectionsCheckingInterval: Math.min(2_000, deps.config.HTTP_HEADERS_TIMEOUT_MS),
    },
    // A socket silent for longer than the longest legitimate silence (a relevancy wait; streams send a heartbeat
    // every 15 s) is closed.
    connectionTimeout: deps.config.RELEVANCY_WAIT_MS + 30_000,
    genReqId: () => crypto.randomUUID(),
    // req.ip is the socket's address unless TRUST_PROXY names the proxies whose X-Forwarded-For is believed: rate
    // limits, the wrong-credential limit and the keyless local owner all read it.
    trustProxy: trustProxy(deps.config.TRUST_PROXY),
    // On close, progress streams and relevancy waits are cut (their clients reconnect or ask again): otherwise one
    // open stream would hold a stopping gateway for its whole lifetime.
    forceCloseConnections: true,
    // Errors the router raises before any route runs get the same body shape as every other error.
    frameworkErrors: (err, _req, reply) => {
      const [status, code]: [number, string] =
        err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? [414, 'uri_too_long'] : err.code === 'FST_ERR_BAD_URL' ? [400, 'bad_url'] : [400, 'bad_request'];
      void reply
        .code(status as never)
        .send({ error: { code, message: err.message.slice(0, 200) } } as never);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  app.decorate('limits', {
    streams: new SlotLimiter('progress streams', 'too_many_streams', deps.config.SSE_MAX_PER_OWNER, deps.config.SSE_MAX_TOTAL),
    relevancyWaits: new SlotLimiter('relevancy waits', 'too_many_waits', deps.config.RELEVANCY_MAX_WAITS_PER_OWNER, deps.config.RELEVANCY_MAX_WAITS_TOTAL),
    // One count per address for wrong API keys, admin tokens and metrics tokens alike: guessing one is guessing.
    authFailures: new FailureCounter(deps.config.AUTH_FAILURES_PER_MINUTE),
  });
  registerErrorHandler(app);

  // Cross-origin reads only for the origins configured: the product's page is same-origin, and a page of any other
  // site must not read the local owner's resumes through the visitor's browser.
  const origins = deps.config.CORS_ORIGINS;
  await app.register(cors, { origin: origins.length ? origins : false, methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, jsonBodyParser(deps.config.MAX_JSON_DEPTH));
  await app.register(formbody, { parser: formBodyParser });
  await app.register(multipart, {
    limits: { fileSize: deps.config.MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 20 },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Resume Checker API', version: '1.0.0', description: 'How well a resume fits a vacancy: score, evidence, advice, rankings.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(metrics);
  await app.register(auth);
  if (deps.config.RATE_LIMIT_PER_MINUTE > 0) {
    // Shared across gateway replicas through Redis in distributed mode; per process when embedded.
    const redis = deps.config.REDIS_URL ? new Redis(deps.config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 }) : undefined;
    redis?.on('error', () => undefined);
    if (redis) app.addHook('onClose', async () => redis.disconnect());
    await app.register(rateLimit, {
      max: deps.config.RATE_LIMIT_PER_MINUTE,
      timeWindow: 60_000,
      hook: 'preHandler',
      redis,
      nameSpace: `${deps.config.QUEUE_PREFIX}:rate:`,
      // A Redis hiccup must not take the API down with it.
      skipOnError: true,
      keyGenerator: (req) => (req.ownerId && req.headers.authorization ? `owner:${req.ownerId}` : `ip:${req.ip}`),
      allowList: (req) => /^\/(healthz|readyz|metrics)/.test(req.url),
      errorResponseBuilder: (_req, ctx) =>
        new AppError(429, 'rate_limited', `too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`, { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) }),
    });
  }

  await app.register(health);
  await app.register(vacancies);
  await app.register(resumes);
  await app.register(analyses);
  await app.register(rankings);
  await app.register(compat);
  await app.register(admin);
  await app.register(web);
  return app;
}
