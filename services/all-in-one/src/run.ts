/** A process's life: config, logger, the services it runs (startServices), and a clean stop on SIGTERM/SIGINT. */
import { loadConfigOrExit } from '@rc/config';
import { createLogger, onShutdown } from '@rc/runtime';
import { startServices, type ServiceName, type Services } from './start-services.ts';

export async function runProcess(name: string, only?: readonly ServiceName[]): Promise<Services> {
  const config = loadConfigOrExit();
  const log = createLogger(config, name);
  const services = await startServices(config, { only, log });
  // Scoring jobs take seconds, within the grace; past it the process exits and the lock expiry hands the job back.
  // Closing the queue aborts LLM calls in flight, so the grace need not cover one (LLM_TIMEOUT_S, with retries).
  onShutdown(log, services.stop, config.SHUTDOWN_GRACE_MS);
  return services;
}
