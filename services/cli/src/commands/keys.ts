/** `keys create`: a new API key for an owner, printed once (only its hash is stored). */
import { createApiKey } from '@rc/db';
import type { CommandContext } from './context.ts';
import { openDatabase } from './database.ts';

export async function createKey(opts: { owner: string }, ctx: CommandContext): Promise<number> {
  const handle = await openDatabase(ctx.env);
  try {
    const { key, prefix } = await createApiKey(handle.db, opts.owner);
    // The key alone on stdout, so that KEY=$(pnpm -s cli keys create --owner x) works.
    ctx.stdout.write(`${key}\n`);
    ctx.stderr.write(`Created API key ${prefix}… for owner "${opts.owner}". It is shown only this once: store it now.\nSend it as: Authorization: Bearer <key>\n`);
    return 0;
  } finally {
    await handle.close();
  }
}
