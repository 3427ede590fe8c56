import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startProcess, tsxBin, waitFor, type Proc } from '@rc/testing';
import { createDatabase } from './client.ts';
import { DatabaseLockedError } from './pglite-lock.ts';

// Real processes on one PGlite folder: the second must be refused while the first holds it.
describe('PGlite folder lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-pglite-lock-'));
  const procs: Proc[] = [];
  const hold = () => {
    const p = startProcess(tsxBin, ['packages/db/src/testing/hold-pglite.ts', dir], {});
    procs.push(p);
    return p;
  };
  afterAll(async () => {
    for (const p of procs) await p.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second process while one holds the folder, takes over the lock of a killed one, and frees it on close', async () => {
    const first = hold();
    await waitFor(async () => /holding|refused/.test(first.output()), { timeoutMs: 90_000, what: 'the first process to open the database' });
    expect(first.output()).toContain('holding');
    const holderPid = Number(/holding (\d+)/.exec(first.output())![1]);
    expect(JSON.parse(readFileSync(join(dir, 'pglite.lock'), 'utf8')).pid).toBe(holderPid);

    // A second process (as a CLI command would be) is refused with the holder's pid, and so is this one.
    const second = hold();
    await waitFor(async () => second.child.exitCode !== null, { timeoutMs: 90_000, what: 'the second process to give up' });
    expect(second.child.exitCode).toBe(3);
    expect(second.output()).toContain(`in use by process ${holderPid}`);
    const err = await createDatabase({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseLockedError);
    expect((err as DatabaseLockedError).pid).toBe(holderPid);

    // Killed without closing: its lock stays behind, stale, and the next opener takes it over.
    await first.stop('SIGKILL');
    // The kill reaches the whole process group, but the node process under tsx may still be dying when tsx's own
    // exit is seen: wait until it is gone (or a zombie, which holds nothing) before opening.
    const stateOf = (pid: number) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      } catch {
        return 'gone';
      }
    };
    await waitFor(async () => ['gone', 'Z', 'X'].includes(stateOf(holderPid)), { timeoutMs: 30_000, what: 'the killed holder to be gone' });
    expect(existsSync(join(dir, 'pglite.lock'))).toBe(true);
    const db = await createDatabase({ dataDir: dir });
    expect(JSON.parse(readFileSync(join(dir, 'pglite.lock'), 'utf8')).pid).toBe(process.pid);
    await db.close();
    expect(existsSync(join(dir, 'pglite.lock'))).toBe(false);
  });

  it('takes over a lock left by a pid that now belongs to another process started later (pid reuse)', async () => {
    // pid 1 is alive, but it did not start at this time: the lock is stale.
    writeFileSync(join(dir, 'pglite.lock'), JSON.stringify({ pid: 1, started: '1' }));
    const db = await createDatabase({ dataDir: dir });
    await db.close();
  });
});
