/** The scorer as its own process (distributed mode): `pnpm --filter @rc/scorer start`. */
import { loadConfigOrExit } from '@rc/config';
import { createLogger, onShutdown, openInfrastructure } from '@rc/runtime';
import { createEngine } from './create-engine.ts';
import { startScorer } from './worker.ts';

const config = loadConfigOrExit();
const log = createLogger(config, 'scorer');
const infra = await openInfrastructure(config, log);
const engine = await createEngine(config, log);
await startScorer({ db: infra.database.db, queue: infra.queue, bus: infra.bus, engine, concurrency: config.SCORER_CONCURRENCY });
log.info({ engine: engine.engine, model: engine.model }, 'scorer started');
// Scoring jobs take seconds, within the grace; past it the process exits and the lock expiry hands the job back.
onShutdown(
  log,
  async () => {
    await infra.close();
    await engine.close();
  },
  config.SHUTDOWN_GRACE_MS,
);
