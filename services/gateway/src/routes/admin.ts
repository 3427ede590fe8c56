/**
 * Admin endpoints, behind ADMIN_TOKEN: the stored LLM exchanges as a chat-format JSONL fine-tuning set for the
 * in-house advice model, personal data masked, streamed page by page; and new API keys, which is how
 * `pnpm cli keys create` makes one while the embedded server holds the database.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiKey } from '@rc/db';
import { AppError } from '../errors.ts';
import { errors } from '../schemas.ts';
import { refuseCredential, refuseIfBlocked } from '../limits.ts';
import { localVerdict } from '../loopback.ts';
import { exportTrainingData } from '../use-cases/export-training-data.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;

  app.post(
    '/v1/admin/keys',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Create an API key for an owner, shown once. Needs ADMIN_TOKEN as X-Admin-Token, or a keyless request from this machine to a loopback server (AUTH=optional)',
        body: z.object({ owner: z.string().trim().min(1).max(200) }),
        response: { 201: z.object({ key: z.string(), prefix: z.string(), owner: z.string() }), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const given = req.headers['x-admin-token'];
      if (typeof given === 'string') {
        refuseIfBlocked(app.limits.authFailures, req.ip);
        if (!config.ADMIN_TOKEN || !timingSafeEqual(digest(given), digest(config.ADMIN_TOKEN))) {
          refuseCredential(app.limits.authFailures, req.ip, new AppError(401, 'invalid_admin_token', 'the admin token is not valid'));
        }
      } else if (localVerdict(config, req) !== 'local') {
        // Whoever may act as the keyless local owner already holds this machine's data folder, which is what the CLI
        // would open; anyone else needs the admin token.
        throw new AppError(403, 'admin_token_required', 'send ADMIN_TOKEN as X-Admin-Token to create keys on this server');
      }
      const { key, prefix } = await createApiKey(db, req.body.owner);
      return reply.code(201).send({ key, prefix, owner: req.body.owner });
    },
  );

  app.get(
    '/v1/admin/training-data',
    {
      schema: {
        tags: ['admin'],
        summary: 'Stored LLM exchanges as chat-format JSONL for fine-tuning (personal data masked); needs ADMIN_TOKEN as X-Admin-Token',
        querystring: z.object({ only_good: z.enum(['true', 'false']).default('true') }),
        produces: ['application/x-ndjson'],
        response: { ...errors(401, 403) },
      },
    },
    async (req, reply) => {
      if (!config.ADMIN_TOKEN) throw new AppError(403, 'admin_disabled', 'admin endpoints are off: set ADMIN_TOKEN');
      refuseIfBlocked(app.limits.authFailures, req.ip);
      const given = req.headers['x-admin-token'];
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), digest(config.ADMIN_TOKEN))) {
        refuseCredential(app.limits.authFailures, req.ip, new AppError(401, 'invalid_admin_token', 'send the admin token as X-Admin-Token'));
      }
      const onlyGood = req.query.only_good === 'true';
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': 'attachment; filename="training-data.jsonl"' });
      try {
        for await (const page of exportTrainingData(db, { onlyGood })) {
          if (page.jsonl && !reply.raw.write(page.jsonl)) await new Promise((r) => reply.raw.once('drain', r));
        }
      } catch (err) {
        req.log.error({ err }, 'training-data export failed midway');
      }
      reply.raw.end();
    },
  );
};

export default routes;
