/** The advisor as its own process (distributed mode): `pnpm --filter @rc/advisor start`. */
import { loadConfigOrExit } from '@rc/config';
import { createLogger, onShutdown, openInfrastructure } from '@rc/runtime';
import { createWriterFromConfig } from './create-writer.ts';
import { startAdvisor } from './worker.ts';

const config = loadConfigOrExit();
const log = createLogger(config, 'advisor');
const infra = await openInfrastructure(config, log);
const writer = createWriterFromConfig(config);
await startAdvisor({ db: infra.database.db, queue: infra.queue, bus: infra.bus, writer, concurrency: config.ADVISOR_CONCURRENCY });
log.info({ writer: writer.name }, 'advisor started');
// Closing the queue aborts the LLM calls in flight and hands their jobs back at once, so the grace need not cover
// an LLM call (LLM_TIMEOUT_S, with retries).
onShutdown(log, () => infra.close(), config.SHUTDOWN_GRACE_MS);
