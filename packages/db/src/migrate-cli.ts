/** `pnpm db:migrate`: applies the migrations to DATABASE_URL (or the embedded database in DATA_DIR) and exits. */
import { loadConfigOrExit } from '@rc/config';
import { createDatabase } from './client.ts';

const config = loadConfigOrExit();
const handle = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
console.log(`migrations applied (${handle.kind})`);
await handle.close();
