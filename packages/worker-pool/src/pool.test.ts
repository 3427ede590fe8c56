import { afterEach, describe, expect, it } from 'vitest';
import { DeadlinePool } from './pool.ts';

class CodedError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const pools: DeadlinePool[] = [];
const pool = (size = 1, maxQueue = 8) => {
  const p = new DeadlinePool({
    module: new URL('./testing/functions.ts', import.meta.url),
    name: 'test',
    size,
    maxQueue,
    errors: {
      timeout: () => new CodedError('too_slow'),
      busy: () => new CodedError('busy'),
      outOfMemory: () => new CodedError('too_big'),
      thrown: (e) => (e.name === 'FixtureError' ? new CodedError(e.code) : undefined),
    },
  });
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof CodedError ? e.code : String(e)),
  );

describe('DeadlinePool', () => {
  it('terminates a call that never ends at its deadline and serves the next call with a new worker', async () => {
    const p = pool();
    await p.warm();
    expect(await codeOf(p.run('spin', null, { timeoutMs: 300 }))).toBe('too_slow');
    expect(p.stats).toEqual({ busy: 0, queued: 0, workers: 0 });
    await expect(p.run('echo', { text: 'next' }, { timeoutMs: 60_000 })).resolves.toEqual({ length: 4, text: 'next' });
    expect(p.stats.workers).toBe(1);
  });

  it('keeps the event loop answering while a worker is stuck: timers fire before the stuck call is stopped', async () => {
    const p = pool();
    await p.warm();
    const order: string[] = [];
    const stuck = codeOf(p.run('spin', null, { timeoutMs: 2_000 })).then((c) => order.push(`call ${c}`));
    let ticks = 0;
    const timer = setInterval(() => ticks < 5 && order.push(`tick ${++ticks}`), 10);
    await stuck;
    clearInterval(timer);
    expect(order).toEqual(['tick 1', 'tick 2', 'tick 3', 'tick 4', 'tick 5', 'call too_slow']);
  });

  it("passes a function's coded errors through, refuses calls past the queue, and refuses everything once closed", async () => {
    const p = pool(1, 1);
    expect(await codeOf(p.run('refuse', { code: 'no_way' }, { timeoutMs: 60_000 }))).toBe('no_way');
    const running = p.run('spin', null, { timeoutMs: 60_000 });
    const waiting = p.run('echo', { text: 'x' }, { timeoutMs: 60_000 });
    expect(await codeOf(p.run('echo', { text: 'y' }, { timeoutMs: 60_000 }))).toBe('busy');
    const refused = Promise.allSettled([running, waiting]);
    await p.close();
    for (const settled of await refused) expect(String((settled as PromiseRejectedResult).reason)).toMatch(/closed/);
    expect(await codeOf(p.run('echo', { text: 'z' }, { timeoutMs: 60_000 }))).toMatch(/closed/);
  });
});
