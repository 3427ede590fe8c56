import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@rc/db';
import { startHarness, type Harness } from './testing/harness.ts';

// Many owners at once over real HTTP: no response may ever carry another owner's data, and nothing may fail.
let h: Harness;
let base: string;
const owners: Array<{ key: string; vacancyIds: Set<string>; resumeIds: Set<string> }> = [];

beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '0' });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as { port: number }).port}`;
  for (let i = 0; i < 12; i++) {
    const { key } = await createApiKey(h.database.db, `load-${i}`);
    const o = { key, vacancyIds: new Set<string>(), resumeIds: new Set<string>() };
    for (let j = 0; j < 3; j++) {
      const v = await h.app.inject({ method: 'POST', url: '/v1/vacancies', headers: { authorization: `Bearer ${key}` }, payload: { title: `Owner ${i} job ${j}`, description: `Python ${i}` } });
      o.vacancyIds.add(JSON.parse(v.body).id);
      const r = await h.app.inject({ method: 'POST', url: '/v1/resumes', headers: { authorization: `Bearer ${key}` }, payload: { name: `Owner ${i} CV ${j}`, content: `Developer ${i}` } });
      o.resumeIds.add(JSON.parse(r.body).id);
    }
    owners.push(o);
  }
});
afterAll(async () => {
  await h?.close();
});

describe('load with many owners', () => {
  it('serves every owner only its own data, with no errors', async () => {
    const leaks: string[] = [];
    const wrongSize: string[] = [];
    let checked = 0;
    let turn = 0;
    const result = await autocannon({
      url: base,
      connections: 24,
      amount: 3_000,
      timeout: 20,
      requests: [
        {
          setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
            const i = turn++ % owners.length;
            const o = owners[i]!;
            context.owner = i;
            const kind = turn % 3;
            const path = kind === 0 ? '/v1/vacancies?limit=100' : kind === 1 ? '/v1/resumes?limit=100' : '/api/vacancies/';
            context.path = path;
            return { ...req, method: 'GET', path, headers: { authorization: `Bearer ${o.key}` } };
          },
          onResponse: (status: number, body: string, context: Record<string, unknown>) => {
            if (status !== 200) return;
            const o = owners[context.owner as number]!;
            const parsed = JSON.parse(body) as { items?: Array<{ id: string }> } | Array<{ id: string }>;
            const items = Array.isArray(parsed) ? parsed : (parsed.items ?? []);
            for (const it of items) if (!o.vacancyIds.has(it.id) && !o.resumeIds.has(it.id)) leaks.push(it.id);
            // each owner has three of each: an empty (or short) list would hide a leak as well as a lost row
            if (items.length !== 3) wrongSize.push(`${String(context.path)}: ${items.length} items`);
            checked++;
          },
        },
      ],
    } as unknown as autocannon.Options);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(checked).toBeGreaterThanOrEqual(2_900);
    expect(leaks).toEqual([]);
    expect(wrongSize.slice(0, 5)).toEqual([]);
  });
});
