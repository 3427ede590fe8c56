/** `pnpm bench`: runs every benchmark in turn and writes bench/results/*.json and *.md. */
import { benchGateway } from './gateway.ts';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  gateway: benchGateway,
};
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  console.log(`\n== ${name}`);
  await run();
}
