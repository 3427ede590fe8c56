/** /v1/resumes: JSON text or an uploaded file (PDF, DOCX, TXT), with the extracted text kept. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resumeRepo } from '@rc/db';
import { extractText } from '@rc/extract';
import { detectLanguage } from '@rc/text';
import { checkTextLength } from '../use-cases/check-text-length.ts';
import { AppError, notFound } from '../errors.ts';
import { errors, idParams, listQuery, page, resumeInput, resumeOut, resumePatch, toResume, noContent } from '../schemas.ts';
import { cleanUserText } from '@rc/text';

const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const tags = ['resumes'];

  app.post('/v1/resumes', { schema: { tags, body: resumeInput, response: { 201: resumeOut, ...errors(400, 401, 422) } } }, async (req, reply) => {
    checkTextLength(app.deps, 'content', req.body.content);
    const r = await resumeRepo.create(db, { ownerId: req.ownerId, ...req.body, language: detectLanguage(req.body.content) });
    return reply.code(201).send(toResume(r));
  });

  app.post(
    '/v1/resumes/upload',
    {
      schema: {
        tags,
        summary: 'Upload a resume file (multipart/form-data: file, optional name)',
        consumes: ['multipart/form-data'],
        response: { 201: resumeOut, ...errors(400, 401, 413, 415, 422, 503) },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError(415, 'not_multipart', 'send the file as multipart/form-data with a "file" field');
      let file: { data: Buffer; fileName: string; mimeType: string } | null = null;
      let name: string | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (file) throw new AppError(400, 'too_many_files', 'send one file');
          file = { data: await part.toBuffer(), fileName: cleanUserText(part.filename), mimeType: part.mimetype };
        } else if (part.fieldname === 'name' && typeof part.value === 'string') {
          name = cleanUserText(part.value).trim().slice(0, 300) || undefined;
        }
      }
      if (!file) throw new AppError(400, 'missing_file', 'the form has no "file" field');
      if (file.data.length === 0) throw new AppError(400, 'empty_file', 'the file is empty');
      const extracted = await extractText({
        data: file.data,
        fileName: file.fileName,
        mimeType: file.mimeType,
        maxPages: 50,
        timeoutMs: 15_000,
        maxChars: config.MAX_TEXT_CHARS,
      });
      const content = extracted.text.trim();
      if (!content) throw new AppError(422, 'no_text_found', 'no text could be found in the file');
      checkTextLength(app.deps, 'content', content);
      const r = await resumeRepo.create(db, {
        ownerId: req.ownerId,
        name: name ?? (file.fileName.replace(/\.[^.]+$/, '') || 'Resume'),
        content,
        language: detectLanguage(content),
        fileName: file.fileName.slice(0, 255),
        fileType: extracted.fileType,
        fileSize: file.data.length,
        hiddenText: extracted.hiddenText,
      });
      return reply.code(201).send(toResume(r));
    },
  );

  app.get('/v1/resumes', { schema: { tags, querystring: listQuery, response: { 200: page(resumeOut), ...errors(400, 401) } } }, async (req) => {
    const p = await resumeRepo.list(db, req.ownerId, req.query);
    return { items: p.items.map(toResume), next_cursor: p.nextCursor };
  });

  app.get('/v1/resumes/:id', { schema: { tags, params: idParams, response: { 200: resumeOut, ...errors(401, 404) } } }, async (req) => {
    const r = await resumeRepo.get(db, req.ownerId, req.params.id);
    if (!r) throw notFound('resume');
    return toResume(r);
  });

  app.patch('/v1/resumes/:id', { schema: { tags, params: idParams, body: resumePatch, response: { 200: resumeOut, ...errors(400, 401, 404, 422) } } }, async (req) => {
    if (req.body.content !== undefined) checkTextLength(app.deps, 'content', req.body.content);
    const patch: Parameters<typeof resumeRepo.update>[3] = { ...req.body };
    if (req.body.content !== undefined) Object.assign(patch, { language: detectLanguage(req.body.content), fileName: null, fileType: null, fileSize: null, hiddenText: null });
    const r = await resumeRepo.update(db, req.ownerId, req.params.id, patch);
    if (!r) throw notFound('resume');
    return toResume(r);
  });

  app.delete(
    '/v1/resumes/:id',
    { schema: { tags, summary: 'Delete a resume with its analyses, ranking entries and stored LLM exchanges', params: idParams, response: { 204: noContent, ...errors(401, 404) } } },
    async (req, reply) => {
      if (!(await resumeRepo.delete(db, req.ownerId, req.params.id))) throw notFound('resume');
      return reply.code(204).send(null);
    },
  );
};

export default routes;
