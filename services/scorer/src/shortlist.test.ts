import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, ensureOwner, LOCAL_OWNER, vacancyRepo, type Database } from '@rc/db';
import { LexicalEngine } from './engine.ts';
import { readPostingsOnce } from './posting-reader.ts';
import { ReadingTermsShortlist } from './shortlist.ts';
import { createTextAnalysis } from './text-analysis.ts';

const JAVA_EN = 'Requirements:\n- 3+ years of Java and Spring Boot\n- PostgreSQL and SQL\n- Kafka\n- REST APIs and microservices';
const JAVA_RU = 'Требования:\n- опыт разработки на Java от 3 лет\n- Spring Boot, Hibernate\n- PostgreSQL\n- Kafka';
const NURSE = 'Requirements:\n- Active RN licence\n- BLS and ACLS\n- 2 years of acute care nursing\n- Epic charting';
const CHEF = 'Requirements:\n- 5 years in a professional kitchen\n- menu costing\n- food safety certificate\n- team of 10 cooks';
const RESUME = 'Backend Java Developer\nSix years of Java 17 and Spring Boot microservices on PostgreSQL, Kafka and REST APIs.';

describe('the shortlist by stored reading terms (embedded database)', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let db: Database;
  let owner: string;
  const engine = new LexicalEngine(createTextAnalysis({ TEXT_ANALYSIS_WORKERS: 1 }));
  const ids: Record<string, string> = {};
  const save = async (name: string, title: string, description: string, language: 'en' | 'ru' = 'en') => {
    ids[name] = (await vacancyRepo.create(db, { ownerId: owner, title, description, language })).id;
  };

  beforeAll(async () => {
    database = await createDatabase({ dataDir: 'memory://' });
    db = database.db;
    owner = await ensureOwner(db, LOCAL_OWNER);
    await save('nurse', 'Registered Nurse', NURSE);
    await save('chef', 'Sous Chef', CHEF);
    await save('javaEn', 'Java Developer', JAVA_EN);
    await save('javaRu', 'Java-разработчик', JAVA_RU, 'ru');
    await save('unread', 'Senior Java Developer', JAVA_EN);
    while ((await readPostingsOnce({ db, engine }, 100)) > 0);
  }, 60_000);
  afterAll(async () => {
    await engine.close();
    await database?.close();
  });

  it('ranks read vacancies by how much of what they ask the resume covers, another language by the skills both name', async () => {
    // one vacancy's reading is by other code (as after a release, before the reader reads it again)
    const stale = (await vacancyRepo.getManyForScoring(db, owner, [ids.unread!], 'x'))[0]!;
    await vacancyRepo.storeReadings(db, 'other-code', [{ ...stale, reading: null }]);
    const shortlist = new ReadingTermsShortlist();
    const { ids: top, read } = await shortlist.top(db, { ownerId: owner, ids: null, resumeText: RESUME, limit: 10 });
    expect(read).toBe(4);
    expect(top).not.toContain(ids.unread);
    expect(top.slice(0, 2)).toEqual([ids.javaEn, ids.javaRu]);
    expect(new Set(top.slice(2))).toEqual(new Set([ids.nurse, ids.chef]));
    const two = await shortlist.top(db, { ownerId: owner, ids: [ids.chef!, ids.javaRu!], resumeText: RESUME, limit: 1 });
    expect(two).toEqual({ ids: [ids.javaRu], read: 2 });
  });

  it('weighs an edited vacancy by its new terms once it is read again, and not before', async () => {
    const shortlist = new ReadingTermsShortlist();
    const before = await shortlist.top(db, { ownerId: owner, ids: null, resumeText: RESUME, limit: 1 });
    expect(before.ids).toEqual([ids.javaEn]);
    await vacancyRepo.update(db, owner, ids.chef!, { title: 'Backend Java Developer', description: `${JAVA_EN}\n- Java 17, Spring Boot, Kafka, PostgreSQL, microservices` });
    const edited = await shortlist.top(db, { ownerId: owner, ids: null, resumeText: RESUME, limit: 10 });
    expect(edited.ids).not.toContain(ids.chef);
    while ((await readPostingsOnce({ db, engine }, 100)) > 0);
    const reread = await shortlist.top(db, { ownerId: owner, ids: null, resumeText: RESUME, limit: 1 });
    expect(reread.ids).toEqual([ids.chef]);
  });
});
