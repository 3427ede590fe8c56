/** `pnpm cli …`: the Resume Checker command line (check, rank, export-training-data, keys create). */
import { run } from './cli.ts';
import { openConnections } from './product.ts';

// Ctrl-C: stop the embedded product (its database closes cleanly) and leave; a second Ctrl-C leaves at once.
let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  process.stderr.write('\ninterrupted\n');
  setTimeout(() => process.exit(130), 5_000).unref();
  void Promise.allSettled([...openConnections].map((close) => close())).then(() => process.exit(130));
});

const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
process.exitCode = code;
// The embedded product has been stopped; a handle some library left open must not keep the CLI alive.
setTimeout(() => process.exit(code), 1_000).unref();
