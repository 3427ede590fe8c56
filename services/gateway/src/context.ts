/** What the routes need from the outside world; built once per process and decorated onto the Fastify instance. */
import type { Config } from '@rc/config';
import type { Database } from '@rc/db';
import type { JobQueue, ProgressBus } from '@rc/queue';
import type { FailureCounter, SlotLimiter } from './limits.ts';

export interface GatewayDeps {
  config: Config;
  db: Database;
  queue: JobQueue;
  bus: ProgressBus;
  /** Round trip to the database, for readiness. */
  pingDb: () => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: GatewayDeps;
    limits: { streams: SlotLimiter; relevancyWaits: SlotLimiter; authFailures: FailureCounter };
  }
  interface FastifyRequest {
    ownerId: string;
  }
}
