/** Opens the product's database the way the services do (DATABASE_URL, else PGlite in DATA_DIR), for admin commands. */
import { createDatabase, type DatabaseHandle } from '@rc/db';
import { CliError } from '../errors.ts';
import { cliConfig } from '../product.ts';

export async function openDatabase(env: Record<string, string | undefined>): Promise<DatabaseHandle> {
  const config = cliConfig(env);
  try {
    return await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  } catch (err) {
    const where = config.DATABASE_URL ? 'DATABASE_URL' : `DATA_DIR=${config.DATA_DIR}`;
    throw Object.assign(new CliError(`cannot open the database (${where}): ${(err as Error).message}`), { cause: err });
  }
}
