import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { analysisRepo, createDatabase, ensureOwner, rankingRepo, resumeRepo, type DatabaseHandle } from '@rc/db';
import { InProcessQueue, LocalProgressBus } from '@rc/queue';
import { LexicalEngine, scoreAnalysisJob } from '@rc/scorer';
import type { Scoring } from '@rc/contracts';
import { recoverOnce, type RecoveryDeps } from '@rc/jobs';

const fakeScoring: Scoring = { score: 0.5, verdict: 'partial', requirements: [], language: 'en', engine: 'lexical', model: 'test', components: {} };

// The recovery loop against a queue with no worker: what it enqueues stays waiting, so the test sees it.
describe('recovery loop', () => {
  let database: DatabaseHandle;
  let queue: InProcessQueue;
  let deps: RecoveryDeps;
  let owner: string;
  const log = pino({ level: 'silent' });
  const MAX = 3;

  beforeAll(async () => {
    database = await createDatabase({ dataDir: 'memory://' });
    queue = new InProcessQueue();
    const bus = new LocalProgressBus();
    deps = { db: database.db, queue, bus, maxAttempts: MAX };
    owner = await ensureOwner(database.db, 'recovery');
  });
  afterAll(async () => {
    await queue.close();
    await database.close();
  });

  const analysis = () =>
    analysisRepo.createQueued(database.db, { ownerId: owner, resumeId: null, vacancyId: null, resumeText: 'Python developer', vacancyText: 'Python', adviceLanguage: 'en' });

  it('fails, and never enqueues again, an analysis or ranking whose job used all its attempts; enqueues the others', async () => {
    const poison = await analysis();
    const retried = await analysis();
    // Each claim is one run that was killed or stalled before it could store anything.
    for (let i = 0; i < MAX; i++) expect(await analysisRepo.claimForScoring(database.db, poison.id, MAX)).not.toBeNull();
    expect(await analysisRepo.claimForScoring(database.db, poison.id, MAX)).toBeNull();
    await analysisRepo.claimForScoring(database.db, retried.id, MAX);
    const resume = await resumeRepo.create(database.db, { ownerId: owner, name: 'CV', content: 'Python', language: 'en' });
    const ranking = await rankingRepo.create(database.db, { ownerId: owner, target: 'vacancies', subjectId: resume.id, candidateIds: null, topK: 5, limit: 5 });
    for (let i = 0; i < MAX; i++) expect(await rankingRepo.claim(database.db, ranking.id, MAX)).not.toBeNull();

    const before = (await queue.depth('scoring')).waiting;
    await recoverOnce(deps, log, 0);
    // Only the analysis with tries left went back on the queue.
    expect((await queue.depth('scoring')).waiting - before).toBe(1);
    const failed = await analysisRepo.getById(database.db, poison.id);
    expect(failed!.status).toBe('failed');
    expect(failed!.error).toEqual({ code: 'too_many_attempts', message: expect.stringContaining('3 times') });
    expect(JSON.stringify(failed!.error)).not.toContain('Python');
    expect((await rankingRepo.getById(database.db, ranking.id))!.status).toBe('failed');
    expect((await analysisRepo.getById(database.db, retried.id))!.status).toBe('scoring');

    // A later round does not bring it back either.
    await recoverOnce(deps, log, 0);
    expect((await analysisRepo.getById(database.db, poison.id))!.status).toBe('failed');
  });

  it('the advice step has its own count of attempts', async () => {
    const a = await analysis();
    await analysisRepo.claimForScoring(database.db, a.id, MAX);
    await analysisRepo.saveScoring(database.db, a.id, { score: 0.5, verdict: 'partial', scoring: fakeScoring });
    for (let i = 0; i < MAX; i++) expect(await analysisRepo.claimForAdvice(database.db, a.id, MAX)).not.toBeNull();
    await recoverOnce(deps, log, 0);
    const row = await analysisRepo.getById(database.db, a.id);
    expect(row!.status).toBe('failed');
    expect((row!.error as { message: string }).message).toContain('advice');
  });

  it('a scoring job delivered once more after its last attempt marks the analysis failed instead of running it', async () => {
    const a = await analysis();
    for (let i = 0; i < MAX; i++) await analysisRepo.claimForScoring(database.db, a.id, MAX);
    const job = scoreAnalysisJob({ db: database.db, queue, bus: deps.bus, engine: new LexicalEngine() });
    const result = await job.run({ analysisId: a.id }, { jobId: 'x', attempt: 1, maxAttempts: MAX, signal: new AbortController().signal });
    expect(result.status).toBe('failed');
    expect((await analysisRepo.getById(database.db, a.id))!.status).toBe('failed');
  });
});
