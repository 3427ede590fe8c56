import { describe, expect, it, vi } from 'vitest';
import { Batcher, QueueFullError } from './batcher.ts';

describe('Batcher', () => {
  it('groups concurrent requests into length-sorted batches and returns each caller its own result', async () => {
    const batches: number[][] = [];
    const b = new Batcher<number>(
      async (items) => {
        batches.push(items);
        return Float32Array.from(items.map((x) => x * 10));
      },
      (x) => x,
      { maxBatch: 4, maxTokens: 1_000, maxWaitMs: 5, maxQueue: 100 },
    );
    const inputs = [9, 1, 8, 2, 7, 3, 6, 4];
    const single = await Promise.all(inputs.map((x) => b.submit(x)));
    expect(single).toEqual(inputs.map((x) => x * 10));
    expect(batches.every((batch) => batch.length <= 4)).toBe(true);
    expect(batches.flat().sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 6, 7, 8, 9]);
    batches.length = 0;
    const many = await b.submitMany(inputs);
    expect(many).toEqual(inputs.map((x) => x * 10));
    // Sorted by length within the window: the shortest four ran together, so padding is small.
    expect(batches).toEqual([
      [1, 2, 3, 4],
      [6, 7, 8, 9],
    ]);
  });

  it('caps a batch by padded tokens, so long inputs make smaller batches', async () => {
    const sizes: number[] = [];
    const b = new Batcher<number>(
      async (items) => {
        sizes.push(items.length);
        return new Float32Array(items.length);
      },
      (x) => x,
      { maxBatch: 16, maxTokens: 1_000, maxWaitMs: 1, maxQueue: 100 },
    );
    await b.submitMany(Array.from({ length: 8 }, () => 400));
    expect(Math.max(...sizes)).toBe(2);
  });

  it('refuses work past its queue bound instead of growing without end', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const b = new Batcher<number>(
      async (items) => {
        await gate;
        return new Float32Array(items.length);
      },
      (x) => x,
      { maxBatch: 1, maxTokens: 1_000, maxWaitMs: 1, maxQueue: 2 },
    );
    const first = b.submit(1);
    await new Promise((r) => setTimeout(r, 10));
    const queued = [b.submit(1), b.submit(1)];
    await expect(b.submit(1)).rejects.toBeInstanceOf(QueueFullError);
    release();
    await Promise.all([first, ...queued]);
  });

  it('passes a failed run to every caller of that batch', async () => {
    const b = new Batcher<number>(
      async () => {
        throw new Error('session failed');
      },
      (x) => x,
      { maxBatch: 4, maxTokens: 1_000, maxWaitMs: 1, maxQueue: 10 },
    );
    const results = await Promise.allSettled([b.submit(1), b.submit(2)]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
  });
  it('keeps as many batches in flight as it has lanes, and no more', async () => {
    let running = 0;
    let most = 0;
    const gates: Array<() => void> = [];
    const b = new Batcher<number>(
      async (items) => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((r) => gates.push(r));
        running--;
        return Float32Array.from(items.map((x) => x + 0.5));
      },
      (x) => x,
      { maxBatch: 1, maxTokens: 1_000, maxWaitMs: 1, maxQueue: 100, concurrency: 3 },
    );
    const all = b.submitMany([1, 2, 3, 4, 5, 6, 7]);
    await vi.waitFor(() => expect(gates.length).toBe(3));
    expect(b.queued).toBe(4);
    while (gates.length > 0 || running > 0) {
      gates.splice(0).forEach((open) => open());
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(await all).toEqual([1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5]);
    expect(most).toBe(3);
  });

  it('rejects what is still waiting when closed', async () => {
    const gates: Array<() => void> = [];
    const b = new Batcher<number>(
      async (items) => {
        await new Promise<void>((r) => gates.push(r));
        return new Float32Array(items.length);
      },
      (x) => x,
      { maxBatch: 1, maxTokens: 1_000, maxWaitMs: 1, maxQueue: 100, concurrency: 2 },
    );
    const results = Promise.allSettled([1, 2, 3, 4].map((x) => b.submit(x)));
    await vi.waitFor(() => expect(gates.length).toBe(2));
    b.close();
    gates.forEach((open) => open());
    const settled = await results;
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    await expect(b.submit(5)).rejects.toThrow(/closed/);
  });
});
