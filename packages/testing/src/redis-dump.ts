/** Everything stored under a queue prefix in Redis, as text, for tests that check what a failure left there. */
export async function dumpRedisPrefix(url: string, prefix: string): Promise<string> {
  const { Redis } = await import('ioredis');
  const r = new Redis(url, { maxRetriesPerRequest: 3 });
  const out: string[] = [];
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await r.type(key);
        let value: unknown;
        if (type === 'string') value = await r.get(key);
        else if (type === 'hash') value = await r.hgetall(key);
        else if (type === 'list') value = await r.lrange(key, 0, -1);
        else if (type === 'set') value = await r.smembers(key);
        else if (type === 'zset') value = await r.zrange(key, 0, -1);
        else if (type === 'stream') value = await r.xrange(key, '-', '+');
        out.push(`${key} ${type} ${JSON.stringify(value)}`);
      }
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
  return out.join('\n');
}
