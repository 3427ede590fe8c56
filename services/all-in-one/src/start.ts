/** The whole product in this process, listening: what `pnpm start` and the CLI run. */
import type { Config } from '@rc/config';
import type { Logger } from 'pino';
import { startServices } from './start-services.ts';

export interface Running {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startAllInOne(config: Config, log: Logger): Promise<Running> {
  const services = await startServices(config, { log });
  return { url: services.url!, port: services.port!, stop: services.stop };
}
