/**
 * `keys create`: a new API key for an owner, printed once (only its hash is stored). It opens the database itself;
 * when a running embedded server holds that database (PGlite takes one process), it asks that server instead.
 */
import { createApiKey, DatabaseLockedError } from '@rc/db';
import { ApiClient } from '../api-client.ts';
import { CliError } from '../errors.ts';
import { cliConfig } from '../product.ts';
import type { CommandContext } from './context.ts';
import { openDatabase } from './database.ts';

export interface KeyOptions {
  owner: string;
  /** A running gateway to create the key through, instead of the database. */
  url?: string;
  adminToken?: string;
}

export async function createKey(opts: KeyOptions, ctx: CommandContext): Promise<number> {
  let made: { key: string; prefix: string };
  if (opts.url) {
    made = await throughServer(opts.url, opts, ctx);
  } else {
    try {
      const handle = await openDatabase(ctx.env);
      try {
        made = await createApiKey(handle.db, opts.owner);
      } finally {
        await handle.close();
      }
    } catch (err) {
      const locked = (err as { cause?: unknown }).cause;
      if (!(locked instanceof DatabaseLockedError)) throw err;
      // The server that holds the folder is the one place that may write to it: ask it, where it listens.
      const config = cliConfig(ctx.env);
      const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST === '::' ? '[::1]' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
      const url = `http://${host}:${config.PORT}`;
      ctx.stderr.write(`The database in ${config.DATA_DIR} is held by process ${locked.pid}; creating the key through the server at ${url}.\n`);
      try {
        made = await throughServer(url, opts, ctx);
      } catch (e) {
        throw new CliError(
          `${locked.message}.\nAsking the server at ${url} did not work either: ${(e as Error).message}\n` +
            `Stop that process and run this again, or point at the server: pnpm cli keys create --owner NAME --url URL [--admin-token TOKEN]`,
        );
      }
    }
  }
  // The key alone on stdout, so that KEY=$(pnpm -s cli keys create --owner x) works.
  ctx.stdout.write(`${made.key}\n`);
  ctx.stderr.write(`Created API key ${made.prefix}… for owner "${opts.owner}". It is shown only this once: store it now.\nSend it as: Authorization: Bearer <key>\n`);
  return 0;
}

async function throughServer(url: string, opts: KeyOptions, ctx: CommandContext): Promise<{ key: string; prefix: string }> {
  const token = opts.adminToken ?? cliConfig(ctx.env).ADMIN_TOKEN;
  const client = new ApiClient(url, undefined, token ? { 'x-admin-token': token } : {});
  return client.post<{ key: string; prefix: string }>('/v1/admin/keys', { owner: opts.owner });
}
