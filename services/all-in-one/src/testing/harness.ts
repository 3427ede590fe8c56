/** The whole product for tests, through startServices: PGlite in memory, an in-process queue, the gateway not listening (app.inject). */
import { loadConfig, type Config } from '@rc/config';
import { createDatabase, type DatabaseHandle } from '@rc/db';
import { InProcessQueue, LocalProgressBus } from '@rc/queue';
import { LexicalEngine, type ScoringEngine } from '@rc/scorer';
import type { FastifyInstance } from 'fastify';
import { startServices } from '../start-services.ts';

export interface Harness {
  app: FastifyInstance;
  config: Config;
  database: DatabaseHandle;
  queue: InProcessQueue;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}, engine: ScoringEngine = new LexicalEngine()): Promise<Harness> {
  const config = loadConfig({ LOG_LEVEL: 'silent', MODEL_DIR: 'none', SCORER_CONCURRENCY: '2', ADVISOR_CONCURRENCY: '2', ...env });
  const database = await createDatabase({ dataDir: 'memory://' });
  // Short back-offs, so tests of retries do not wait a second each.
  const queue = new InProcessQueue({ backoffMs: 20 });
  const services = await startServices(config, { database, queue, bus: new LocalProgressBus(), engine, listen: false, recovery: false });
  return { app: services.app!, config, database, queue, close: services.stop };
}

export { RESUME_EN, RESUME_RU, VACANCY_EN, VACANCY_RU } from '@rc/testing';
