import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@rc/db';
import { waitFor } from '@rc/testing';
import { RESUME_EN, RESUME_RU, startHarness, VACANCY_EN, VACANCY_RU, type Harness } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ MAX_TEXT_CHARS: '20000' });
});
afterAll(async () => {
  await h?.close();
});

const json = (r: { body: string }) => JSON.parse(r.body);

async function createPair(vacancy = VACANCY_EN, resume = RESUME_EN, headers: Record<string, string> = {}) {
  const v = await h.app.inject({ method: 'POST', url: '/v1/vacancies', payload: vacancy, headers });
  const r = await h.app.inject({ method: 'POST', url: '/v1/resumes', payload: { name: 'CV', content: resume }, headers });
  expect(v.statusCode).toBe(201);
  expect(r.statusCode).toBe(201);
  return { vacancyId: json(v).id as string, resumeId: json(r).id as string };
}

async function finished(id: string, headers: Record<string, string> = {}) {
  return waitFor(async () => {
    const res = await h.app.inject({ method: 'GET', url: `/v1/analyses/${id}`, headers });
    const body = json(res);
    return body.status === 'done' || body.status === 'failed' ? body : null;
  }, { what: `analysis ${id}` });
}

describe('vacancies and resumes', () => {
  it('creates, reads, updates, pages and deletes', async () => {
    const { vacancyId } = await createPair();
    const got = json(await h.app.inject({ method: 'GET', url: `/v1/vacancies/${vacancyId}` }));
    expect(got.title).toBe(VACANCY_EN.title);
    expect(got.language).toBe('en');
    const upd = await h.app.inject({ method: 'PATCH', url: `/v1/vacancies/${vacancyId}`, payload: { title: 'Разработчик', description: 'Нужен опыт работы с Python и PostgreSQL' } });
    expect(json(upd).language).toBe('ru');
    for (let i = 0; i < 3; i++) await h.app.inject({ method: 'POST', url: '/v1/vacancies', payload: { title: `t${i}`, description: 'd' } });
    const p1 = json(await h.app.inject({ method: 'GET', url: '/v1/vacancies?limit=2' }));
    expect(p1.items).toHaveLength(2);
    expect(p1.items[0].title).toBe('t2');
    const p2 = json(await h.app.inject({ method: 'GET', url: `/v1/vacancies?limit=2&cursor=${p1.next_cursor}` }));
    expect(p2.items[0].title).toBe('t0');
    expect((await h.app.inject({ method: 'DELETE', url: `/v1/vacancies/${vacancyId}` })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: `/v1/vacancies/${vacancyId}` })).statusCode).toBe(404);
  });

  it('names a vacancy saved without a title by the title its posting opens with', async () => {
    const scrape =
      'About the job Product Designer, Growth Hybrid (London) · Full-time Brightloop is the savings app used by two million people. ' +
      "About you You've spent 4+ years designing consumer digital products. You're fluent in Figma.";
    const v = json(await h.app.inject({ method: 'POST', url: '/v1/vacancies', payload: { description: scrape } }));
    expect(v.title).toBe('Product Designer, Growth');
    expect(v.description).toBe(scrape);
    const lines = json(await h.app.inject({ method: 'POST', url: '/v1/vacancies', payload: { description: 'Java-разработчик\nТребования:\n- Java\n- SQL' } }));
    expect(lines.title).toBe('Java-разработчик');
    expect(lines.language).toBe('ru');
  });

  it('answers bad input with a 4xx and a stable code', async () => {
    const cases: Array<[InjectOptions & { url: string }, number, string]> = [
      [{ method: 'POST', url: '/v1/vacancies', payload: { title: '', description: 'x' } }, 400, 'validation_error'],
      [{ method: 'POST', url: '/v1/vacancies', payload: '{"title": "x",', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json'],
      [{ method: 'POST', url: '/v1/resumes', payload: { name: 'x', content: 'a'.repeat(20_001) } }, 422, 'text_too_long'],
      [{ method: 'GET', url: '/v1/resumes/not-a-uuid' }, 400, 'validation_error'],
      [{ method: 'GET', url: '/v1/resumes/00000000-0000-4000-8000-000000000000' }, 404, 'not_found'],
      [{ method: 'GET', url: '/v1/vacancies?cursor=zzz' }, 400, 'invalid_cursor'],
      [{ method: 'GET', url: '/v1/nothing-here' }, 404, 'route_not_found'],
      [{ method: 'POST', url: '/v1/analyses', payload: { resumeText: 'x' } }, 400, 'validation_error'],
      [{ method: 'POST', url: '/v1/vacancies', payload: '<title>x</title>', headers: { 'content-type': 'application/xml' } }, 415, 'unsupported_media_type'],
      [{ method: 'GET', url: '/v1/vacancies', headers: { authorization: 'Bearer nope' } }, 401, 'invalid_api_key'],
      [{ method: 'POST', url: '/v1/vacancies', payload: '['.repeat(40) + ']'.repeat(40), headers: { 'content-type': 'application/json' } }, 400, 'json_too_deep'],
      [{ method: 'POST', url: '/v1/vacancies', payload: '', headers: { 'content-type': 'application/json' } }, 400, 'empty_body'],
    ];
    for (const [req, status, code] of cases) {
      const res = await h.app.inject(req);
      expect({ url: req.url, status: res.statusCode, code: json(res).error?.code }).toEqual({ url: req.url, status, code });
      expect(typeof json(res).error.message).toBe('string');
    }
  });
});

describe('analyses', () => {
  it('accepts with 202 and produces a complete result', async () => {
    const pair = await createPair();
    const res = await h.app.inject({ method: 'POST', url: '/v1/analyses', payload: pair });
    expect(res.statusCode).toBe(202);
    const { id } = json(res);
    const a = await finished(id);
    expect(a.status).toBe('done');
    expect(a.score).toBeGreaterThan(0);
    expect(a.score).toBeLessThanOrEqual(1);
    expect(['strong', 'partial', 'weak']).toContain(a.verdict);
    expect(a.requirements.length).toBeGreaterThanOrEqual(4);
    const met = a.requirements.find((r: { status: string }) => r.status === 'met');
    expect(met.evidence.text).toBe(RESUME_EN.slice(met.evidence.start, met.evidence.end));
    expect(a.strengths.length).toBeGreaterThan(0);
    expect(a.upgrades.length).toBeGreaterThan(0);
    expect(a.advice_source.source).toBe('rules');
    expect(a.language).toBe('en');
    expect(a.timings.scored_at).not.toBeNull();
  });

  it('writes Russian advice for a Russian resume, from inline texts', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/v1/analyses', payload: { resumeText: RESUME_RU, vacancyText: `${VACANCY_RU.title}\n${VACANCY_RU.description}` } });
    const a = await finished(json(res).id);
    expect(a.language).toBe('ru');
    expect(a.strengths.join(' ')).toMatch(/[а-яё]/i);
    expect(a.resume_id).toBeNull();
  });

  it('a fitting resume scores above an unrelated one', async () => {
    const good = await createPair();
    const bad = await createPair(VACANCY_EN, 'Anna Lee. Pastry chef with 8 years in French bakeries: croissants, wedding cakes, kitchen team management.');
    const [a, b] = await Promise.all(
      [good, bad].map(async (p) => finished(json(await h.app.inject({ method: 'POST', url: '/v1/analyses', payload: p })).id)),
    );
    expect(a.score).toBeGreaterThan(b.score);
  });
});

describe('the original API', () => {
  it('keeps /api/vacancies/, /api/resumes/ and /api/relevancy/', async () => {
    const v = await h.app.inject({ method: 'POST', url: '/api/vacancies/', payload: VACANCY_EN });
    expect(v.statusCode).toBe(201);
    expect(Object.keys(json(v)).sort()).toEqual(['description', 'id', 'title']);
    const r = await h.app.inject({ method: 'POST', url: '/api/resumes/', payload: { name: 'John', content: RESUME_EN } });
    expect(Object.keys(json(r)).sort()).toEqual(['content', 'id', 'name']);
    const list = json(await h.app.inject({ method: 'GET', url: '/api/vacancies/' }));
    expect(Array.isArray(list)).toBe(true);
    const rel = await h.app.inject({ method: 'GET', url: `/api/relevancy/${json(r).id}/${json(v).id}/` });
    expect(rel.statusCode).toBe(200);
    const body = json(rel);
    expect(Object.keys(body).sort()).toEqual(
      ['learning_recommendations', 'reflection_points', 'rewrite_suggestions', 'score', 'strengths', 'upgrades', 'weaknesses'].sort(),
    );
    expect(body.score).toBeGreaterThanOrEqual(0);
    expect(body.score).toBeLessThanOrEqual(1);
    // Asked again, the same analysis answers (nothing changed).
    const again = json(await h.app.inject({ method: 'GET', url: `/api/relevancy/${json(r).id}/${json(v).id}/` }));
    expect(again.score).toBe(body.score);
    expect((await h.app.inject({ method: 'GET', url: `/api/relevancy/1/2/` })).statusCode).toBe(404);
    const form = await h.app.inject({ method: 'POST', url: '/api/vacancies/', payload: 'title=QA&description=Manual%20testing', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(201);
  });
});

describe('owners', () => {
  it('never shows one owner what another created', async () => {
    const alice = await createApiKey(h.database.db, 'alice');
    const bob = await createApiKey(h.database.db, 'bob');
    const A = { authorization: `Bearer ${alice.key}` };
    const B = { authorization: `Bearer ${bob.key}` };
    const pair = await createPair(VACANCY_EN, RESUME_EN, A);
    expect((await h.app.inject({ method: 'GET', url: `/v1/resumes/${pair.resumeId}`, headers: B })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'DELETE', url: `/v1/resumes/${pair.resumeId}`, headers: B })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'POST', url: '/v1/analyses', payload: pair, headers: B })).statusCode).toBe(404);
    expect(json(await h.app.inject({ method: 'GET', url: '/v1/resumes', headers: B })).items).toHaveLength(0);
    const { id } = json(await h.app.inject({ method: 'POST', url: '/v1/analyses', payload: pair, headers: A }));
    expect((await h.app.inject({ method: 'GET', url: `/v1/analyses/${id}`, headers: B })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/api/relevancy/${pair.resumeId}/${pair.vacancyId}/`, headers: B })).statusCode).toBe(404);
  });
});

describe('rankings', () => {
  it('ranks the caller’s vacancies for a resume, the fitting one first', async () => {
    const key = await createApiKey(h.database.db, 'ranker');
    const H = { authorization: `Bearer ${key.key}` };
    const { resumeId, vacancyId } = await createPair(VACANCY_EN, RESUME_EN, H);
    for (const [title, description] of [
      ['Pastry Chef', 'Bake croissants and cakes; 3 years in a bakery; food safety certificate.'],
      ['Accountant', 'IFRS reporting, 1C, tax returns, payroll.'],
      ['Frontend Developer', 'React, TypeScript, CSS; experience with design systems.'],
    ]) {
      await h.app.inject({ method: 'POST', url: '/v1/vacancies', payload: { title, description }, headers: H });
    }
    const res = await h.app.inject({ method: 'POST', url: '/v1/rankings', payload: { resumeId, limit: 10 }, headers: H });
    expect(res.statusCode).toBe(202);
    const ranking = await waitFor(async () => {
      const b = json(await h.app.inject({ method: 'GET', url: `/v1/rankings/${json(res).id}`, headers: H }));
      return b.status === 'done' || b.status === 'failed' ? b : null;
    });
    expect(ranking.error).toBeNull();
    expect(ranking.status).toBe('done');
    expect(ranking.candidate_count).toBe(4);
    expect(ranking.results[0].id).toBe(vacancyId);
    expect(ranking.results.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4]);
  });
});

describe('operations', () => {
  it('serves OpenAPI, health, readiness and metrics', async () => {
    const doc = json(await h.app.inject({ method: 'GET', url: '/docs/json' }));
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/analyses', '/api/relevancy/{resumeId}/{vacancyId}/', '/v1/rankings']));
    expect((await h.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
    expect(json(await h.app.inject({ method: 'GET', url: '/healthz' })).status).toBe('ok');
    expect(json(await h.app.inject({ method: 'GET', url: '/readyz' })).checks).toEqual({ database: 'ok', queue: 'ok' });
    const m = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(m.body).toMatch(/rc_http_request_duration_seconds_bucket/);
    expect(m.body).toMatch(/rc_queue_jobs\{queue="scoring"/);
  });
});

describe('rate limits', () => {
  it('answers 429 with a stable code past the per-key limit, and counts keys apart', async () => {
    const limited = await startHarness({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const a = await createApiKey(limited.database.db, 'a');
      const b = await createApiKey(limited.database.db, 'b');
      const get = (key: string) => limited.app.inject({ method: 'GET', url: '/v1/vacancies', headers: { authorization: `Bearer ${key}` } });
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await get(a.key)).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const over = await get(a.key);
      expect(JSON.parse(over.body).error.code).toBe('rate_limited');
      expect(over.headers['retry-after']).toBeDefined();
      expect((await get(b.key)).statusCode).toBe(200);
      expect((await limited.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
