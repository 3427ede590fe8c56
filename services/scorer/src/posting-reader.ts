/**
 * The posting reader: after a vacancy is saved (or edited, or the reading code changes), the scorer reads its posting
 * once, in the background, and stores the reading with it (@rc/lexical's postingReadingAndTerms). Rankings then match
 * requirements from the stored reading instead of reading every shortlisted posting again, which was most of a
 * ranking's estimate (about 2.5 of 2.7 ms a pair).
 *
 * It works in small batches on the text-analysis workers, one chunk at a time, so analyses and rankings that arrive
 * meanwhile wait at most one chunk. A posting that cannot be read within the deadline is marked read with no reading:
 * rankings read it as they go, and the reader does not try it again until the reading code changes. Any other failure
 * (a full pool, shutting down, the database) leaves its batch unread for the next look.
 */
import { vacancyRepo, type Database } from '@rc/db';
import { vacancyText } from '@rc/contracts';
import { readingVersion, TextAnalysisError, type PostingRead } from '@rc/lexical';
import type { ScoringEngine } from './engine.ts';

export interface PostingReaderDeps {
  db: Database;
  engine: Pick<ScoringEngine, 'readPostings'>;
  log?: { warn(obj: object, msg: string): void };
}

export interface PostingReaderOptions {
  /** How long the reader waits when nothing is left to read before it looks again (ms). Default 5,000. */
  intervalMs?: number;
  /** Vacancies taken from the database at once. Default 100. */
  batch?: number;
}

export interface PostingReader {
  /** Resolves once a look finds nothing left to read (tests and benchmarks wait for the backlog with it). */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Whether a posting failed in a way it always will (past the deadline, or more memory than a worker has), so it is
 * marked read without a reading; anything else (a full pool, a pool closing, a database error) leaves the batch
 * unread for the next look.
 */
function cannotBeRead(err: unknown): boolean {
  return err instanceof TextAnalysisError && (err.code === 'text_analysis_timeout' || err.code === 'text_analysis_too_large');
}

/** One batch: the vacancies not yet read by this code, read and stored. */
export async function readPostingsOnce(deps: PostingReaderDeps, batch: number): Promise<number> {
  const version = readingVersion();
  const rows = await vacancyRepo.unread(deps.db, version, batch);
  if (rows.length === 0) return 0;
  const texts = rows.map(vacancyText);
  let readings: Array<PostingRead | null>;
  try {
    readings = await deps.engine.readPostings(texts);
  } catch (err) {
    if (!cannotBeRead(err)) throw err;
    // one posting of the batch failed it (its deadline, a worker's memory): read them one by one
    readings = [];
    for (const text of texts) {
      try {
        readings.push((await deps.engine.readPostings([text]))[0]!);
      } catch (one) {
        if (!cannotBeRead(one)) throw one;
        readings.push(null);
      }
    }
  }
  await vacancyRepo.storeReadings(
    deps.db,
    version,
    rows.map((r, i) => ({ ...r, reading: readings[i]?.reading ?? null, terms: readings[i]?.terms ?? null })),
  );
  return rows.length;
}

export function startPostingReader(deps: PostingReaderDeps, opts: PostingReaderOptions = {}): PostingReader {
  const intervalMs = opts.intervalMs ?? 5_000;
  const batch = opts.batch ?? 100;
  let stopped = false;
  let wake: (() => void) | null = null;
  // looks started so far; a waiter is answered by a look that started after it asked and found nothing to read
  let looks = 0;
  let waiters: Array<{ after: number; resolve: () => void }> = [];
  const answer = (look: number) => {
    waiters = waiters.filter((w) => (w.after < look || stopped ? (w.resolve(), false) : true));
  };
  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, intervalMs);
      timer.unref?.();
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      const look = ++looks;
      let took = 0;
      try {
        took = await readPostingsOnce(deps, batch);
      } catch (err) {
        if (!stopped) deps.log?.warn({ err: (err as Error).message }, 'reading saved postings failed; trying again later');
      }
      if (took === 0) {
        answer(look);
        // a waiter that asked during this look is answered by the next one, at once
        if (!stopped && waiters.length === 0) await sleep();
      }
    }
  })();
  return {
    caughtUp: () =>
      new Promise<void>((resolve) => {
        if (stopped) return resolve();
        waiters.push({ after: looks, resolve });
        wake?.();
      }),
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
      answer(Infinity);
    },
  };
}
