/** Starts the product's processes the way people do, for end-to-end tests, and stops them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const tsxBin = join(repoRoot, 'node_modules/.bin/tsx');
/** `node --import` this file and the process refuses to load TypeScript or tsx, in its worker threads too. */
export const refuseTypeScript = new URL('./plain-javascript/register.mjs', import.meta.url).href;

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export interface Proc {
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startProcess(cmd: string, args: string[], env: Record<string, string | undefined>): Proc {
  // Its own process group, so that a kill reaches what it started too (npm → tsx → node).
  const child = spawn(cmd, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) {
        killGroup('SIGKILL');
        return child.exitCode;
      }
      // SIGKILL hits the whole group at once, as a crash would. Other signals go to the top process, which passes
      // them on (a second copy would make the service exit at once instead of shutting down cleanly).
      if (signal === 'SIGKILL') killGroup('SIGKILL');
      else child.kill(signal);
      const t = setTimeout(() => killGroup('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(t);
      killGroup('SIGKILL');
      return code;
    },
  };
}

/** Polls a URL until it answers 2xx (or the process dies). */
export async function waitForHttp(url: string, proc: Proc, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`process exited (${proc.child.exitCode}) before ${url} answered:\n${proc.output()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer in time:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
