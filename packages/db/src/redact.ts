/**
 * Errors described for logs without the data they carry. drizzle's query error puts the query's parameters (resume
 * and vacancy text) in its message; PostgreSQL puts row values in `detail`, `where` and quoted parts of messages
 * ("Failing row contains (…)"). A description keeps what an operator needs: the kind, the codes, our own SQL, the
 * table, column and constraint names, and the stack frames.
 */

export interface ErrorDescription {
  type: string;
  message: string;
  code?: string;
  /** The SQL text of a failed query (ours; its parameters are left out). */
  query?: string;
  severity?: string;
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
  cause?: ErrorDescription;
  stack?: string;
}

const MAX_MESSAGE = 200;
const MAX_QUERY = 1_000;
/** Identifiers and names PostgreSQL reports beside its message; they name our schema, never user data. */
const SAFE_FIELDS = ['severity', 'table', 'column', 'constraint', 'routine'] as const;

/**
 * A message with every double-quoted part replaced: PostgreSQL and JSON.parse quote the values they complain about
 * ('invalid input syntax for type json: "…"', 'Unexpected token, "…" is not valid JSON'). Cut first, so the pattern
 * runs over a bounded string.
 */
function redactMessage(message: string): string {
  return message.slice(0, MAX_MESSAGE).replace(/"[^"\n]*"/g, '"…"').replace(/\n[\s\S]*$/, '');
}

function stackFrames(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  // The first line of a stack repeats the message; the frames are file positions only.
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 15);
  return frames.length ? frames.join('\n') : undefined;
}

/** A description of `err` that holds no resume or vacancy text, for logs and stored failures. */
export function describeError(err: unknown, depth = 0): ErrorDescription {
  if (!(err instanceof Error)) return { type: typeof err, message: 'a value that is not an Error was thrown' };
  const e = err as Error & Record<string, unknown>;
  const out: ErrorDescription = { type: e.name || 'Error', message: '' };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = String(e.code).slice(0, 40);
  if ('params' in e && typeof e.query === 'string') {
    out.message = 'failed query (parameters left out)';
    out.query = e.query.slice(0, MAX_QUERY);
  } else {
    out.message = redactMessage(e.message ?? '');
  }
  for (const field of SAFE_FIELDS) if (typeof e[field] === 'string') out[field] = (e[field] as string).slice(0, 100);
  if (e.cause !== undefined && depth < 3) out.cause = describeError(e.cause, depth + 1);
  const stack = stackFrames(e.stack);
  if (stack) out.stack = stack;
  return out;
}

/** Pino serializer for `err`: Errors are described without their data; anything else passes as it is. */
export function logSafeError(value: unknown): unknown {
  return value instanceof Error ? describeError(value) : value;
}
