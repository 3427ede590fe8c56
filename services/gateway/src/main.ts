/** The gateway as its own process (distributed mode): `pnpm --filter @rc/gateway start`. */
import { loadConfigOrExit } from '@rc/config';
import { createLogger, onShutdown, openInfrastructure } from '@rc/runtime';
import { startRecovery } from '@rc/jobs';
import { buildApp } from './app.ts';

const config = loadConfigOrExit();
const log = createLogger(config, 'gateway');
const infra = await openInfrastructure(config, log);
const deps = { config, db: infra.database.db, queue: infra.queue, bus: infra.bus, pingDb: infra.database.ping };
const app = await buildApp(deps, { logger: log });
// Every replica starts the loop; the queue's lease lets one of them run each round.
const stopRecovery = startRecovery({ ...deps, maxAttempts: config.JOB_MAX_ATTEMPTS }, app.log, { intervalMs: config.RECOVERY_INTERVAL_MS, staleMs: config.RECOVERY_STALE_MS });
await app.listen({ host: config.HOST, port: config.PORT });
onShutdown(
  log,
  async () => {
    stopRecovery();
    await app.close();
    await infra.close();
  },
  config.SHUTDOWN_GRACE_MS,
);
