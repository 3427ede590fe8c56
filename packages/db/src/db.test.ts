import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, findPostgres, inCI, type TestDatabase } from '@rc/testing';
import { createDatabase, type DatabaseHandle } from './client.ts';
import { analysisRepo } from './repositories/analyses.ts';
import { resumeRepo, vacancyRepo } from './repositories/documents.ts';
import { createApiKey, ensureOwner, findOwnerByKey } from './repositories/owners.ts';
import { InvalidCursorError } from './pagination.ts';
import type { Scoring } from '@rc/contracts';

const fakeScoring: Scoring = { score: 0.5, verdict: 'partial', requirements: [], language: 'en', engine: 'lexical', model: 'test', components: {} };

function contract(name: string, open: () => Promise<DatabaseHandle | null>) {
  describe(name, () => {
    let h: DatabaseHandle | null;
    beforeAll(async () => {
      h = await open();
    });
    afterAll(async () => {
      await h?.close();
    });

    it('keeps each owner to its own rows and pages newest first', async (ctx) => {
      if (!h) return ctx.skip();
      const a = await ensureOwner(h.db, 'alice');
      const b = await ensureOwner(h.db, 'bob');
      expect(await ensureOwner(h.db, 'alice')).toBe(a);
      const made = [];
      for (let i = 0; i < 5; i++) made.push(await vacancyRepo.create(h.db, { ownerId: a, title: `v${i}`, description: 'Python developer', language: 'en' }));
      const p1 = await vacancyRepo.list(h.db, a, { limit: 3 });
      expect(p1.items.map((v) => v.title)).toEqual(['v4', 'v3', 'v2']);
      const p2 = await vacancyRepo.list(h.db, a, { limit: 3, cursor: p1.nextCursor! });
      expect(p2.items.map((v) => v.title)).toEqual(['v1', 'v0']);
      expect(p2.nextCursor).toBeNull();
      expect(await vacancyRepo.get(h.db, b, made[0]!.id)).toBeNull();
      expect(await vacancyRepo.delete(h.db, b, made[0]!.id)).toBe(false);
      expect((await vacancyRepo.list(h.db, b, { limit: 10 })).items).toHaveLength(0);
      await expect(vacancyRepo.list(h.db, a, { limit: 3, cursor: 'garbage' })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('pages through rows made within one millisecond without skipping any', async (ctx) => {
      if (!h) return ctx.skip();
      const o = await ensureOwner(h.db, 'frank');
      const { sql } = await import('drizzle-orm');
      const made = [];
      for (let i = 0; i < 4; i++) made.push(await vacancyRepo.create(h.db, { ownerId: o, title: `same-ms ${i}`, description: 'Go', language: 'en' }));
      // Written at microseconds within one millisecond, as now() gives them to rows inserted in quick succession.
      for (const [i, v] of made.entries()) {
        await h.db.execute(sql`UPDATE vacancies SET created_at = ${`2026-01-02T03:04:05.123${String(100 + i * 200)}Z`}::timestamptz WHERE id = ${v.id}`);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await vacancyRepo.list(h.db, o, { limit: 1, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((v) => v.title));
        cursor = page.nextCursor ?? undefined;
      } while (cursor && seen.length < 10);
      expect(seen).toEqual(['same-ms 3', 'same-ms 2', 'same-ms 1', 'same-ms 0']);
    });

    it('moves an analysis through its states once, whatever runs twice', async (ctx) => {
      if (!h) return ctx.skip();
      const o = await ensureOwner(h.db, 'carol');
      const r = await resumeRepo.create(h.db, { ownerId: o, name: 'CV', content: 'Я разработчик Python', language: 'ru' });
      const v = await vacancyRepo.create(h.db, { ownerId: o, title: 'Dev', description: 'Python', language: 'en' });
      const an = await analysisRepo.createQueued(h.db, { ownerId: o, resumeId: r.id, vacancyId: v.id, resumeText: r.content, vacancyText: 'Python', adviceLanguage: 'ru' });
      expect(an.status).toBe('queued');
      expect(await analysisRepo.claimForScoring(h.db, an.id)).not.toBeNull();
      expect(await analysisRepo.saveScoring(h.db, an.id, { score: 0.5, verdict: 'partial', scoring: fakeScoring })).toBe(true);
      expect(await analysisRepo.claimForScoring(h.db, an.id)).toBeNull();
      expect(await analysisRepo.saveScoring(h.db, an.id, { score: 0.9, verdict: 'strong', scoring: fakeScoring })).toBe(false);
      expect(await analysisRepo.claimForAdvice(h.db, an.id)).not.toBeNull();
      expect(await analysisRepo.saveAdvice(h.db, an.id, { advice: { strengths: [], weaknesses: [], rewrite_suggestions: [], learning_recommendations: [], reflection_points: [], upgrades: 'x' }, adviceSource: { source: 'rules', model: 'rules', prompt_version: 'v1', dropped_claims: [] } })).toBe(true);
      const done = await analysisRepo.get(h.db, o, an.id);
      expect(done?.status).toBe('done');
      expect(done?.score).toBe(0.5);
      // Deleting the resume removes its analyses (the right to be forgotten).
      expect(await resumeRepo.delete(h.db, o, r.id)).toBe(true);
      expect(await analysisRepo.getById(h.db, an.id)).toBeNull();
    });

    it('finds an owner by API key and never by a wrong one', async (ctx) => {
      if (!h) return ctx.skip();
      const { key, ownerId } = await createApiKey(h.db, 'dave');
      expect((await findOwnerByKey(h.db, key))?.ownerId).toBe(ownerId);
      expect(await findOwnerByKey(h.db, key + 'x')).toBeNull();
    });

    it('searches Russian and English text with full-text search', async (ctx) => {
      if (!h) return ctx.skip();
      const o = await ensureOwner(h.db, 'erin');
      await vacancyRepo.create(h.db, { ownerId: o, title: 'Программист', description: 'Требуется опыт разработки на Python', language: 'ru' });
      const { sql } = await import('drizzle-orm');
      const rows = await h.db.execute(sql`SELECT title FROM vacancies WHERE owner_id = ${o} AND search @@ (plainto_tsquery('russian', 'разработка python') )`);
      expect(rows.rows.map((r) => (r as { title: string }).title)).toEqual(['Программист']);
    });
  });
}

contract('PGlite (embedded)', () => createDatabase({ dataDir: 'memory://' }));

let testDb: TestDatabase | null = null;
contract('PostgreSQL (distributed)', async () => {
  const base = await findPostgres();
  if (!base) {
    if (inCI) throw new Error('PostgreSQL is required in CI');
    return null;
  }
  testDb = await createTestDatabase(base);
  return createDatabase({ databaseUrl: testDb.url, dataDir: '' });
});
afterAll(async () => {
  await testDb?.drop();
});
