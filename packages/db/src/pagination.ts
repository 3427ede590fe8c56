/** Opaque cursors for keyset pagination over (created_at, id), newest first. */
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class InvalidCursorError extends Error {}

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

// A cursor's id goes into a uuid comparison: anything else would fail in the database (a 500), not here (a 400).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]{1,400}$/;

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    if (!BASE64URL.test(cursor)) throw new Error('not base64url');
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length !== 2) throw new Error('not a pair');
    const [at, id] = decoded as [unknown, unknown];
    if (typeof at !== 'string' || typeof id !== 'string' || !UUID.test(id)) throw new Error('bad fields');
    const createdAt = new Date(at);
    // Dates PostgreSQL cannot hold (or JavaScript cannot print) are refused here as well.
    const year = createdAt.getUTCFullYear();
    if (Number.isNaN(createdAt.getTime()) || year < 1970 || year > 9999) throw new Error('bad date');
    return { createdAt, id };
  } catch {
    throw new InvalidCursorError('cursor is not valid');
  }
}

export function afterCursor(createdAtCol: PgColumn, idCol: PgColumn, cursor?: string): SQL | undefined {
  if (!cursor) return undefined;
  const c = decodeCursor(cursor);
  return or(lt(createdAtCol, c.createdAt), and(eq(createdAtCol, c.createdAt), lt(idCol, c.id)));
}

export const newestFirst = (createdAtCol: PgColumn, idCol: PgColumn) => [desc(createdAtCol), desc(idCol)];

export function toPage<T extends { createdAt: Date; id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
