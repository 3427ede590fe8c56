/**
 * The original product's API, kept for its page and its unchanged clients: Django REST Framework-style
 * /api/vacancies/ and /api/resumes/ (trailing slashes, plain lists) and the blocking /api/relevancy/<resume>/<vacancy>/.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adviceSchema, vacancyText, type Advice } from '@rc/contracts';
import { resumeRepo, vacancyRepo } from '@rc/db';
import { detectLanguage } from '@rc/text';
import { analysisForPair } from '../use-cases/analysis-for-pair.ts';
import { checkTextLength } from '../use-cases/check-text-length.ts';
import { waitForAnalysis } from '../use-cases/wait-for-analysis.ts';
import { AppError, notFound } from '../errors.ts';
import { errors, noContent } from '../schemas.ts';

const uuid = z.string().uuid();
const pk = z.object({ id: z.string() });
const LIST_CAP = 1000;

const legacyVacancy = z.object({ id: z.string(), title: z.string(), description: z.string() });
const legacyVacancyIn = z.object({ title: z.string().trim().min(1).max(300), description: z.string().trim().min(1) });
const legacyResume = z.object({ id: z.string(), name: z.string(), content: z.string() });
const legacyResumeIn = z.object({ name: z.string().trim().min(1).max(300), content: z.string().trim().min(1) });
/** The original product's answer: its score and the advice fields, under their original names. */
const relevancy = z.object({ score: z.number(), ...adviceSchema.shape });

/** Ids that are not ours answer 404, as the original did for a missing primary key. */
function id(raw: string, what: string): string {
  if (!uuid.safeParse(raw).success) throw notFound(what);
  return raw;
}

const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const tags = ['original API'];

  // Vacancies
  app.get('/api/vacancies/', { schema: { tags, response: { 200: z.array(legacyVacancy), ...errors(401) } } }, async (req) => {
    const p = await vacancyRepo.list(db, req.ownerId, { limit: LIST_CAP });
    return p.items.map((v) => ({ id: v.id, title: v.title, description: v.description }));
  });
  app.post('/api/vacancies/', { schema: { tags, body: legacyVacancyIn, response: { 201: legacyVacancy, ...errors(400, 401, 422) } } }, async (req, reply) => {
    checkTextLength(app.deps, 'description', req.body.description);
    const v = await vacancyRepo.create(db, { ownerId: req.ownerId, ...req.body, language: detectLanguage(vacancyText(req.body)) });
    return reply.code(201).send({ id: v.id, title: v.title, description: v.description });
  });
  app.get('/api/vacancies/:id/', { schema: { tags, params: pk, response: { 200: legacyVacancy, ...errors(401, 404) } } }, async (req) => {
    const v = await vacancyRepo.get(db, req.ownerId, id(req.params.id, 'vacancy'));
    if (!v) throw notFound('vacancy');
    return { id: v.id, title: v.title, description: v.description };
  });
  for (const method of ['put', 'patch'] as const) {
    const body = method === 'put' ? legacyVacancyIn : legacyVacancyIn.partial();
    app[method]('/api/vacancies/:id/', { schema: { tags, params: pk, body, response: { 200: legacyVacancy, ...errors(400, 401, 404, 422) } } }, async (req) => {
      const vid = id(req.params.id, 'vacancy');
      const cur = await vacancyRepo.get(db, req.ownerId, vid);
      if (!cur) throw notFound('vacancy');
      const next = { title: req.body.title ?? cur.title, description: req.body.description ?? cur.description };
      checkTextLength(app.deps, 'description', next.description);
      const v = await vacancyRepo.update(db, req.ownerId, vid, { ...next, language: detectLanguage(vacancyText(next)) });
      if (!v) throw notFound('vacancy');
      return { id: v.id, title: v.title, description: v.description };
    });
  }
  app.delete('/api/vacancies/:id/', { schema: { tags, params: pk, response: { 204: noContent, ...errors(401, 404) } } }, async (req, reply) => {
    if (!(await vacancyRepo.delete(db, req.ownerId, id(req.params.id, 'vacancy')))) throw notFound('vacancy');
    return reply.code(204).send(null);
  });

  // Resumes
  app.get('/api/resumes/', { schema: { tags, response: { 200: z.array(legacyResume), ...errors(401) } } }, async (req) => {
    const p = await resumeRepo.list(db, req.ownerId, { limit: LIST_CAP });
    return p.items.map((r) => ({ id: r.id, name: r.name, content: r.content }));
  });
  app.post('/api/resumes/', { schema: { tags, body: legacyResumeIn, response: { 201: legacyResume, ...errors(400, 401, 422) } } }, async (req, reply) => {
    checkTextLength(app.deps, 'content', req.body.content);
    const r = await resumeRepo.create(db, { ownerId: req.ownerId, ...req.body, language: detectLanguage(req.body.content) });
    return reply.code(201).send({ id: r.id, name: r.name, content: r.content });
  });
  app.get('/api/resumes/:id/', { schema: { tags, params: pk, response: { 200: legacyResume, ...errors(401, 404) } } }, async (req) => {
    const r = await resumeRepo.get(db, req.ownerId, id(req.params.id, 'resume'));
    if (!r) throw notFound('resume');
    return { id: r.id, name: r.name, content: r.content };
  });
  for (const method of ['put', 'patch'] as const) {
    const body = method === 'put' ? legacyResumeIn : legacyResumeIn.partial();
    app[method]('/api/resumes/:id/', { schema: { tags, params: pk, body, response: { 200: legacyResume, ...errors(400, 401, 404, 422) } } }, async (req) => {
      if (req.body.content !== undefined) checkTextLength(app.deps, 'content', req.body.content);
      const patch = req.body.content !== undefined ? { ...req.body, language: detectLanguage(req.body.content) } : { ...req.body };
      const r = await resumeRepo.update(db, req.ownerId, id(req.params.id, 'resume'), patch);
      if (!r) throw notFound('resume');
      return { id: r.id, name: r.name, content: r.content };
    });
  }
  app.delete('/api/resumes/:id/', { schema: { tags, params: pk, response: { 204: noContent, ...errors(401, 404) } } }, async (req, reply) => {
    if (!(await resumeRepo.delete(db, req.ownerId, id(req.params.id, 'resume')))) throw notFound('resume');
    return reply.code(204).send(null);
  });

  // Relevancy: waits for the analysis, as the original answered synchronously.
  app.get(
    '/api/relevancy/:resumeId/:vacancyId/',
    {
      schema: {
        tags,
        summary: 'Score a saved resume against a saved vacancy and wait for the advice (the original product’s endpoint)',
        params: z.object({ resumeId: z.string(), vacancyId: z.string() }),
        response: { 200: relevancy, ...errors(401, 404, 429, 502, 503) },
      },
    },
    async (req) => {
      const resumeId = id(req.params.resumeId, 'resume');
      const vacancyId = id(req.params.vacancyId, 'vacancy');
      // Each wait holds a socket and polls the database: bounded per owner and in total (429 past either).
      const release = app.limits.relevancyWaits.acquire(req.ownerId);
      let row;
      try {
        const analysis = await analysisForPair(app.deps, req.log, req.ownerId, resumeId, vacancyId);
        const abort = new AbortController();
        req.raw.on('close', () => abort.abort());
        row = await waitForAnalysis(app.deps, req.ownerId, analysis.id, app.deps.config.RELEVANCY_WAIT_MS, abort.signal);
      } finally {
        release();
      }
      if (!row) throw notFound('analysis');
      if (row.status === 'failed') {
        const e = row.error?.message ?? 'the analysis failed';
        throw new AppError(502, 'analysis_failed', e);
      }
      if (row.status !== 'done') {
        throw new AppError(503, 'analysis_pending', `the analysis ${row.id} is still running; ask again shortly`, { 'retry-after': '5' });
      }
      const advice: Partial<Advice> = row.advice ?? {};
      return {
        score: row.score ?? 0,
        strengths: advice.strengths ?? [],
        weaknesses: advice.weaknesses ?? [],
        rewrite_suggestions: advice.rewrite_suggestions ?? [],
        learning_recommendations: advice.learning_recommendations ?? [],
        reflection_points: advice.reflection_points ?? [],
        upgrades: advice.upgrades ?? '',
      };
    },
  );
};

export default routes;
