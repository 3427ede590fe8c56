/**
 * `pnpm start`: gateway, scorer and advisor in one process. Embedded by default (PGlite in DATA_DIR, in-process jobs);
 * over PostgreSQL and BullMQ when DATABASE_URL and REDIS_URL are set.
 */
import { runProcess } from './run.ts';

const services = await runProcess('resume-checker');
services.infra.log.info(`Resume Checker is running at ${services.url} (API docs at ${services.url}/docs)`);
