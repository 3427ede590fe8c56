/** Test helper process: opens the embedded database in the folder given as argument, says so, and holds it until SIGTERM. */
import { createDatabase } from '../client.ts';

const handle = await createDatabase({ dataDir: process.argv[2]! }).catch((err: Error) => {
  process.stdout.write(`refused: ${err.message}\n`);
  process.exit(3);
});
process.stdout.write(`holding ${process.pid}\n`);
process.once('SIGTERM', () => {
  void handle.close().then(() => process.exit(0));
});
setInterval(() => undefined, 60_000);
