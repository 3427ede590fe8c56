/** What the use cases need: the stores and the queue, never the HTTP framework, so a route, a test or a CLI can call them. */
import type { GatewayDeps } from '../context.ts';

export type UseCaseDeps = Pick<GatewayDeps, 'config' | 'db' | 'queue' | 'bus'>;

/** Where a use case reports what it worked around (a pino or Fastify logger). */
export interface UseCaseLog {
  warn(obj: object, msg: string): void;
}
