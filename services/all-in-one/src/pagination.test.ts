import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@rc/db';
import { waitFor } from '@rc/testing';
import { RESUME_EN, startHarness, VACANCY_EN, type Harness } from './testing/harness.ts';

// Cursor pagination over HTTP: every row exactly once, newest first, whatever the page size; a forged cursor is a
// 400 with a stable code.
let h: Harness;
let H: Record<string, string>;
const made: Record<string, string[]> = { resumes: [], analyses: [], rankings: [] };
const N = 7;
beforeAll(async () => {
  // seven rankings are asked for at once: more than one owner may have in flight by default
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '0', RANKINGS_IN_FLIGHT_PER_OWNER: String(N) });
  H = { authorization: `Bearer ${(await createApiKey(h.database.db, 'pager')).key}` };
  const post = async (url: string, payload: object) => {
    const res = await h.app.inject({ method: 'POST', url, payload, headers: H });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return JSON.parse(res.body).id as string;
  };
  const vacancyId = await post('/v1/vacancies', VACANCY_EN);
  for (let i = 0; i < N; i++) made.resumes!.push(await post('/v1/resumes', { name: `CV ${i}`, content: `${RESUME_EN}\nVersion ${i}.` }));
  for (const resumeId of made.resumes!) made.analyses!.push(await post('/v1/analyses', { resumeId, vacancyId }));
  for (const resumeId of made.resumes!) made.rankings!.push(await post('/v1/rankings', { resumeId }));
  await waitFor(async () => {
    const all = await Promise.all(made.rankings!.map(async (id) => JSON.parse((await h.app.inject({ method: 'GET', url: `/v1/rankings/${id}`, headers: H })).body).status));
    return all.every((s) => s === 'done');
  }, { timeoutMs: 60_000 });
});
afterAll(async () => {
  await h?.close();
});

async function readAll(resource: string, limit: number) {
  const ids: string[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const res = await h.app.inject({ method: 'GET', url: `/v1/${resource}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, headers: H });
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body) as { items: Array<{ id: string }>; next_cursor: string | null };
    expect(body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...body.items.map((x) => x.id));
    cursor = body.next_cursor;
    pages++;
  } while (cursor && pages < 20);
  return { ids, pages };
}

describe.each(['resumes', 'analyses', 'rankings'])('GET /v1/%s pages', (resource) => {
  it('give every row once, newest first, at any page size', async () => {
    const newestFirst = [...made[resource]!].reverse();
    for (const limit of [1, 3, N, 100]) {
      const { ids, pages } = await readAll(resource, limit);
      expect(ids, `limit ${limit}`).toEqual(newestFirst);
      // no empty last page: a full page says there is more only when there is
      expect(pages, `limit ${limit}`).toBe(Math.ceil(N / limit));
    }
  });

  it('refuse a forged cursor with 400 invalid_cursor', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/v1/${resource}?cursor=not-a-cursor`, headers: H });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('invalid_cursor');
  });
});
