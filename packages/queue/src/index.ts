export * from './port.ts';
export { InProcessQueue } from './in-process.ts';
export { BullJobQueue } from './bullmq.ts';
export * from './progress.ts';
export * from './text-free.ts';
import { BullJobQueue } from './bullmq.ts';
import { InProcessQueue } from './in-process.ts';
import { LocalProgressBus, RedisProgressBus, type ProgressBus } from './progress.ts';
import type { JobQueue } from './port.ts';

/** BullMQ when a Redis URL is given, in-process otherwise. */
export function createJobQueue(opts: {
  redisUrl?: string;
  prefix: string;
  onError?: (err: Error) => void;
  lockDurationMs?: number;
  attempts?: number;
}): JobQueue {
  if (opts.redisUrl) {
    return new BullJobQueue({ url: opts.redisUrl, prefix: opts.prefix, onError: opts.onError, lockDurationMs: opts.lockDurationMs, attempts: opts.attempts });
  }
  return new InProcessQueue({ onError: opts.onError ? (err) => opts.onError!(err) : undefined, attempts: opts.attempts });
}

export function createProgressBus(opts: { redisUrl?: string; prefix: string; onError?: (err: Error) => void }): ProgressBus {
  return opts.redisUrl ? new RedisProgressBus(opts.redisUrl, opts.prefix, opts.onError) : new LocalProgressBus();
}
