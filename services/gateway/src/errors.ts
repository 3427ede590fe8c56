/**
 * Typed errors that carry an HTTP status and a stable code. The one error handler passes 4xx messages through and
 * hides the details of 5xx. Body: { "error": { "code": "...", "message": "..." } }.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { describeError, InvalidCursorError } from '@rc/db';
import { ExtractionError } from '@rc/extract';

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const badRequest = (code: string, message: string) => new AppError(400, code, message);

/** Errors of a database or queue that is away for a moment: the client should retry, not give up. */
function isUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown };
  const codes = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001', '08003'];
  if (e?.code && codes.includes(e.code)) return true;
  if (/Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(e?.message ?? '')) return true;
  return e?.cause ? isUnavailable(e.cause) : false;
}

const fastifyCodes: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_REQ_FILE_TOO_LARGE: [413, 'file_too_large'],
  FST_FILES_LIMIT: [400, 'too_many_files'],
  FST_PARTS_LIMIT: [400, 'too_many_parts'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_content_length'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty_body'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'not_multipart'],
  FST_ERR_VALIDATION: [400, 'validation_error'],
  FST_ERR_RATE_LIMIT: [429, 'rate_limited'],
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.statusCode).headers(err.headers).send({ error: { code: err.code, message: err.message } });
    }
    if (err instanceof ExtractionError) {
      // Busy extraction workers free up within seconds.
      if (err.statusCode === 503) reply.header('retry-after', '5');
      return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message } });
    }
    if (err instanceof InvalidCursorError) {
      return reply.code(400).send({ error: { code: 'invalid_cursor', message: err.message } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const where = first ? `${err.validationContext ?? 'body'}${first.instancePath ?? ''}` : 'request';
      return reply.code(400).send({ error: { code: 'validation_error', message: `${where}: ${first?.message ?? 'invalid'}` } });
    }
    if (err instanceof SyntaxError && (err as { statusCode?: number }).statusCode === 400) {
      return reply.code(400).send({ error: { code: 'invalid_json', message: 'the body is not valid JSON' } });
    }
    const mapped = err.code ? fastifyCodes[err.code] : undefined;
    if (mapped) return reply.code(mapped[0]).send({ error: { code: mapped[1], message: err.message } });
    if (isUnavailable(err)) {
      // Described, not err.message: a failed query's message lists its parameters, resume text included.
      req.log.warn({ err: describeError(err) }, 'dependency unavailable');
      return reply.code(503).header('retry-after', '5').send({ error: { code: 'service_unavailable', message: 'a backing service is unavailable; retry shortly' } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: { code: 'bad_request', message: err.message } });
    }
    req.log.error({ err: describeError(err) }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'internal_error', message: 'internal error' } });
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: { code: 'route_not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
  });
}
