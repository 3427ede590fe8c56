/**
 * The gateway alone for route tests: PGlite in memory and an in-process queue with no worker, so accepted jobs wait
 * (the full product's tests, with the scorer and the advisor, are in services/all-in-one).
 */
import { loadConfig, type Config } from '@rc/config';
import { createDatabase, type DatabaseHandle } from '@rc/db';
import { InProcessQueue, LocalProgressBus } from '@rc/queue';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';

export interface Harness {
  app: FastifyInstance;
  config: Config;
  database: DatabaseHandle;
  queue: InProcessQueue;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const config = loadConfig({ LOG_LEVEL: 'silent', MODEL_DIR: 'none', ...env });
  const database = await createDatabase({ dataDir: 'memory://' });
  const queue = new InProcessQueue({ backoffMs: 20 });
  const bus = new LocalProgressBus();
  const app = await buildApp({ config, db: database.db, queue, bus, pingDb: database.ping });
  return {
    app,
    config,
    database,
    queue,
    close: async () => {
      await app.close();
      await queue.close();
      await bus.close();
      await database.close();
    },
  };
}

export { RESUME_EN, RESUME_RU, VACANCY_EN, VACANCY_RU } from '@rc/testing';
