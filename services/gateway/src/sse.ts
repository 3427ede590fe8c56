/**
 * Server-Sent Events of an analysis's or ranking's progress. Events come from the progress bus; the database is
 * polled as well, so a lost event only delays the stream and a finished job always ends it.
 */
import { isFinished } from '@rc/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface ProgressState {
  status: string;
  progress: number;
}

export async function streamProgress(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { id: string; load: () => Promise<ProgressState | null>; pollMs?: number },
): Promise<void> {
  const first = await opts.load();
  if (!first) {
    reply.code(404).send({ error: { code: 'not_found', message: 'not found' } });
    return;
  }
  // Each open stream holds a socket, a subscription and a database poll: bounded per owner and in total (429 past
  // either), and in lifetime (the stream ends; a client that still wants to wait reconnects).
  const release = req.server.limits.streams.acquire(req.ownerId);
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let last = '';
  let closed = false;
  const send = (s: ProgressState & { message?: string }) => {
    const key = `${s.status}:${s.progress}`;
    if (closed || key === last) return;
    last = key;
    raw.write(`event: progress\ndata: ${JSON.stringify({ id: opts.id, status: s.status, progress: s.progress, message: s.message })}\n\n`);
    if (isFinished(s.status)) finish();
  };
  const finish = (reason?: 'max_lifetime') => {
    if (closed) return;
    closed = true;
    raw.write(`event: end\ndata: ${JSON.stringify({ id: opts.id, status: last.split(':')[0], ...(reason ? { reason } : {}) })}\n\n`);
    cleanup();
    raw.end();
  };
  const unsubscribe = req.server.deps.bus.subscribe(opts.id, (e) => send({ status: e.status, progress: e.progress, message: e.message }));
  const poll = setInterval(() => {
    opts
      .load()
      .then((s) => s && send(s))
      .catch(() => undefined);
  }, opts.pollMs ?? 1_000);
  const heartbeat = setInterval(() => !closed && raw.write(': keep-alive\n\n'), 15_000);
  const lifetime = setTimeout(() => finish('max_lifetime'), req.server.deps.config.SSE_MAX_LIFETIME_MS);
  const cleanup = () => {
    closed = true;
    clearInterval(poll);
    clearInterval(heartbeat);
    clearTimeout(lifetime);
    unsubscribe();
    release();
  };
  req.raw.on('close', cleanup);
  send(first);
}
