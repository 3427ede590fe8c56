/**
 * Bounds on the work one client can hold open in a gateway process: long-lived requests (progress streams, relevancy
 * waits) per owner and in total, and failed authentications per address. Each refusal is a 429 with a stable code.
 */
import { AppError } from './errors.ts';

/** Counts open slots per owner and in total; acquire() refuses past either cap. */
export class SlotLimiter {
  private readonly byOwner = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly what: string,
    private readonly code: string,
    private readonly perOwner: number,
    private readonly overall: number,
  ) {}

  /** Takes a slot or throws a 429; the returned function gives it back (once, however often it is called). */
  acquire(ownerId: string): () => void {
    const mine = this.byOwner.get(ownerId) ?? 0;
    if (mine >= this.perOwner) {
      throw new AppError(429, this.code, `at most ${this.perOwner} ${this.what} open at once per owner; close one first`, { 'retry-after': '5' });
    }
    if (this.total >= this.overall) {
      throw new AppError(429, this.code, `the server has ${this.overall} ${this.what} open; retry shortly`, { 'retry-after': '5' });
    }
    this.byOwner.set(ownerId, mine + 1);
    this.total += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.byOwner.get(ownerId) ?? 1) - 1;
      if (left > 0) this.byOwner.set(ownerId, left);
      else this.byOwner.delete(ownerId);
    };
  }

  get open(): number {
    return this.total;
  }
}

/**
 * Failures per key (an address) in fixed one-minute windows. The map is bounded: past maxKeys the oldest window is
 * dropped first, so a flood of addresses costs memory once and never grows without end.
 */
export class FailureCounter {
  private readonly windows = new Map<string, { start: number; n: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly maxKeys = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the key may try again, or 0 when it is under the limit. */
  blockedFor(key: string): number {
    if (this.perMinute <= 0) return 0;
    const w = this.windows.get(key);
    if (!w) return 0;
    const elapsed = this.now() - w.start;
    if (elapsed >= 60_000) {
      this.windows.delete(key);
      return 0;
    }
    return w.n >= this.perMinute ? Math.ceil((60_000 - elapsed) / 1000) : 0;
  }

  record(key: string): void {
    if (this.perMinute <= 0) return;
    const t = this.now();
    const w = this.windows.get(key);
    if (w && t - w.start < 60_000) {
      w.n += 1;
      return;
    }
    this.windows.delete(key);
    this.windows.set(key, { start: t, n: 1 });
    if (this.windows.size > this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
  }
}

/**
 * Refuses an address past its wrong-credential limit with 429 too_many_auth_failures, before its credential is looked
 * up or compared: a guesser learns nothing more until its window ends.
 */
export function refuseIfBlocked(failures: FailureCounter, ip: string): void {
  const wait = failures.blockedFor(ip);
  if (wait > 0) {
    throw new AppError(429, 'too_many_auth_failures', `too many requests with a wrong API key or token from this address; retry in ${wait} s`, {
      'retry-after': String(wait),
    });
  }
}

/** Counts a wrong credential against the address and throws `err`. */
export function refuseCredential(failures: FailureCounter, ip: string, err: AppError): never {
  failures.record(ip);
  throw err;
}

/** A map that keeps its most recently used entries: a flood of new keys evicts the stalest one, never all of them. */
export class LruCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}
