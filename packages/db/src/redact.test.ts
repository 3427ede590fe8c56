import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from './client.ts';
import { describeError } from './redact.ts';
import { ensureOwner } from './repositories/owners.ts';
import { resumeRepo } from './repositories/documents.ts';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createDatabase({ dataDir: 'memory://' });
});
afterAll(async () => {
  await h?.close();
});

describe('describeError', () => {
  it('describes a failed query by its SQL, codes and stack, without its parameters', async () => {
    const owner = await ensureOwner(h.db, 'redact');
    const secret = 'Ivan Petrov, ivan@example.com, +7 999 123-45-67';
    const err = await resumeRepo.create(h.db, { ownerId: owner, name: 'CV', content: `${secret}\u0000`, language: 'en' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(secret); // what drizzle itself would have logged
    const described = describeError(err);
    expect(JSON.stringify(described)).not.toContain('Ivan');
    expect(described.query).toMatch(/^insert into "resumes"/);
    expect(described.cause?.code).toMatch(/^[0-9A-Z]{5}$/);
    expect(described.stack).toMatch(/^\s+at /);
  });

  it('replaces quoted values in messages, as PostgreSQL and JSON.parse quote what they complain about', () => {
    let parseError: unknown;
    try {
      JSON.parse('{"resume": Ivan Petrov}');
    } catch (e) {
      parseError = e;
    }
    const described = describeError(new Error('invalid input syntax for type json: "Ivan Petrov"', { cause: parseError }));
    expect(JSON.stringify(described)).not.toContain('Ivan');
    expect(described.message).toBe('invalid input syntax for type json: "…"');
  });
});
