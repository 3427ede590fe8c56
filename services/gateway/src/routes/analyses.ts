/** /v1/analyses: accept an analysis (202), read it, stream its progress (SSE). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analysisRepo } from '@rc/db';
import { acceptAnalysis } from '../use-cases/accept-analysis.ts';
import { notFound } from '../errors.ts';
import { analysisInput, analysisOut, errors, idParams, listQuery, page, toAnalysis, noContent } from '../schemas.ts';
import { streamProgress } from '../sse.ts';

const accepted = z.object({ id: z.string(), status: z.string(), links: z.object({ self: z.string(), events: z.string() }) });

const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const tags = ['analyses'];

  app.post(
    '/v1/analyses',
    {
      schema: {
        tags,
        summary: 'Analyse a resume against a vacancy (by ids or inline texts); answers at once with the analysis id',
        body: analysisInput,
        response: { 202: accepted, ...errors(400, 401, 404, 422) },
      },
    },
    async (req, reply) => {
      const row = await acceptAnalysis(app.deps, req.log, req.ownerId, req.body);
      return reply
        .code(202)
        .header('location', `/v1/analyses/${row.id}`)
        .send({ id: row.id, status: row.status, links: { self: `/v1/analyses/${row.id}`, events: `/v1/analyses/${row.id}/events` } });
    },
  );

  app.get('/v1/analyses', { schema: { tags, querystring: listQuery, response: { 200: page(analysisOut), ...errors(400, 401) } } }, async (req) => {
    const p = await analysisRepo.list(db, req.ownerId, req.query);
    return { items: p.items.map(toAnalysis), next_cursor: p.nextCursor };
  });

  app.get('/v1/analyses/:id', { schema: { tags, params: idParams, response: { 200: analysisOut, ...errors(401, 404) } } }, async (req) => {
    const row = await analysisRepo.get(db, req.ownerId, req.params.id);
    if (!row) throw notFound('analysis');
    return toAnalysis(row);
  });

  app.get(
    '/v1/analyses/:id/events',
    { schema: { tags, summary: 'Progress as Server-Sent Events (event: progress, then event: end)', params: idParams, produces: ['text/event-stream'] } },
    async (req, reply) => {
      await streamProgress(req, reply, {
        id: req.params.id,
        load: async () => {
          const row = await analysisRepo.get(db, req.ownerId, req.params.id);
          return row && { status: row.status, progress: row.progress };
        },
      });
    },
  );

  app.delete('/v1/analyses/:id', { schema: { tags, params: idParams, response: { 204: noContent, ...errors(401, 404) } } }, async (req, reply) => {
    if (!(await analysisRepo.delete(db, req.ownerId, req.params.id))) throw notFound('analysis');
    return reply.code(204).send(null);
  });
};

export default routes;
