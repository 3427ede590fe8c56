import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { findRedis, inCI, uniquePrefix, waitFor } from '@rc/testing';
import { RedisProgressBus } from './progress.ts';

describe('RedisProgressBus', () => {
  const buses: RedisProgressBus[] = [];
  afterAll(async () => {
    for (const b of buses) await b.close();
  });

  it('ignores messages on its channel that are not JSON and keeps delivering the next ones', async (ctx) => {
    const url = await findRedis();
    if (!url) {
      if (inCI) throw new Error('Redis is required in CI');
      return ctx.skip();
    }
    const prefix = uniquePrefix('progress');
    const errors: string[] = [];
    const bus = new RedisProgressBus(url, prefix, (e) => errors.push(e.message));
    buses.push(bus);
    const id = '01234567-89ab-4def-8123-456789abcdef';
    const seen: string[] = [];
    bus.subscribe(id, (e) => seen.push(e.status));
    const raw = new Redis(url);
    try {
      // The subscription is made lazily: publish until the first valid event arrives, then the poison, then another.
      await waitFor(async () => {
        await bus.publish({ kind: 'analysis', id, status: 'scoring', progress: 0.3, at: new Date().toISOString() });
        return seen.length > 0;
      });
      await raw.publish(`${prefix}:progress`, '{not json');
      await raw.publish(`${prefix}:progress`, '\u0000'.repeat(10_000));
      await bus.publish({ kind: 'analysis', id, status: 'done', progress: 1, at: new Date().toISOString() });
      await waitFor(async () => seen.includes('done'), { what: 'the event after the garbage' });
      expect(errors.filter((m) => m.includes('not JSON'))).toHaveLength(2);
    } finally {
      raw.disconnect();
    }
  });
});
