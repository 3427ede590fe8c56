import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, ensureOwner, LOCAL_OWNER, schema, type Database } from '@rc/db';
import { prefilter, queryWords } from './prefilter.ts';

describe('queryWords', () => {
  it('puts the skills of a resume before its filler words and drops stopwords', () => {
    const words = queryWords('I have worked with the team on the project. I have experience with Python, Django and Kubernetes. The team was great.');
    expect(words.slice(0, 3).sort()).toEqual(['django', 'kubernetes', 'python']);
    expect(words).not.toContain('the');
    expect(words).not.toContain('with');
  });

  it('reads Russian as well', () => {
    const words = queryWords('Опыт разработки на Python и PostgreSQL, работа в команде');
    expect(words).toEqual(expect.arrayContaining(['python', 'postgresql']));
    expect(words.some((w) => /разработк/.test(w))).toBe(true);
  });
});

describe('prefilter (PGlite)', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let db: Database;
  let owner: string;
  const byTitle = new Map<string, string>();
  const resume = 'Backend developer: Python, Django, PostgreSQL, Kubernetes. Five years of Python services.';
  beforeAll(async () => {
    database = await createDatabase({ dataDir: 'memory://' });
    db = database.db;
    owner = await ensureOwner(db, LOCAL_OWNER);
    const rows = [
      { title: 'Python backend', description: 'Python, Django and PostgreSQL services on Kubernetes.' },
      // fewer of the resume's words, in a long text
      { title: 'Python platform', description: `Python and Django. ${'We value teamwork, ownership and clear writing. '.repeat(40)}` },
      { title: 'Django developer', description: 'Django web applications.' },
      { title: 'Accountant', description: 'Ledgers, tax reports, 1C.' },
      { title: 'Nurse', description: 'Patient care in a hospital ward.' },
      { title: 'Truck driver', description: 'Long-haul routes, category C licence.' },
    ];
    for (const r of rows) {
      const [v] = await db.insert(schema.vacancies).values({ ownerId: owner, title: r.title, description: r.description, language: 'en' }).returning({ id: schema.vacancies.id });
      byTitle.set(r.title, v!.id);
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it('ranks text matches by how much of each vacancy the subject covers, then fills up with the newest others', async () => {
    const { top, total } = await prefilter(db, { target: 'vacancies', ownerId: owner, subjectText: resume, candidateIds: null, k: 4 });
    expect(total).toBe(6);
    expect(top).toHaveLength(4);
    const ids = top.map((c) => c.id);
    expect(ids[0]).toBe(byTitle.get('Python backend'));
    expect(new Set(ids.slice(0, 3))).toEqual(new Set([byTitle.get('Python backend'), byTitle.get('Python platform'), byTitle.get('Django developer')]));
    expect(top[2]!.prefilterScore).toBeGreaterThan(0);
    // no text match left: the fourth place goes to the newest vacancy
    expect(ids[3]).toBe(byTitle.get('Truck driver'));
    expect(top[3]!.prefilterScore).toBe(0);
  });

  it('keeps only the best k text matches when more match', async () => {
    const { top } = await prefilter(db, { target: 'vacancies', ownerId: owner, subjectText: resume, candidateIds: null, k: 2 });
    expect(top.map((c) => c.id)).toEqual([byTitle.get('Python backend'), expect.any(String)]);
    expect(top[1]!.id).not.toBe(byTitle.get('Truck driver'));
  });

  it('takes every candidate, searched or not, when all of them fit', async () => {
    const { top, total } = await prefilter(db, { target: 'vacancies', ownerId: owner, subjectText: resume, candidateIds: null, k: 6 });
    expect(total).toBe(6);
    expect(new Set(top.map((c) => c.id))).toEqual(new Set(byTitle.values()));
    const some = [byTitle.get('Nurse')!, byTitle.get('Accountant')!];
    const only = await prefilter(db, { target: 'vacancies', ownerId: owner, subjectText: resume, candidateIds: some, k: 6 });
    expect(only.total).toBe(2);
    expect(new Set(only.top.map((c) => c.id))).toEqual(new Set(some));
  });
});
