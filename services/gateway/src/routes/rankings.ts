/** /v1/rankings: rank the caller's vacancies for a resume, or resumes for a vacancy (prefilter + cross-encoder). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rankingRepo, resumeRepo, vacancyRepo } from '@rc/db';
import { notFound } from '../errors.ts';
import { errors, idParams, listQuery, page, rankingInput, rankingOut, toRanking } from '../schemas.ts';
import { streamProgress } from '../sse.ts';
import { acceptRanking } from '../use-cases/accept-ranking.ts';

const accepted = z.object({ id: z.string(), status: z.string(), links: z.object({ self: z.string(), events: z.string() }) });

const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const tags = ['rankings'];

  app.post(
    '/v1/rankings',
    { schema: { tags, body: rankingInput, response: { 202: accepted, ...errors(400, 401, 404, 422, 429) } } },
    async (req, reply) => {
      const row = await acceptRanking(app.deps, req.log, req.ownerId, req.body);
      return reply
        .code(202)
        .header('location', `/v1/rankings/${row.id}`)
        .send({ id: row.id, status: row.status, links: { self: `/v1/rankings/${row.id}`, events: `/v1/rankings/${row.id}/events` } });
    },
  );

  app.get('/v1/rankings', { schema: { tags, querystring: listQuery, response: { 200: page(rankingOut), ...errors(400, 401) } } }, async (req) => {
    const p = await rankingRepo.list(db, req.ownerId, req.query);
    return { items: p.items.map((r) => toRanking(r, [], new Map())), next_cursor: p.nextCursor };
  });

  app.get('/v1/rankings/:id', { schema: { tags, params: idParams, response: { 200: rankingOut, ...errors(401, 404) } } }, async (req) => {
    const r = await rankingRepo.get(db, req.ownerId, req.params.id);
    if (!r) throw notFound('ranking');
    const entries = await rankingRepo.entries(db, r.id, r.limit);
    const ids = entries.map((e) => e.candidateId);
    const titles = new Map<string, string>();
    if (r.target === 'vacancies') for (const v of await vacancyRepo.getMany(db, req.ownerId, ids)) titles.set(v.id, v.title);
    else for (const x of await resumeRepo.getMany(db, req.ownerId, ids)) titles.set(x.id, x.name);
    // Entries whose candidate was deleted since are not shown.
    return toRanking(r, entries.filter((e) => titles.has(e.candidateId)), titles);
  });

  app.get(
    '/v1/rankings/:id/events',
    { schema: { tags, summary: 'Progress as Server-Sent Events', params: idParams, produces: ['text/event-stream'] } },
    async (req, reply) => {
      await streamProgress(req, reply, {
        id: req.params.id,
        load: async () => {
          const r = await rankingRepo.get(db, req.ownerId, req.params.id);
          return r && { status: r.status, progress: r.progress };
        },
      });
    },
  );
};

export default routes;
