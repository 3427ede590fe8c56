/**
 * What every service process opens at start-up (database, queue, progress bus, logger) and closes on SIGTERM/SIGINT.
 * Business logic does not live here.
 */
import pino, { type Logger } from 'pino';
import type { Config } from '@rc/config';
import { createDatabase, logSafeError, type DatabaseHandle } from '@rc/db';
import { createJobQueue, createProgressBus, type JobQueue, type ProgressBus } from '@rc/queue';

export interface Infrastructure {
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  queue: JobQueue;
  bus: ProgressBus;
  mode: 'embedded' | 'distributed';
  close(): Promise<void>;
}

/**
 * The process's logger. Errors logged under `err` are described without their data (see describeError): a failed
 * query's parameters are resume and vacancy text. `destination` is for tests that read what was logged.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, name: string, destination?: pino.DestinationStream): Logger {
  const options = { name, level: config.LOG_LEVEL, serializers: { err: logSafeError, error: logSafeError } };
  return destination ? pino(options, destination) : pino(options);
}

/** Parts a caller already holds (a test's in-memory database, a queue with short back-offs); the rest is opened from config. */
export interface InfrastructureParts {
  database?: DatabaseHandle;
  queue?: JobQueue;
  bus?: ProgressBus;
}

export async function openInfrastructure(config: Config, log: Logger, given: InfrastructureParts = {}): Promise<Infrastructure> {
  const database =
    given.database ??
    (await createDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      onError: (err) => log.warn({ err }, 'database connection error'),
    }));
  const onError = (err: Error) => log.warn({ err: err.message }, 'queue connection error');
  const queue =
    given.queue ??
    createJobQueue({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, onError, lockDurationMs: config.QUEUE_LOCK_MS, attempts: config.JOB_MAX_ATTEMPTS });
  const bus = given.bus ?? createProgressBus({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, onError });
  const mode = config.DATABASE_URL || config.REDIS_URL ? 'distributed' : 'embedded';
  log.info({ database: database.kind, queue: queue.kind, mode }, 'infrastructure ready');
  return {
    config,
    log,
    database,
    queue,
    bus,
    mode,
    close: async () => {
      await queue.close();
      await bus.close();
      await database.close();
    },
  };
}

/**
 * Runs `stop` once on SIGTERM or SIGINT, then exits; a second signal exits at once, and so does a shutdown that takes
 * longer than timeoutMs (SHUTDOWN_GRACE_MS: a Redis or database that is gone must not keep a dying process alive).
 * Whoever stops the process (docker stop_grace_period, Kubernetes terminationGracePeriodSeconds) must wait longer.
 */
export function onShutdown(log: Logger, stop: () => Promise<void>, timeoutMs = 25_000): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error('shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs).unref();
    stop()
      .then(() => process.exit(0))
      .catch((err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => handler('SIGTERM'));
  process.once('SIGINT', () => handler('SIGINT'));
}
