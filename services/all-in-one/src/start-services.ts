/**
 * The one place the product is put together: the gateway, the scorer and the advisor (all of them, or the ones named
 * in `only`) over one database, queue and progress bus. Every process entry point, the CLI, the full-product tests
 * and the benchmarks start the product through here.
 */
import type { Config } from '@rc/config';
import { createWriterFromConfig, startAdvisor } from '@rc/advisor';
import { buildApp } from '@rc/gateway';
import { startRecovery } from '@rc/jobs';
import type { AdviceWriter } from '@rc/llm';
import { createLogger, openInfrastructure, type Infrastructure, type InfrastructureParts } from '@rc/runtime';
import { createEngine, startScorer, type Scorer, type ScoringEngine } from '@rc/scorer';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

export const serviceNames = ['gateway', 'scorer', 'advisor'] as const;
export type ServiceName = (typeof serviceNames)[number];

export interface StartOptions extends InfrastructureParts {
  /** The services this process runs; all three by default. */
  only?: readonly ServiceName[];
  /** The scorer's engine; by default the one the config names (the cross-encoder, or the lexical fallback). */
  engine?: ScoringEngine;
  /** The advisor's writer; by default the one the config names. */
  writer?: AdviceWriter;
  log?: Logger;
  /** Whether the gateway listens on HOST:PORT (tests that call app.inject do not); default true. */
  listen?: boolean;
  /** Whether the gateway starts the recovery loop; default true. */
  recovery?: boolean;
}

export interface Services {
  config: Config;
  infra: Infrastructure;
  /** The gateway's app, when it runs here. */
  app: FastifyInstance | null;
  engine: ScoringEngine | null;
  /** The scorer, when it runs here (its posting reader: see @rc/scorer). */
  scorer: Scorer | null;
  writer: AdviceWriter | null;
  /** Where the gateway listens, when it does. */
  url: string | null;
  port: number | null;
  stop(): Promise<void>;
}

export async function startServices(config: Config, opts: StartOptions = {}): Promise<Services> {
  const only = new Set<ServiceName>(opts.only ?? serviceNames);
  const log = opts.log ?? createLogger(config, 'resume-checker');
  const infra = await openInfrastructure(config, log, opts);
  const { queue, bus } = infra;
  const db = infra.database.db;
  const ownEngine = only.has('scorer') && !opts.engine;
  const engine = only.has('scorer') ? (opts.engine ?? (await createEngine(config, log))) : null;
  const writer = only.has('advisor') ? (opts.writer ?? createWriterFromConfig(config)) : null;
  const scorer = engine ? await startScorer({ db, queue, bus, engine, concurrency: config.SCORER_CONCURRENCY, log }) : null;
  if (writer) await startAdvisor({ db, queue, bus, writer, concurrency: config.ADVISOR_CONCURRENCY });

  let app: FastifyInstance | null = null;
  let stopRecovery = () => {};
  let url: string | null = null;
  let port: number | null = null;
  if (only.has('gateway')) {
    const deps = { config, db, queue, bus, pingDb: infra.database.ping };
    app = await buildApp(deps, { logger: log });
    // Every gateway starts the loop; the queue's lease lets one process of the deployment run each round.
    if (opts.recovery !== false) {
      stopRecovery = startRecovery({ ...deps, maxAttempts: config.JOB_MAX_ATTEMPTS }, app.log, {
        intervalMs: config.RECOVERY_INTERVAL_MS,
        staleMs: config.RECOVERY_STALE_MS,
      });
    }
    if (opts.listen !== false) {
      await app.listen({ host: config.HOST, port: config.PORT });
      const address = app.server.address();
      port = typeof address === 'object' && address ? address.port : config.PORT;
      url = `http://${config.HOST}:${port}`;
    }
  }
  log.info(
    { services: [...only], mode: infra.mode, ...(engine ? { engine: engine.engine, model: engine.model } : {}), ...(writer ? { writer: writer.name } : {}) },
    'services started',
  );
  return {
    config,
    infra,
    app,
    engine,
    scorer,
    writer,
    url,
    port,
    stop: async () => {
      stopRecovery();
      await app?.close();
      await scorer?.stop();
      // Closing the queue aborts the LLM calls in flight and hands their jobs back; scoring jobs take seconds.
      await infra.close();
      if (ownEngine) await engine?.close();
    },
  };
}
