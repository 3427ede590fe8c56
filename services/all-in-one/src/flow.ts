/** The user-visible flow both end-to-end tests drive over HTTP: create a pair, analyse it, read the original route. */
import { expect } from 'vitest';

export async function fullFlow(base: string, vacancy: { title: string; description: string }, resume: string) {
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const v = await post('/api/vacancies/', vacancy);
  const r = await post('/api/resumes/', { name: 'Candidate', content: resume });
  expect(v.status).toBe(201);
  expect(r.status).toBe(201);

  const accepted = await post('/v1/analyses', { resumeId: r.body.id, vacancyId: v.body.id });
  expect(accepted.status).toBe(202);
  let analysis: Record<string, unknown> = {};
  for (let i = 0; i < 600; i++) {
    analysis = (await (await fetch(`${base}/v1/analyses/${accepted.body.id}`)).json()) as Record<string, unknown>;
    if (analysis.status === 'done' || analysis.status === 'failed') break;
    await new Promise((res) => setTimeout(res, 100));
  }
  expect(analysis.status).toBe('done');
  expect((analysis.requirements as unknown[]).length).toBeGreaterThan(0);

  const rel = await fetch(`${base}/api/relevancy/${r.body.id}/${v.body.id}/`);
  expect(rel.status).toBe(200);
  const body = (await rel.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(
    ['learning_recommendations', 'reflection_points', 'rewrite_suggestions', 'score', 'strengths', 'upgrades', 'weaknesses'].sort(),
  );
  expect(body.score).toBeGreaterThanOrEqual(0);
  expect(body.score).toBeLessThanOrEqual(1);
  return { analysis, relevancy: body };
}
