/** The advisor as its own process (distributed mode; see docker-compose.yml): `pnpm --filter @rc/advisor start`. */
import { runProcess } from '../run.ts';

await runProcess('advisor', ['advisor']);
