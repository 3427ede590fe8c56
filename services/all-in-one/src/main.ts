/**
 * `pnpm start`: gateway, scorer and advisor in one process. Embedded by default (PGlite in DATA_DIR, in-process jobs);
 * over PostgreSQL and BullMQ when DATABASE_URL and REDIS_URL are set.
 */
import { loadConfigOrExit } from '@rc/config';
import { createLogger, onShutdown } from '@rc/runtime';
import { startAllInOne } from './start.ts';

const config = loadConfigOrExit();
const log = createLogger(config, 'resume-checker');
const running = await startAllInOne(config, log);
log.info(`Resume Checker is running at ${running.url} (API docs at ${running.url}/docs)`);
onShutdown(log, running.stop, config.SHUTDOWN_GRACE_MS);
