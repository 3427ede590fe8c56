import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisRepo, ensureOwner, LOCAL_OWNER, rankingRepo } from '@rc/db';
import type { Scoring } from '@rc/contracts';
import { waitFor } from '@rc/testing';
import { recoverOnce, startRecovery, type RecoveryDeps } from '@rc/jobs';
import { RESUME_EN, startHarness, VACANCY_EN, type Harness } from './testing/harness.ts';

// Jobs lost with a worker or with Redis: rows left at each stage with no job in any queue. Only the recovery loop
// can finish them, and it must take each up where it stopped.
let h: Harness;
let owner: string;
let scoring: Scoring;
beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '0' });
  owner = await ensureOwner(h.database.db, LOCAL_OWNER);
  // a real scoring to leave behind at the advice stages
  const res = await h.app.inject({ method: 'POST', url: '/v1/analyses', payload: { resumeText: RESUME_EN, vacancyText: `${VACANCY_EN.title}\n${VACANCY_EN.description}` } });
  const id = JSON.parse(res.body).id as string;
  await waitFor(async () => (await analysisRepo.getById(h.database.db, id))?.status === 'done');
  scoring = (await analysisRepo.getById(h.database.db, id))!.scoring!;
});
afterAll(async () => {
  await h?.close();
});

const recoveryDeps = (): RecoveryDeps => ({ ...h.app.deps, maxAttempts: h.config.JOB_MAX_ATTEMPTS });

async function lostAnalysis(stage: 'queued' | 'scoring' | 'scored' | 'advising') {
  const db = h.database.db;
  const row = await analysisRepo.createQueued(db, { ownerId: owner, resumeId: null, vacancyId: null, resumeText: RESUME_EN, vacancyText: `${VACANCY_EN.title}\n${VACANCY_EN.description}`, adviceLanguage: 'en' });
  if (stage !== 'queued') await analysisRepo.claimForScoring(db, row.id);
  if (stage === 'scored' || stage === 'advising') await analysisRepo.saveScoring(db, row.id, { score: 0.42, verdict: 'partial', scoring });
  if (stage === 'advising') await analysisRepo.claimForAdvice(db, row.id);
  expect((await analysisRepo.getById(db, row.id))!.status).toBe(stage);
  return row.id;
}

async function lostRanking(stage: 'queued' | 'running') {
  const db = h.database.db;
  const resume = JSON.parse((await h.app.inject({ method: 'POST', url: '/v1/resumes', payload: { name: 'CV', content: RESUME_EN } })).body).id as string;
  const row = await rankingRepo.create(db, { ownerId: owner, target: 'vacancies', subjectId: resume, candidateIds: null, topK: 5, limit: 5 });
  if (stage === 'running') await rankingRepo.claim(db, row.id);
  return row.id;
}

const analysisState = async (id: string) => (await analysisRepo.getById(h.database.db, id))!;
const rankingState = async (id: string) => (await rankingRepo.getById(h.database.db, id))!;

describe('the recovery loop', () => {
  it('finishes analyses lost at each stage, and rankings, each from where it stopped', async () => {
    await h.app.inject({ method: 'POST', url: '/v1/vacancies', payload: VACANCY_EN });
    const analyses = { queued: await lostAnalysis('queued'), scoring: await lostAnalysis('scoring'), scored: await lostAnalysis('scored'), advising: await lostAnalysis('advising') };
    const rankings = [await lostRanking('queued'), await lostRanking('running')];
    const scoredAt = { scored: (await analysisState(analyses.scored)).scoredAt, advising: (await analysisState(analyses.advising)).scoredAt };

    // Fresh rows are not stale yet: a round that only takes what is older than a minute leaves them alone.
    expect(await recoverOnce(recoveryDeps(), h.app.log, 60_000)).toBe(0);
    expect((await analysisState(analyses.queued)).status).toBe('queued');

    expect(await recoverOnce(recoveryDeps(), h.app.log, 0)).toBe(6);
    for (const id of Object.values(analyses)) {
      await waitFor(async () => (await analysisState(id)).status === 'done', { what: `analysis ${id}` });
    }
    for (const id of rankings) await waitFor(async () => (await rankingState(id)).status === 'done', { what: `ranking ${id}` });
    // the two lost after scoring were advised, not scored again
    expect((await analysisState(analyses.scored)).scoredAt).toEqual(scoredAt.scored);
    expect((await analysisState(analyses.advising)).scoredAt).toEqual(scoredAt.advising);
    expect((await analysisState(analyses.scored)).score).toBe(0.42);
    expect((await analysisState(analyses.queued)).attempts).toBe(1);
    // nothing unfinished is left for the next round
    expect(await recoverOnce(recoveryDeps(), h.app.log, 0)).toBe(0);
  });

  it('takes up everything unfinished as soon as it starts, as after a restart', async () => {
    const ids = [await lostAnalysis('queued'), await lostAnalysis('scored')];
    const ranking = await lostRanking('queued');
    // a long interval and staleness: only the round at start-up can have done it
    const stop = startRecovery(recoveryDeps(), h.app.log, { intervalMs: 3_600_000, staleMs: 3_600_000 });
    try {
      for (const id of ids) await waitFor(async () => (await analysisState(id)).status === 'done', { what: `analysis ${id}` });
      await waitFor(async () => (await rankingState(ranking)).status === 'done', { what: 'the ranking' });
    } finally {
      stop();
    }
  });
});
