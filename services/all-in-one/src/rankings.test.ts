import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, schema } from '@rc/db';
import { LexicalEngine, type PairText } from '@rc/scorer';
import { readProgressStream, waitFor } from '@rc/testing';
import { RESUME_EN, startHarness, VACANCY_EN, type Harness } from './testing/harness.ts';

/** The lexical engine, held at a gate while the test watches a job in flight. */
class GatedEngine extends LexicalEngine {
  private open!: () => void;
  private gate = new Promise<void>((r) => (this.open = r));
  release() {
    this.open();
  }
  override async scorePairs(pairs: PairText[], onProgress?: (done: number) => void) {
    await this.gate;
    return super.scorePairs(pairs, onProgress);
  }
}

let h: Harness;
const engine = new GatedEngine();
beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '0' }, engine);
});
afterAll(async () => {
  engine.release();
  await h?.close();
});

const json = (r: { body: string }) => JSON.parse(r.body);
async function owner(name: string) {
  const { key } = await createApiKey(h.database.db, name);
  return { authorization: `Bearer ${key}` };
}
async function post(url: string, payload: unknown, headers: Record<string, string>) {
  return h.app.inject({ method: 'POST', url, payload: payload as object, headers });
}
async function finished(id: string, headers: Record<string, string>) {
  return waitFor(async () => {
    const b = json(await h.app.inject({ method: 'GET', url: `/v1/rankings/${id}`, headers }));
    return b.status === 'done' || b.status === 'failed' ? b : null;
  }, { what: `ranking ${id}` });
}

const CHEF = 'Anna Lee. Pastry chef with 8 years in French bakeries: croissants, wedding cakes, kitchen team management.';
const ACCOUNTANT = 'Oleg Ivanov. Accountant: IFRS reporting, 1C, tax returns, payroll for 200 employees.';

describe('ranking resumes for a vacancy', () => {
  it('puts the fitting resume first and names each by its resume name', async () => {
    engine.release();
    const H = await owner('recruiter');
    const v = json(await post('/v1/vacancies', VACANCY_EN, H));
    const ids: Record<string, string> = {};
    for (const [name, content] of [['Chef', CHEF], ['Fit', RESUME_EN], ['Accountant', ACCOUNTANT]]) {
      ids[name!] = json(await post('/v1/resumes', { name, content }, H)).id;
    }
    const res = await post('/v1/rankings', { vacancyId: v.id, limit: 10 }, H);
    expect(res.statusCode).toBe(202);
    const ranking = await finished(json(res).id, H);
    expect(ranking.status).toBe('done');
    expect(ranking.target).toBe('resumes');
    expect(ranking.subject_id).toBe(v.id);
    expect(ranking.candidate_count).toBe(3);
    expect(ranking.results.map((r: { title: string }) => r.title)[0]).toBe('Fit');
    expect(new Set(ranking.results.map((r: { id: string }) => r.id))).toEqual(new Set(Object.values(ids)));
  });
});

describe('ranking progress over Server-Sent Events', () => {
  it('streams the running state before the end, progress never going back', async () => {
    const gated = new GatedEngine();
    const g = await startHarness({ RATE_LIMIT_PER_MINUTE: '0' }, gated);
    try {
      await g.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (g.app.server.address() as { port: number }).port;
      const r = json(await g.app.inject({ method: 'POST', url: '/v1/resumes', payload: { name: 'CV', content: RESUME_EN } }));
      for (let i = 0; i < 3; i++) await g.app.inject({ method: 'POST', url: '/v1/vacancies', payload: { ...VACANCY_EN, title: `Job ${i}` } });
      const { id } = json(await g.app.inject({ method: 'POST', url: '/v1/rankings', payload: { resumeId: r.id } }));
      const res = await fetch(`http://127.0.0.1:${port}/v1/rankings/${id}/events`);
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      // The job is held before its model stage: the stream must show it unfinished first.
      const { before, events, text } = await readProgressStream(res, () => gated.release());
      expect(before).not.toMatch(/"status":"(done|failed)"/);
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(['queued', 'running', 'prefiltering', 'scoring']).toContain(events[0]!.status);
      expect(events.at(-1)).toMatchObject({ status: 'done', progress: 1 });
      const progress = events.map((e) => e.progress);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(text).toMatch(/event: end\ndata: .*"status":"done"/);
    } finally {
      gated.release();
      await g.close();
    }
  });
});

describe('rankings and their owners', () => {
  it('keeps another owner out of a ranking, its events, its subject and its candidates', async () => {
    engine.release();
    const A = await owner('ranking-owner-a');
    const B = await owner('ranking-owner-b');
    const resumeA = json(await post('/v1/resumes', { name: 'A', content: RESUME_EN }, A)).id;
    const vacancyA = json(await post('/v1/vacancies', VACANCY_EN, A)).id;
    const rankingA = json(await post('/v1/rankings', { resumeId: resumeA }, A)).id;
    await finished(rankingA, A);

    const notFound = (r: { statusCode: number; body: string }) => {
      expect(r.statusCode).toBe(404);
      expect(json(r).error.code).toBe('not_found');
    };
    notFound(await h.app.inject({ method: 'GET', url: `/v1/rankings/${rankingA}`, headers: B }));
    notFound(await h.app.inject({ method: 'GET', url: `/v1/rankings/${rankingA}/events`, headers: B }));
    notFound(await post('/v1/rankings', { resumeId: resumeA }, B));
    notFound(await post('/v1/rankings', { vacancyId: vacancyA }, B));
    const listB = json(await h.app.inject({ method: 'GET', url: '/v1/rankings?limit=100', headers: B }));
    expect(listB.items.map((r: { id: string }) => r.id)).not.toContain(rankingA);

    // B's own resume against A's vacancy ids: nothing of A's is scored or shown
    const resumeB = json(await post('/v1/resumes', { name: 'B', content: RESUME_EN }, B)).id;
    const rankingB = json(await post('/v1/rankings', { resumeId: resumeB, candidateIds: [vacancyA] }, B)).id;
    const doneB = await finished(rankingB, B);
    expect(doneB.status).toBe('done');
    expect(doneB.candidate_count).toBe(0);
    expect(doneB.results).toEqual([]);
  });
});

describe('candidate ids at the route’s real limit', () => {
  it('accepts MAX_RANKING_IDS ids and refuses one more with too_many_ids', async () => {
    const H = await owner('many-ids');
    const resumeId = json(await post('/v1/resumes', { name: 'CV', content: RESUME_EN }, H)).id;
    const limit = h.config.MAX_RANKING_IDS;
    expect(limit).toBe(10_000);
    const ids = Array.from({ length: limit + 1 }, () => crypto.randomUUID());
    const over = await post('/v1/rankings', { resumeId, candidateIds: ids }, H);
    expect(over.statusCode).toBe(422);
    expect(json(over).error.code).toBe('too_many_ids');
    const at = await post('/v1/rankings', { resumeId, candidateIds: ids.slice(0, limit) }, H);
    expect(at.statusCode).toBe(202);
  });
});

describe('deleting a resume', () => {
  it('takes its analyses, LLM exchanges, rankings and ranking entries with it', async () => {
    engine.release();
    const H = await owner('deleter');
    const db = h.database.db;
    const vacancyId = json(await post('/v1/vacancies', VACANCY_EN, H)).id;
    const keep = json(await post('/v1/resumes', { name: 'Keep', content: CHEF }, H)).id;
    const gone = json(await post('/v1/resumes', { name: 'Gone', content: RESUME_EN }, H)).id;
    const analysis = json(await post('/v1/analyses', { resumeId: gone, vacancyId }, H)).id;
    await waitFor(async () => json(await h.app.inject({ method: 'GET', url: `/v1/analyses/${analysis}`, headers: H })).status === 'done');
    const row = (await db.select().from(schema.analyses)).find((a) => a.id === analysis);
    await db.insert(schema.llmExchanges).values({ ownerId: row!.ownerId, analysisId: analysis, resumeId: gone, provider: 'openai', model: 'm', promptVersion: 'v1', language: 'en', messages: [] });
    const asSubject = json(await post('/v1/rankings', { resumeId: gone }, H)).id;
    const asCandidate = json(await post('/v1/rankings', { vacancyId }, H)).id;
    await finished(asSubject, H);
    const before = await finished(asCandidate, H);
    expect(before.results.map((r: { id: string }) => r.id).sort()).toEqual([keep, gone].sort());

    expect((await h.app.inject({ method: 'DELETE', url: `/v1/resumes/${gone}`, headers: H })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: `/v1/analyses/${analysis}`, headers: H })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/v1/rankings/${asSubject}`, headers: H })).statusCode).toBe(404);
    expect((await db.select().from(schema.llmExchanges)).filter((x) => x.resumeId === gone || x.analysisId === analysis)).toEqual([]);
    expect((await db.select().from(schema.rankingEntries)).filter((x) => x.candidateId === gone)).toEqual([]);
    const after = json(await h.app.inject({ method: 'GET', url: `/v1/rankings/${asCandidate}`, headers: H }));
    expect(after.results.map((r: { id: string }) => r.id)).toEqual([keep]);
  });
});
