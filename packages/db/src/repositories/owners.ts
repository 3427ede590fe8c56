/** Owners and their API keys. Keys are random strings shown once; only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { apiKeys, owners } from '../schema.ts';

export const LOCAL_OWNER = 'local';

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function ensureOwner(db: DbOrTx, name: string): Promise<string> {
  await db.insert(owners).values({ name }).onConflictDoNothing({ target: owners.name });
  const [row] = await db.select({ id: owners.id }).from(owners).where(eq(owners.name, name));
  if (!row) throw new Error(`owner ${name} could not be created`);
  return row.id;
}

export async function createApiKey(db: DbOrTx, ownerName: string): Promise<{ key: string; ownerId: string; prefix: string }> {
  const ownerId = await ensureOwner(db, ownerName);
  const key = `rc_${randomBytes(24).toString('base64url')}`;
  const prefix = key.slice(0, 10);
  await db.insert(apiKeys).values({ ownerId, prefix, hash: hashKey(key) });
  return { key, ownerId, prefix };
}

export async function findOwnerByKey(db: DbOrTx, key: string): Promise<{ ownerId: string; ownerName: string } | null> {
  const [row] = await db
    .select({ ownerId: owners.id, ownerName: owners.name })
    .from(apiKeys)
    .innerJoin(owners, eq(owners.id, apiKeys.ownerId))
    .where(and(eq(apiKeys.hash, hashKey(key)), isNull(apiKeys.revokedAt)));
  return row ?? null;
}
