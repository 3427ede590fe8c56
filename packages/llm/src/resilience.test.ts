import { describe, expect, it } from 'vitest';
import { CircuitBreaker, Semaphore, backoffDelay, parseRetryAfter } from './resilience.ts';
import { costUsd } from './pricing.ts';

const headers = (h: Record<string, string>) => new Headers(h);

describe('parseRetryAfter', () => {
  it('reads delta-seconds, HTTP dates and retry-after-ms', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(parseRetryAfter(headers({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }), now)).toBe(7000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }), now)).toBe(0);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter(headers({}))).toBeNull();
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('doubles per retry, jitters within the upper half, and is capped', () => {
    expect(backoffDelay(0, 100, 10_000, () => 0)).toBe(50);
    expect(backoffDelay(0, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, 10_000, () => 1)).toBe(800);
    expect(backoffDelay(20, 100, 1_000, () => 1)).toBe(1_000);
  });
});

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures, lets one trial through after the cooldown, closes on its success', () => {
    let now = 0;
    const breaker = new CircuitBreaker(3, 1000, () => now);
    for (let i = 0; i < 2; i++) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.failure();
    }
    expect(breaker.state).toBe('closed');
    breaker.tryAcquire();
    breaker.failure();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    now = 1000;
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false); // only one trial at a time
    breaker.success();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('reopens for another cooldown when the trial fails; a success resets the count', () => {
    let now = 0;
    const breaker = new CircuitBreaker(2, 1000, () => now);
    breaker.failure();
    breaker.success();
    breaker.failure();
    expect(breaker.state).toBe('closed');
    breaker.failure();
    expect(breaker.state).toBe('open');
    now = 1500;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.failure();
    expect(breaker.state).toBe('open');
    now = 2400;
    expect(breaker.tryAcquire()).toBe(false);
    now = 2500;
    expect(breaker.tryAcquire()).toBe(true);
  });
});

describe('Semaphore', () => {
  it('never lets more than the limit in, serves waiters in order, and drops aborted waiters', async () => {
    const sem = new Semaphore(2);
    const a = await sem.acquire();
    const b = await sem.acquire();
    const order: string[] = [];
    const c = sem.acquire().then((r) => (order.push('c'), r));
    const controller = new AbortController();
    const d = sem.acquire(controller.signal);
    const e = sem.acquire().then((r) => (order.push('e'), r));
    controller.abort(new Error('gone'));
    await expect(d).rejects.toThrow('gone');
    expect(sem.inFlight).toBe(2);
    a();
    a(); // releasing twice is harmless
    (await c)();
    b();
    (await e)();
    expect(order).toEqual(['c', 'e']);
    expect(sem.inFlight).toBe(0);
  });
});

describe('costUsd', () => {
  it('prices known models and their dated snapshots, and gives null for unknown ones', () => {
    expect(costUsd('gpt-4o-mini', 1_000_000, 1_000_000)).toBeCloseTo(0.75);
    expect(costUsd('gpt-4o-mini-2024-07-18', 1000, 500)).toBeCloseTo((1000 * 0.15 + 500 * 0.6) / 1e6);
    expect(costUsd('gpt-4o-2024-08-06', 1000, 0)).toBeCloseTo(0.0025);
    expect(costUsd('qwen2.5-7b-instruct', 1000, 1000)).toBeNull();
    expect(costUsd('gpt-4o', null, 10)).toBeNull();
  });
});
