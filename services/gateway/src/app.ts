/** Builds the gateway's Fastify app: plugins, the error handler, OpenAPI, and every route. */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { GatewayDeps } from './context.ts';
import { registerErrorHandler } from './errors.ts';
import auth from './plugins/auth.ts';
import metrics from './plugins/metrics.ts';
import analyses from './routes/analyses.ts';
import compat from './routes/compat.ts';
import health from './routes/health.ts';
import rankings from './routes/rankings.ts';
import resumes from './routes/resumes.ts';
import vacancies from './routes/vacancies.ts';

export async function buildApp(deps: GatewayDeps, opts: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // The original API's clients call /api/vacancies/ with the slash (Django REST Framework); v1 clients without it.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    bodyLimit: Math.max(1024 * 1024, deps.config.MAX_TEXT_CHARS * 4 + 64 * 1024),
    requestTimeout: 0,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  registerErrorHandler(app);

  // The original page calls http://127.0.0.1:8000/api/... from wherever it is opened.
  await app.register(cors, { origin: true, methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] });
  await app.register(formbody);
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

  await app.register(health);
  await app.register(vacancies);
  await app.register(resumes);
  await app.register(analyses);
  await app.register(rankings);
  await app.register(compat);
  return app;
}
