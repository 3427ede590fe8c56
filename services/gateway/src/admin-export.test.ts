import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOwner, LOCAL_OWNER, schema } from '@rc/db';
import { startHarness, type Harness } from './testing/harness.ts';

// The export streams the stored exchanges page by page (500 a page): more than two pages must come out whole,
// each exchange once, the good-only filter and the masking holding on every page.
const TOKEN = 'admin-token-0123456789abcdef';
const N = 1_203;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ADMIN_TOKEN: TOKEN });
  const owner = await ensureOwner(h.database.db, LOCAL_OWNER);
  const rows = Array.from({ length: N }, (_, i) => ({
    ownerId: owner,
    provider: 'openai',
    model: 'm',
    promptVersion: 'advice-v1',
    language: 'en',
    messages: [
      { role: 'system' as const, content: 'You write resume advice as JSON.' },
      { role: 'user' as const, content: `Exchange ${i}. Resume: write to candidate${i}@example.com or call +1 (415) 555-${String(1000 + (i % 9000)).padStart(4, '0')}.` },
    ],
    response: JSON.stringify({ upgrades: `Advice number ${i}.` }),
    // every third one was not usable: the good-only export leaves it out
    parsed: i % 3 !== 0,
    grounded: true,
  }));
  for (let i = 0; i < rows.length; i += 400) await h.database.db.insert(schema.llmExchanges).values(rows.slice(i, i + 400));
});
afterAll(async () => {
  await h?.close();
});

async function exported(onlyGood: boolean) {
  const res = await h.app.inject({ method: 'GET', url: `/v1/admin/training-data?only_good=${onlyGood}`, headers: { 'x-admin-token': TOKEN } });
  expect(res.statusCode).toBe(200);
  const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as { messages: Array<{ role: string; content: string }> });
  const numbers = lines.map((l) => Number(/Exchange (\d+)\./.exec(l.messages[1]!.content)![1]));
  return { body: res.body, numbers };
}

describe('the training-data export past one page', () => {
  it('gives every stored exchange once, in order, across three pages', async () => {
    const { body, numbers } = await exported(false);
    expect(numbers).toEqual(Array.from({ length: N }, (_, i) => i));
    expect(body).not.toMatch(/candidate\d+@example\.com/);
    expect(body).not.toMatch(/555-\d{4}/);
  });

  it('keeps only the good ones on every page', async () => {
    const { numbers } = await exported(true);
    expect(numbers).toEqual(Array.from({ length: N }, (_, i) => i).filter((i) => i % 3 !== 0));
  });
});
