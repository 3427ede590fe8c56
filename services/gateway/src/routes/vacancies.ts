/** /v1/vacancies: create, list (cursor pagination), read, update, delete — always within the caller's own data. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { vacancyRepo } from '@rc/db';
import { detectLanguage, postingTitle } from '@rc/text';
import { vacancyText } from '@rc/contracts';
import { checkTextLength } from '../use-cases/check-text-length.ts';
import { notFound } from '../errors.ts';
import { errors, idParams, listQuery, page, toVacancy, vacancyInput, vacancyOut, vacancyPatch, noContent } from '../schemas.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const tags = ['vacancies'];

  app.post('/v1/vacancies', { schema: { tags, body: vacancyInput, response: { 201: vacancyOut, ...errors(400, 401, 422) } } }, async (req, reply) => {
    checkTextLength(app.deps, 'description', req.body.description);
    const input = { title: req.body.title ?? postingTitle(req.body.description), description: req.body.description };
    const v = await vacancyRepo.create(db, { ownerId: req.ownerId, ...input, language: detectLanguage(vacancyText(input)) });
    return reply.code(201).send(toVacancy(v));
  });

  app.get('/v1/vacancies', { schema: { tags, querystring: listQuery, response: { 200: page(vacancyOut), ...errors(400, 401) } } }, async (req) => {
    const p = await vacancyRepo.list(db, req.ownerId, req.query);
    return { items: p.items.map(toVacancy), next_cursor: p.nextCursor };
  });

  app.get('/v1/vacancies/:id', { schema: { tags, params: idParams, response: { 200: vacancyOut, ...errors(401, 404) } } }, async (req) => {
    const v = await vacancyRepo.get(db, req.ownerId, req.params.id);
    if (!v) throw notFound('vacancy');
    return toVacancy(v);
  });

  app.patch('/v1/vacancies/:id', { schema: { tags, params: idParams, body: vacancyPatch, response: { 200: vacancyOut, ...errors(400, 401, 404, 422) } } }, async (req) => {
    const current = await vacancyRepo.get(db, req.ownerId, req.params.id);
    if (!current) throw notFound('vacancy');
    const next = { title: req.body.title ?? current.title, description: req.body.description ?? current.description };
    checkTextLength(app.deps, 'description', next.description);
    const v = await vacancyRepo.update(db, req.ownerId, req.params.id, { ...next, language: detectLanguage(vacancyText(next)) });
    if (!v) throw notFound('vacancy');
    return toVacancy(v);
  });

  app.delete('/v1/vacancies/:id', { schema: { tags, params: idParams, response: { 204: noContent, ...errors(401, 404) } } }, async (req, reply) => {
    if (!(await vacancyRepo.delete(db, req.ownerId, req.params.id))) throw notFound('vacancy');
    return reply.code(204).send(null);
  });
};

export default routes;
