/** An embedded product for tests: PGlite in memory, in-process queue, the real scorer, advisor and gateway. */
import { loadConfig, type Config } from '@rc/config';
import { createDatabase, type DatabaseHandle } from '@rc/db';
import { InProcessQueue, LocalProgressBus } from '@rc/queue';
import { LexicalEngine, startScorer, type ScoringEngine } from '@rc/scorer';
import { startAdvisor, createWriterFromConfig } from '@rc/advisor';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';

export interface Harness {
  app: FastifyInstance;
  config: Config;
  database: DatabaseHandle;
  queue: InProcessQueue;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}, engine: ScoringEngine = new LexicalEngine()): Promise<Harness> {
  const config = loadConfig({ LOG_LEVEL: 'silent', MODEL_DIR: 'none', ...env });
  const database = await createDatabase({ dataDir: 'memory://' });
  const queue = new InProcessQueue({ backoffMs: 20 });
  const bus = new LocalProgressBus();
  const db = database.db;
  await startScorer({ db, queue, bus, engine, concurrency: 2 });
  await startAdvisor({ db, queue, bus, writer: createWriterFromConfig(config), concurrency: 2 });
  const app = await buildApp({ config, db, queue, bus, pingDb: database.ping });
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
