/**
 * Errors that leave a job carry a code and a fixed message, never resume or vacancy text: BullMQ stores the message
 * and stack in Redis (failedReason, stacktrace), the worker stores it as the analysis's or ranking's `error`, which
 * the API returns, and the progress bus publishes it. A failed query's message, for one, lists its parameters.
 */
import { JobInterruptedError, PermanentJobError } from './port.ts';

export interface JobFailureKind {
  /** Stable code stored with the failure, e.g. scoring_failed. */
  code: string;
  /** What failed, in words of ours, e.g. "scoring failed". */
  message: string;
}

/** A failure that says what failed and of what kind, e.g. "scoring failed (database error 23514)". */
export class JobFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'JobFailure';
  }
}

/** The kind of an error in words that hold no data: a PostgreSQL SQLSTATE, a system error code, or the error's class. */
function kindOf(err: unknown): string {
  for (let e = err, depth = 0; e instanceof Error && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return `database error ${code}`;
    if (typeof code === 'string' && /^E[A-Z_]{2,30}$/.test(code)) return code;
  }
  const name = err instanceof Error ? err.name : typeof err;
  return /^[A-Za-z]{1,40}$/.test(name) ? name : 'Error';
}

/**
 * `err` as a text-free error: PermanentJobErrors and JobInterruptedErrors are kept (their messages are fixed strings of
 * ours, and the queue must still see a shutdown hand-back as one); anything else becomes a JobFailure of `kind` that
 * names the error's class or code and not its message.
 */
export function textFreeError(err: unknown, kind: JobFailureKind): Error {
  if (err instanceof PermanentJobError || err instanceof JobInterruptedError || err instanceof JobFailure) return err;
  return new JobFailure(`${kind.message} (${kindOf(err)})`, kind.code);
}

/** `handler` whose failures are text-free (see textFreeError). */
export function withTextFreeErrors<A extends unknown[], R>(kind: JobFailureKind, handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      throw textFreeError(err, kind);
    }
  };
}
