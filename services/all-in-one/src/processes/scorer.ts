/** The scorer as its own process (distributed mode; see docker-compose.yml): `pnpm --filter @rc/scorer start`. */
import { runProcess } from '../run.ts';

await runProcess('scorer', ['scorer']);
