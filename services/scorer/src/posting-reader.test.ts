import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vacancyText } from '@rc/contracts';
import { createDatabase, ensureOwner, LOCAL_OWNER, vacancyRepo, type Database } from '@rc/db';
import { readingVersion, TextAnalysisError } from '@rc/lexical';
import { vacancyEn, vacancyRu } from '@rc/testing/fit-pairs';
import { LexicalEngine } from './engine.ts';
import { readPostingsOnce, startPostingReader } from './posting-reader.ts';
import { createTextAnalysis } from './text-analysis.ts';

describe('the posting reader (embedded database)', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let db: Database;
  let owner: string;
  const engine = new LexicalEngine(createTextAnalysis({ TEXT_ANALYSIS_WORKERS: 1 }));
  const readings = async (ids: string[]) => new Map((await vacancyRepo.getManyForScoring(db, owner, ids, readingVersion())).map((v) => [v.id, v]));
  const save = async (title: string, description: string) => (await vacancyRepo.create(db, { ownerId: owner, title, description, language: 'en' })).id;

  beforeAll(async () => {
    database = await createDatabase({ dataDir: 'memory://' });
    db = database.db;
    owner = await ensureOwner(db, LOCAL_OWNER);
  }, 60_000);
  afterAll(async () => {
    await engine.close();
    await database?.close();
  });

  it('stores each saved posting once, as the text analysis reads it, and an edit makes it read again', async () => {
    const [a, b] = [await save('Backend developer', vacancyEn), await save('Разработчик', vacancyRu)];
    expect([...(await readings([a, b])).values()].map((v) => v.reading)).toEqual([null, null]);
    expect(await readPostingsOnce({ db, engine }, 100)).toBe(2);
    expect(await readPostingsOnce({ db, engine }, 100)).toBe(0);
    const stored = await readings([a, b]);
    for (const id of [a, b]) {
      const v = stored.get(id)!;
      expect(v.reading).toBe((await engine.readPostings([vacancyText(v)]))[0]!.reading);
    }

    await vacancyRepo.update(db, owner, a, { description: `${vacancyEn}\n- Kafka` });
    expect((await readings([a])).get(a)!.reading).toBeNull();
    // the language alone is no new text: the reading stays
    await vacancyRepo.update(db, owner, b, { language: 'ru' });
    expect((await readings([b])).get(b)!.reading).not.toBeNull();
    expect(await readPostingsOnce({ db, engine }, 100)).toBe(1);
    const again = (await readings([a])).get(a)!;
    expect(again.reading).toContain('Kafka');
    expect(again.reading).toBe((await engine.readPostings([vacancyText(again)]))[0]!.reading);

    // a reading by other code is not handed to rankings, and is read again
    const old = (await readings([b])).get(b)!;
    await vacancyRepo.storeReadings(db, 'older-code', [old]);
    expect((await readings([b])).get(b)!.reading).toBeNull();
    expect(await readPostingsOnce({ db, engine }, 100)).toBe(1);
    expect((await readings([b])).get(b)!.reading).not.toBeNull();
  });

  it('does not store a reading made of a text that was edited meanwhile', async () => {
    const id = await save('QA engineer', 'Requirements:\n- 3 years of manual testing\n- SQL');
    const slow = {
      readPostings: async (texts: string[]) => {
        await vacancyRepo.update(db, owner, id, { description: 'Requirements:\n- 5 years of test automation\n- Python' });
        return engine.readPostings(texts);
      },
    };
    expect(await readPostingsOnce({ db, engine: slow }, 100)).toBe(1);
    expect((await readings([id])).get(id)!.reading).toBeNull();
    expect(await readPostingsOnce({ db, engine }, 100)).toBe(1);
    expect((await readings([id])).get(id)!.reading).toContain('test automation');
  });

  it('marks a posting it cannot read as read without a reading, stores the rest of its batch, and does not retry it', async () => {
    const bad = await save('Poisoned', 'Requirements:\n- POISON');
    const good = await save('Data analyst', 'Requirements:\n- SQL\n- 2 years of Tableau');
    let calls = 0;
    const failing = {
      readPostings: (texts: string[]) => {
        calls++;
        return texts.some((t) => t.includes('POISON'))
          ? Promise.reject(new TextAnalysisError('text_analysis_timeout', 'analysing the text took longer than 10000 ms; it was stopped'))
          : engine.readPostings(texts);
      },
    };
    expect(await readPostingsOnce({ db, engine: failing }, 100)).toBe(2);
    const got = await readings([bad, good]);
    expect(got.get(bad)!.reading).toBeNull();
    expect(got.get(good)!.reading).toContain('Tableau');
    calls = 0;
    expect(await readPostingsOnce({ db, engine: failing }, 100)).toBe(0);
    expect(calls).toBe(0);
  });

  it('leaves its batch unread when the text analysis is busy or closing, to be read at the next look', async () => {
    const id = await save('Welder', 'Requirements:\n- MIG and TIG welding\n- reading blueprints');
    const busy = { readPostings: () => Promise.reject(new TextAnalysisError('text_analysis_busy', 'too many texts are being analysed right now')) };
    await expect(readPostingsOnce({ db, engine: busy }, 100)).rejects.toThrow(/too many texts/);
    const closed = { readPostings: () => Promise.reject(new Error('the pool is closed')) };
    await expect(readPostingsOnce({ db, engine: closed }, 100)).rejects.toThrow(/closed/);
    expect((await vacancyRepo.unread(db, readingVersion(), 100)).map((v) => v.id)).toEqual([id]);
    expect(await readPostingsOnce({ db, engine }, 100)).toBe(1);
    expect((await readings([id])).get(id)!.reading).toContain('TIG');
  });

  it('runs in the background: vacancies saved after it started are read, and it stops', async () => {
    const reader = startPostingReader({ db, engine }, { intervalMs: 60_000, batch: 2 });
    await reader.caughtUp();
    const ids = [await save('Nurse', 'Requirements:\n- RN licence'), await save('Driver', 'Requirements:\n- CDL'), await save('Cook', 'Requirements:\n- 2 years on a line')];
    await reader.caughtUp();
    expect([...(await readings(ids)).values()].every((v) => v.reading !== null)).toBe(true);
    await reader.stop();
    await reader.caughtUp(); // answers at once once stopped
  });
});
