/** Starts the three services in this process over one database, queue and progress bus. */
import type { Config } from '@rc/config';
import { startAdvisor, createWriterFromConfig } from '@rc/advisor';
import { buildApp } from '@rc/gateway';
import { startRecovery } from '@rc/jobs';
import { openInfrastructure } from '@rc/runtime';
import { createEngine, startScorer } from '@rc/scorer';
import type { Logger } from 'pino';

export interface Running {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startAllInOne(config: Config, log: Logger): Promise<Running> {
  const infra = await openInfrastructure(config, log);
  const engine = await createEngine(config, log);
  const writer = createWriterFromConfig(config);
  const db = infra.database.db;
  await startScorer({ db, queue: infra.queue, bus: infra.bus, engine, concurrency: config.SCORER_CONCURRENCY });
  await startAdvisor({ db, queue: infra.queue, bus: infra.bus, writer, concurrency: config.ADVISOR_CONCURRENCY });
  const deps = { config, db, queue: infra.queue, bus: infra.bus, pingDb: infra.database.ping };
  const app = await buildApp(deps, { logger: log });
  const stopRecovery = startRecovery({ ...deps, maxAttempts: config.JOB_MAX_ATTEMPTS }, app.log, { intervalMs: config.RECOVERY_INTERVAL_MS, staleMs: config.RECOVERY_STALE_MS });
  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ engine: engine.engine, model: engine.model, writer: writer.name, mode: infra.mode }, 'services started');
  return {
    url: `http://${config.HOST}:${port}`,
    port,
    stop: async () => {
      stopRecovery();
      await app.close();
      await infra.close();
      await engine.close();
    },
  };
}
