/** The gateway as its own process (distributed mode; see docker-compose.yml): `pnpm --filter @rc/gateway start`. */
import { runProcess } from '../run.ts';

await runProcess('gateway', ['gateway']);
