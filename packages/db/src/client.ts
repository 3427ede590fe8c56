/**
 * One function gives the product its database: PostgreSQL through node-postgres when DATABASE_URL is set,
 * otherwise PGlite (embedded PostgreSQL) in a data folder. Migrations run before it is handed out, in both cases.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import { lockDataDir } from './pglite-lock.ts';

export type Schema = typeof schema;
/** Both drivers expose the same query builder; the PGlite one is typed as the pg one. */
export type Database = NodePgDatabase<Schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'drizzle');

// Any stable number: every process that starts against the same database takes this lock to migrate.
const MIGRATION_LOCK = 727_274_001;

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  onError?: (err: Error) => void;
}

export async function createDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return createPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.onError);
  return createPglite(opts.dataDir);
}

async function createPostgres(url: string, poolSize: number, onError?: (err: Error) => void): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (err) => onError?.(err));
  const db = drizzlePg(pool, { schema });
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

async function createPglite(dataDir: string): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let client: InstanceType<typeof PGlite>;
  let unlock = () => {};
  if (dataDir === 'memory://') {
    client = new PGlite();
  } else {
    mkdirSync(dataDir, { recursive: true });
    // Before PGlite touches the folder: a second process must be refused, not open it beside the first.
    unlock = lockDataDir(dataDir);
    client = new PGlite(join(dataDir, 'pglite'));
  }
  try {
    await client.waitReady;
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Database,
      kind: 'pglite',
      ping: async () => {
        await db.execute(sql`SELECT 1`);
      },
      close: async () => {
        try {
          await client.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (err) {
    await client.close().catch(() => undefined);
    unlock();
    throw err;
  }
}
