/**
 * One process at a time on a PGlite data folder. PGlite is PostgreSQL inside this process, with no server to arbitrate:
 * a second process on the same folder (a CLI command while `npm start` runs) writes beside the first and can
 * corrupt it. The lock is a file holding the holder's pid and start time; a lock whose process is gone (killed, or a
 * reused pid that started later) is taken over.
 */
import { closeSync, existsSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DatabaseLockedError extends Error {
  readonly code = 'database_locked';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid} (a running server or command); ` +
        `two processes on one PGlite folder would corrupt it. Stop that process, or talk to the running server instead`,
    );
    this.name = 'DatabaseLockedError';
  }
}

interface Holder {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid from the holder. */
  started: string | null;
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces): [state, ppid, …]; null off Linux. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The process's start time (field 22 of its stat). */
function startTime(pid: number): string | null {
  return statFields(pid)?.[19] ?? null;
}

function alive(h: Holder): boolean {
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const fields = statFields(h.pid);
  if (fields === null) return true;
  // A killed process whose parent has not reaped it yet still answers kill(pid, 0): a zombie holds nothing.
  if (fields[0] === 'Z' || fields[0] === 'X') return false;
  return h.started === null || fields[19] === h.started;
}

function read(path: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && Number.isInteger(h.pid) && h.pid > 0 ? { pid: h.pid, started: typeof h.started === 'string' ? h.started : null } : null;
  } catch {
    return null;
  }
}

/** Takes the folder's lock or throws DatabaseLockedError; the returned function releases it. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'pglite.lock');
  const me: Holder = { pid: process.pid, started: startTime(process.pid) };
  const content = JSON.stringify(me);
  for (let tries = 0; tries < 5; tries++) {
    // Written whole to a file of our own, then linked into place: link fails if a lock exists, and a reader never
    // sees a half-written lock.
    const mine = `${path}.${process.pid}`;
    const fd = openSync(mine, 'w');
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(mine, path);
      unlinkSync(mine);
      return release(path, content);
    } catch (err) {
      unlinkSync(mine);
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = read(path);
    if (holder && holder.pid === process.pid) throw new DatabaseLockedError(dataDir, holder.pid);
    if (holder && alive(holder)) throw new DatabaseLockedError(dataDir, holder.pid);
    // Stale (or unreadable after a crash mid-write): move it aside. Rename is atomic, so of two processes taking it
    // over at once one moves it and the other finds the first one's fresh lock on its next try.
    const aside = `${path}.stale.${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = read(aside);
    if (moved && moved.pid !== holder?.pid && alive(moved)) {
      // It was another process's fresh lock that appeared in between: put it back and give up.
      try {
        linkSync(aside, path);
      } catch {
        // another lock took its place meanwhile; that one stands
      }
      unlinkSync(aside);
      throw new DatabaseLockedError(dataDir, moved.pid);
    }
    unlinkSync(aside);
  }
  throw new Error(`could not take the lock ${path}`);
}

function release(path: string, content: string): () => void {
  let done = false;
  const free = () => {
    if (done) return;
    done = true;
    process.off('exit', free);
    try {
      // Only our own lock: a process that took over a lock we lost must keep it.
      if (existsSync(path) && readFileSync(path, 'utf8') === content) unlinkSync(path);
    } catch {
      // already gone
    }
  };
  // A process that exits without closing the database (an uncaught error) frees the folder too; SIGKILL leaves a
  // stale lock that the next process takes over.
  process.on('exit', free);
  return free;
}
