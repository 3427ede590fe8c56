import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { canRunOwnServers, OwnPostgres } from './own-services.ts';

describe.skipIf(!canRunOwnServers())('own PostgreSQL', () => {
  it('starts, stops and starts again on its own port', async () => {
    const server = await OwnPostgres.start();
    try {
      const q = async () => {
        const c = new pg.Client({ connectionString: server.url });
        await c.connect();
        const r = await c.query('select 1 as one');
        await c.end();
        return r.rows[0].one;
      };
      expect(await q()).toBe(1);
      await server.stop();
      await expect(q()).rejects.toThrow();
      await server.start();
      expect(await q()).toBe(1);
    } finally {
      await server.destroy();
    }
  });
});
