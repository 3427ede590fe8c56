/**
 * Where the CLI's requests go: a running gateway (--url), or, by default, the whole product started in this process
 * (startAllInOne on a free loopback port), so that the CLI runs exactly the code the server runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '@rc/config';
import { startAllInOne } from '@rc/all-in-one';
import { ApiClient } from './api-client.ts';
import { CliError, usageError } from './errors.ts';

export interface Connection {
  client: ApiClient;
  /** "embedded" or the gateway's URL, for messages. */
  where: string;
  close(): Promise<void>;
}

/** Stops for what is running right now, so that Ctrl-C can close the embedded database cleanly. */
export const openConnections = new Set<() => Promise<void>>();

export interface ConnectOptions {
  url?: string;
  key?: string;
  /** Use a throwaway data folder instead of DATA_DIR. */
  temp?: boolean;
  env: Record<string, string | undefined>;
}

/** The product's config for the CLI: quiet logs unless LOG_LEVEL says otherwise, and a loopback port of its own. */
export function cliConfig(env: Record<string, string | undefined>, overrides: Record<string, string> = {}): Config {
  try {
    return loadConfig({ LOG_LEVEL: 'warn', ...env, ...overrides });
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

export async function connect(opts: ConnectOptions): Promise<Connection> {
  if (opts.url) {
    let url: URL;
    try {
      url = new URL(opts.url);
    } catch {
      throw usageError(`--url must be a URL such as http://127.0.0.1:8000 (got "${opts.url}")`);
    }
    return { client: new ApiClient(url.toString(), opts.key), where: url.origin, close: async () => undefined };
  }
  const tempDir = opts.temp ? await mkdtemp(join(tmpdir(), 'resume-checker-')) : null;
  const config = cliConfig(opts.env, { HOST: '127.0.0.1', PORT: '0', ...(tempDir ? { DATA_DIR: tempDir } : {}) });
  // Logs go to stderr: stdout carries the report or the JSON.
  const log = pino({ name: 'resume-checker', level: config.LOG_LEVEL }, pino.destination(2));
  let running;
  try {
    running = await startAllInOne(config, log);
  } catch (err) {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
    throw new CliError(`could not start Resume Checker: ${(err as Error).message}`);
  }
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      openConnections.delete(close);
      await running.stop();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    })());
  openConnections.add(close);
  return { client: new ApiClient(running.url, opts.key), where: 'embedded', close };
}
