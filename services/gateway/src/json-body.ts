/**
 * The body parsers: standard JSON parsing plus a nesting limit, so a hostile body cannot make deep recursion work;
 * and in every string of a JSON or form body, control characters and unpaired surrogates dropped (see cleanUserText:
 * PostgreSQL refuses U+0000, which answered 500, and none of them means anything in a resume or a vacancy).
 */
import { parse as parseQueryString } from 'node:querystring';
import type { FastifyRequest } from 'fastify';
import { cleanUserText } from '@rc/text';
import { AppError } from './errors.ts';

export function jsonBodyParser(maxDepth: number) {
  return (_req: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(new AppError(400, 'empty_body', 'the JSON body is empty'));
    // Refuse deep nesting before parsing: JSON.parse itself recurses.
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (c === 92) i++;
        else if (c === 34) inString = false;
      } else if (c === 34) inString = true;
      else if (c === 123 || c === 91) {
        if (++depth > maxDepth) return done(new AppError(400, 'json_too_deep', `JSON nesting deeper than ${maxDepth} levels`));
      } else if (c === 125 || c === 93) depth--;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text, (key, value) => (key === '__proto__' ? undefined : typeof value === 'string' ? cleanUserText(value) : value));
    } catch {
      return done(new AppError(400, 'invalid_json', 'the body is not valid JSON'));
    }
    done(null, parsed);
  };
}

/** application/x-www-form-urlencoded (the original API's clients may post forms), cleaned like JSON strings. */
export function formBodyParser(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of Object.entries(parseQueryString(body))) {
    if (value === undefined) continue;
    out[cleanUserText(key)] = Array.isArray(value) ? value.map(cleanUserText) : cleanUserText(value);
  }
  return out;
}
