/** `pnpm bench`: runs every benchmark in turn and writes bench/results/*.json and *.md. */
import { benchGateway } from './gateway.ts';
import { benchScorer } from './scorer.ts';
import { benchRanking } from './ranking.ts';
import { benchEmbedder } from './embedder.ts';
import { benchAnalysis } from './analysis.ts';
import { benchTextStall } from './text-stall.ts';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  gateway: benchGateway,
  scorer: benchScorer,
  ranking: benchRanking,
  embedder: benchEmbedder,
  analysis: benchAnalysis,
  'text-stall': benchTextStall,
};
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  console.log(`\n== ${name}`);
  await run();
}
