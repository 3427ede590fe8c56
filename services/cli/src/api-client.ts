/**
 * The CLI's client of the gateway's /v1 API: the same endpoints the web page uses, with the API's
 * `{error:{code,message}}` answers turned into CliErrors and progress read from the Server-Sent Events stream.
 */
import { isFinished } from '@rc/contracts';
import { CliError } from './errors.ts';

export interface Progress {
  status: string;
  progress: number;
}

export interface ApiError extends CliError {
  status: number;
  code: string;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey?: string,
    /** Sent with every request (the admin token of `keys create --url`). */
    private readonly fixedHeaders: Record<string, string> = {},
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { accept: 'application/json', ...this.fixedHeaders, ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}), ...extra };
  }

  private async send(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(new URL(path, this.baseUrl), { ...init, headers: this.headers(init.headers as Record<string, string>) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`cannot reach Resume Checker at ${this.baseUrl}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
    }
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.send(path, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    return this.read<T>(res, `${method} ${path}`);
  }

  private async read<T>(res: Response, what: string): Promise<T> {
    const text = await res.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's error page): reported by status below.
    }
    if (!res.ok) {
      const e = (data as { error?: { code?: string; message?: string } } | null)?.error;
      const err = new CliError(e?.message ? `${e.message} (${e.code ?? res.status})` : `${what} answered HTTP ${res.status}`) as ApiError;
      err.status = res.status;
      err.code = e?.code ?? 'http_error';
      throw err;
    }
    return data as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /**
   * Follows `/v1/{kind}/{id}/events` until the job finishes, calling onProgress for each event. If the stream
   * breaks (a proxy that buffers, a restart), it polls the resource instead.
   */
  async follow(kind: 'analyses' | 'rankings', id: string, onProgress: (p: Progress) => void): Promise<void> {
    let finished = false;
    const seen = (p: Progress) => {
      finished ||= isFinished(p.status);
      onProgress(p);
    };
    try {
      const res = await this.send(`/v1/${kind}/${id}/events`, { headers: { accept: 'text/event-stream' } });
      if (!res.ok || !res.body) await this.read(res, `GET /v1/${kind}/${id}/events`);
      else {
        for await (const event of readEvents(res.body)) {
          if (event.event === 'progress') seen(JSON.parse(event.data) as Progress);
          if (event.event === 'end' || finished) return;
        }
      }
    } catch (err) {
      if ((err as ApiError).status && (err as ApiError).status < 500) throw err;
    }
    for (;;) {
      const p = await this.get<Progress>(`/v1/${kind}/${id}`);
      seen(p);
      if (isFinished(p.status)) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Parses a text/event-stream body into {event, data} messages. */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
        }
        if (data.length) yield { event, data: data.join('\n') };
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
