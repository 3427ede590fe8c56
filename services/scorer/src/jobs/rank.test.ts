import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, ensureOwner, LOCAL_OWNER, rankingRepo, schema, vacancyRepo, type Database } from '@rc/db';
import { readingVersion } from '@rc/lexical';
import { CrossEncoder } from '@rc/model-runtime';
import { LocalProgressBus } from '@rc/queue';
import { detectLanguage } from '@rc/text';
import { readScreening, seededRandom } from '@rc/testing/screening';
import { CrossEncoderEngine } from '../cross-encoder-engine.ts';
import { readPostingsOnce } from '../posting-reader.ts';
import { rankJob } from './rank.ts';

const modelDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../models/resume-fit');

// The product's engine, whose estimate (the lexical part of the calibrated score) is not its score (that adds the
// cross-encoder's logit), over more stored vacancies than the full-text shortlist holds, so every stage of a
// ranking does real selection: the search keeps SHORTLIST of N, the estimate keeps TOP_K of those, the model orders them.
// Texts are cut to about 120 tokens a side so that the exhaustive ranking (every pair through the model) stays cheap.
const N = 150;
const SHORTLIST = 100;
const TOP_K = 20;
const RESUMES = 4;
const CUT = 700;
const SENIORITY = ['', 'Senior ', 'Junior ', 'Lead '];

/** Distinct vacancies from the real postings: each with 60-90 % of its lines and a line of another (as bench/ranking). */
function makeVacancies(n: number) {
  const jds = ['jd1', 'jd2', 'jd3'].flatMap((f) => readScreening(f)).map((r) => ({ title: r[0]!, description: r[1]! }));
  const rnd = seededRandom(42);
  return Array.from({ length: n }, (_, i) => {
    const base = jds[(i * 7) % jds.length]!;
    const keep = 0.6 + 0.3 * rnd();
    const lines = base.description.split('\n').filter((l) => l.trim() === '' || rnd() < keep);
    const other = jds[Math.floor(rnd() * jds.length)]!.description.split('\n').filter((l) => l.trim().length > 20);
    if (other.length) lines.push(other[Math.floor(rnd() * other.length)]!);
    return { title: `${SENIORITY[i % SENIORITY.length]}${base.title}`, description: lines.join('\n').slice(0, CUT) };
  });
}

describe('a ranking over more vacancies than its shortlist (shipped model)', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let db: Database;
  let engine: CrossEncoderEngine;
  let owner: string;
  const bus = new LocalProgressBus();
  let vacancies: Array<{ id: string; text: string }> = [];
  beforeAll(async () => {
    engine = new CrossEncoderEngine(await CrossEncoder.load(modelDir));
    database = await createDatabase({ dataDir: 'memory://' });
    db = database.db;
    owner = await ensureOwner(db, LOCAL_OWNER);
    const made = makeVacancies(N);
    const rows = await db
      .insert(schema.vacancies)
      .values(made.map((v) => ({ ownerId: owner, title: v.title, description: v.description, language: detectLanguage(v.description) })))
      .returning({ id: schema.vacancies.id, title: schema.vacancies.title, description: schema.vacancies.description });
    vacancies = rows.map((r) => ({ id: r.id, text: `${r.title}\n${r.description}` }));
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    await bus.close();
    await database?.close();
  });

  it(`returns at least 9 of the exhaustive top 10 on average (recall@10 ≥ 0.9), ordered by the full score`, async () => {
    const resumes = readScreening('resumes3').map((r) => r[0]!);
    const recalls: number[] = [];
    for (let r = 0; r < RESUMES; r++) {
      const content = resumes[(r * 37) % resumes.length]!.slice(0, CUT);
      const [resume] = await db.insert(schema.resumes).values({ ownerId: owner, name: `R${r}`, content, language: 'en' }).returning({ id: schema.resumes.id });
      const ranking = await rankingRepo.create(db, { ownerId: owner, target: 'vacancies', subjectId: resume!.id, candidateIds: null, topK: TOP_K, limit: 10 });
      await rankJob({ db, bus, engine, shortlistSize: SHORTLIST }).run({ rankingId: ranking.id }, { jobId: 'j', attempt: 1, maxAttempts: 3, signal: new AbortController().signal });
      const done = (await rankingRepo.get(db, owner, ranking.id))!;
      expect(done.status).toBe('done');
      expect(done.candidateCount).toBe(N);
      const got = await rankingRepo.entries(db, ranking.id, 10);
      expect(got).toHaveLength(10);
      // In order, and each score is the pair's full score (what its analysis gives).
      const scores = got.map((e) => e.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const all = await engine.scorePairs(vacancies.map((v) => ({ vacancyText: v.text, resumeText: content })));
      const full = new Map(vacancies.map((v, i) => [v.id, all[i]!]));
      got.forEach((e) => expect(e.score).toBeCloseTo(full.get(e.candidateId)!, 6));
      const exhaustive = vacancies
        .map((v, i) => ({ id: v.id, s: all[i]! }))
        .sort((a, b) => b.s - a.s)
        .slice(0, 10)
        .map((x) => x.id);
      const ids = new Set(got.map((e) => e.candidateId));
      recalls.push(exhaustive.filter((id) => ids.has(id)).length / 10);
    }
    const recall = recalls.reduce((a, b) => a + b, 0) / recalls.length;
    // With the fit score the full-text shortlist agrees less with the score than it did with the word-overlap score
    // before it: recall@10 0.775 with a shortlist of 50 of the 150, 0.875 with 75; this test keeps 100. The product
    // keeps max(8 × top K, 1,000), so an owner with up to 1,000 vacancies has every one estimated.
    expect(recall, `recall@10 per resume: ${recalls.join(', ')}`).toBeGreaterThanOrEqual(0.9);
  }, 600_000);

  it('ranks from the postings the scorer read and stored (shortlist by their terms, estimate from them) with the full scores and recall of the exhaustive ranking', async () => {
    const content = readScreening('resumes3').map((r) => r[0]!)[5]!.slice(0, CUT);
    const [resume] = await db.insert(schema.resumes).values({ ownerId: owner, name: 'stored readings', content, language: 'en' }).returning({ id: schema.resumes.id });
    const rank = async () => {
      const ranking = await rankingRepo.create(db, { ownerId: owner, target: 'vacancies', subjectId: resume!.id, candidateIds: null, topK: TOP_K, limit: 10 });
      await rankJob({ db, bus, engine, shortlistSize: SHORTLIST }).run({ rankingId: ranking.id }, { jobId: 'j', attempt: 1, maxAttempts: 3, signal: new AbortController().signal });
      return rankingRepo.entries(db, ranking.id, 10);
    };
    const ids = vacancies.map((v) => v.id);
    const stored = async () => (await vacancyRepo.getManyForScoring(db, owner, ids, readingVersion())).filter((v) => v.reading !== null).length;
    expect(await stored()).toBe(0);
    while ((await readPostingsOnce({ db, engine }, 64)) > 0);
    expect(await stored()).toBe(N);
    const got = await rank();
    expect(got).toHaveLength(10);
    const all = await engine.scorePairs(vacancies.map((v) => ({ vacancyText: v.text, resumeText: content })));
    const full = new Map(vacancies.map((v, i) => [v.id, all[i]!]));
    got.forEach((e) => expect(e.score).toBeCloseTo(full.get(e.candidateId)!, 6));
    const exhaustive = [...ids].sort((a, b) => full.get(b)! - full.get(a)!).slice(0, 10);
    const returned = new Set(got.map((e) => e.candidateId));
    expect(exhaustive.filter((id) => returned.has(id)).length).toBeGreaterThanOrEqual(9);
  }, 600_000);
});
