import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@rc/db';
import { waitFor } from '@rc/testing';
import { RESUME_EN, startHarness, VACANCY_EN, type Harness } from './testing/harness.ts';

// Every caller owns what it creates: another owner's id reads as "not found" on every route, and nothing the other
// owner tries changes the data.
let h: Harness;
let A: Record<string, string>;
let B: Record<string, string>;
let vacancyA: string;
let resumeA: string;
let analysisA: string;
beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '0' });
  A = { authorization: `Bearer ${(await createApiKey(h.database.db, 'owner-a')).key}` };
  B = { authorization: `Bearer ${(await createApiKey(h.database.db, 'owner-b')).key}` };
  vacancyA = JSON.parse((await h.app.inject({ method: 'POST', url: '/v1/vacancies', payload: VACANCY_EN, headers: A })).body).id;
  resumeA = JSON.parse((await h.app.inject({ method: 'POST', url: '/v1/resumes', payload: { name: 'A', content: RESUME_EN }, headers: A })).body).id;
  analysisA = JSON.parse((await h.app.inject({ method: 'POST', url: '/v1/analyses', payload: { resumeId: resumeA, vacancyId: vacancyA }, headers: A })).body).id;
  await waitFor(async () => JSON.parse((await h.app.inject({ method: 'GET', url: `/v1/analyses/${analysisA}`, headers: A })).body).status === 'done');
});
afterAll(async () => {
  await h?.close();
});

const json = (r: { body: string }) => JSON.parse(r.body);

describe('another owner’s data', () => {
  it('is not found on every route that names it', async () => {
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/v1/vacancies/${vacancyA}`],
      ['PATCH', `/v1/vacancies/${vacancyA}`, { title: 'Taken over' }],
      ['DELETE', `/v1/vacancies/${vacancyA}`],
      ['GET', `/v1/resumes/${resumeA}`],
      ['PATCH', `/v1/resumes/${resumeA}`, { name: 'Taken over', content: 'Replaced text of the resume.' }],
      ['DELETE', `/v1/resumes/${resumeA}`],
      ['GET', `/v1/analyses/${analysisA}`],
      ['GET', `/v1/analyses/${analysisA}/events`],
      ['DELETE', `/v1/analyses/${analysisA}`],
      ['POST', '/v1/analyses', { resumeId: resumeA, vacancyId: vacancyA }],
      ['GET', `/api/vacancies/${vacancyA}/`],
      ['GET', `/api/resumes/${resumeA}/`],
      ['DELETE', `/api/resumes/${resumeA}/`],
      ['GET', `/api/relevancy/${resumeA}/${vacancyA}/`],
    ];
    const wrong: string[] = [];
    for (const [method, url, payload] of attempts) {
      const res = await h.app.inject({ method: method as 'GET', url, headers: B, ...(payload ? { payload: payload as object } : {}) });
      if (res.statusCode !== 404 || json(res).error?.code !== 'not_found') wrong.push(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 80)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('is left unchanged and still listed for its owner only', async () => {
    const v = json(await h.app.inject({ method: 'GET', url: `/v1/vacancies/${vacancyA}`, headers: A }));
    expect(v.title).toBe(VACANCY_EN.title);
    const r = json(await h.app.inject({ method: 'GET', url: `/v1/resumes/${resumeA}`, headers: A }));
    expect(r).toMatchObject({ name: 'A', content: RESUME_EN });
    expect(json(await h.app.inject({ method: 'GET', url: `/v1/analyses/${analysisA}`, headers: A })).status).toBe('done');
    for (const list of ['/v1/vacancies', '/v1/resumes', '/v1/analyses', '/v1/rankings']) {
      const ofB = json(await h.app.inject({ method: 'GET', url: `${list}?limit=100`, headers: B }));
      expect(ofB.items, list).toEqual([]);
    }
    expect(json(await h.app.inject({ method: 'GET', url: '/api/vacancies/', headers: B }))).toEqual([]);
    expect(json(await h.app.inject({ method: 'GET', url: '/api/resumes/', headers: B }))).toEqual([]);
    const ofA = json(await h.app.inject({ method: 'GET', url: '/v1/vacancies?limit=100', headers: A }));
    expect(ofA.items.map((x: { id: string }) => x.id)).toEqual([vacancyA]);
  });
});
