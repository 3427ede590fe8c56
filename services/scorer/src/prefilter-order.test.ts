import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, ensureOwner, LOCAL_OWNER, schema, type Database } from '@rc/db';
import { prefilter } from './prefilter.ts';

// Rows made in the same millisecond (a bulk import) share created_at; the shortlist must not depend on the plan's
// whim among them, or a ranking gives another answer on the next run.
describe('prefilter order among rows made in the same millisecond', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let db: Database;
  let owner: string;
  const sameMs = new Date('2026-01-01T00:00:00.000Z');
  const ids: string[] = [];
  beforeAll(async () => {
    database = await createDatabase({ dataDir: 'memory://' });
    db = database.db;
    owner = await ensureOwner(db, LOCAL_OWNER);
    // one text match, then twelve that share the resume's no word, all stamped with one created_at
    await db.insert(schema.vacancies).values({ ownerId: owner, title: 'Python backend', description: 'Python and Django services.', language: 'en', createdAt: sameMs });
    for (let i = 0; i < 12; i++) {
      const [v] = await db
        .insert(schema.vacancies)
        .values({ ownerId: owner, title: `Nurse ${i}`, description: `Patient care in ward ${i}.`, language: 'en', createdAt: sameMs })
        .returning({ id: schema.vacancies.id });
      ids.push(v!.id);
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  const newestFirst = () => [...ids].sort().reverse();

  it('fills the shortlist with the newest by id when created_at ties', async () => {
    const { top } = await prefilter(db, { target: 'vacancies', ownerId: owner, subjectText: 'Python developer', candidateIds: null, k: 5 });
    expect(top[0]!.prefilterScore).toBeGreaterThan(0);
    expect(top.slice(1).map((c) => c.id)).toEqual(newestFirst().slice(0, 4));
  });

  it('lists every candidate newest first by id when all fit', async () => {
    const { top } = await prefilter(db, { target: 'vacancies', ownerId: owner, subjectText: 'Python developer', candidateIds: ids, k: 20 });
    expect(top.map((c) => c.id)).toEqual(newestFirst());
  });
});
