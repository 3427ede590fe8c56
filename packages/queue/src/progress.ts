/**
 * Progress events of analyses and rankings: workers publish, the gateway streams them over SSE. In-process it is an
 * EventEmitter; distributed it is Redis pub/sub on one channel per deployment prefix.
 */
import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { progressEventSchema, type ProgressEvent } from '@rc/contracts';

/** Publishes one progress event, stamped now. */
export function publishProgress(bus: ProgressBus, kind: ProgressEvent['kind'], id: string, status: string, progress: number, message?: string): Promise<void> {
  return bus.publish({ kind, id, status, progress, message, at: new Date().toISOString() });
}

export type ProgressListener = (e: ProgressEvent) => void;

export interface ProgressBus {
  publish(e: ProgressEvent): Promise<void>;
  subscribe(id: string, listener: ProgressListener): () => void;
  close(): Promise<void>;
}

export class LocalProgressBus implements ProgressBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  async publish(e: ProgressEvent): Promise<void> {
    this.emitter.emit(e.id, e);
  }
  subscribe(id: string, listener: ProgressListener): () => void {
    this.emitter.on(id, listener);
    return () => this.emitter.off(id, listener);
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

export class RedisProgressBus implements ProgressBus {
  private readonly local = new LocalProgressBus();
  private readonly pub: Redis;
  private sub: Redis | null = null;
  private readonly channel: string;

  constructor(
    private readonly url: string,
    prefix: string,
    private readonly onError?: (err: Error) => void,
  ) {
    this.channel = `${prefix}:progress`;
    this.pub = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.pub.on('error', (err) => onError?.(err));
  }

  async publish(e: ProgressEvent): Promise<void> {
    // Progress is advisory (the database holds the truth): a lost event must never fail a job.
    await this.pub.publish(this.channel, JSON.stringify(e)).catch((err: Error) => this.onError?.(err));
  }

  subscribe(id: string, listener: ProgressListener): () => void {
    if (!this.sub) {
      this.sub = new Redis(this.url, { maxRetriesPerRequest: null });
      this.sub.on('error', (err) => this.onError?.(err));
      void this.sub.subscribe(this.channel).catch((err: Error) => this.onError?.(err));
      this.sub.on('message', (_channel, message: string) => {
        // Anyone who can publish on the channel could send garbage; a throw here would take the process down.
        let data: unknown;
        try {
          data = JSON.parse(message);
        } catch {
          this.onError?.(new Error('ignored a progress message that is not JSON'));
          return;
        }
        const parsed = progressEventSchema.safeParse(data);
        if (parsed.success) void this.local.publish(parsed.data);
      });
    }
    return this.local.subscribe(id, listener);
  }

  async close(): Promise<void> {
    await this.local.close();
    this.pub.disconnect();
    this.sub?.disconnect();
  }
}
