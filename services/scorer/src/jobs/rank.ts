/**
 * Job `rank`: ranks vacancies for a resume (or resumes for a vacancy): full-text shortlist, the engine's estimate, then
 * the full score on the top K; fails the ranking when it finally fails.
 */
import { rankingRepo, resumeRepo, vacancyRepo, type Database } from '@rc/db';
import { vacancyText, type JobPayload, type JobResult } from '@rc/contracts';
import { failExhaustedRanking, failRanking } from '@rc/jobs';
import { PermanentJobError, publishProgress, withTextFreeErrors, type JobContext, type JobDefinition, type ProgressBus } from '@rc/queue';
import type { ScoringEngine } from '../engine.ts';
import { readingVersion } from '@rc/lexical';
import { prefilter } from '../prefilter.ts';

export interface RankDeps {
  db: Database;
  bus: ProgressBus;
  engine: ScoringEngine;
  /** Full-text shortlist length; default max(8 × top K, 1,000). Smaller only to exercise the search on few rows. */
  shortlistSize?: number;
}

export function rankJob(deps: RankDeps): JobDefinition<'rank'> {
  // Failures leave as a code and a fixed message: they reach Redis, the stored ranking and the API.
  const run = withTextFreeErrors({ code: 'scoring_failed', message: 'ranking failed' }, async ({ rankingId }: JobPayload<'rank'>, ctx: JobContext): Promise<JobResult<'rank'>> => {
    const ranking = await rankingRepo.claim(deps.db, rankingId, ctx.maxAttempts);
    if (!ranking) {
      if (await failExhaustedRanking(deps, rankingId, ctx.maxAttempts)) return { rankingId, status: 'failed' };
      return { rankingId, status: 'skipped' };
    }
    const ownerId = ranking.ownerId;
    const target = ranking.target;
    const subject =
      target === 'vacancies'
        ? await resumeRepo.get(deps.db, ownerId, ranking.subjectId).then((r) => r && r.content)
        : await vacancyRepo.get(deps.db, ownerId, ranking.subjectId).then((v) => v && vacancyText(v));
    if (subject == null) throw new PermanentJobError('the ranking subject no longer exists', 'subject_gone');

    await publishProgress(deps.bus, 'ranking', rankingId, 'prefiltering', 0.1);
    // Two cheap stages before the model. PostgreSQL full-text search keeps a wide shortlist; the engine's estimate
    // without the model (for the cross-encoder: the lexical part of its calibrated score) orders the shortlist, and
    // the best K of it get the full score. The estimate costs about 1 ms a candidate and ranks better than the
    // full-text rank (at 1,000 vacancies it kept 76 of the exhaustive top 80 within its top 50 over 8 resumes, a
    // 400-long full-text shortlist lost about 10 more), so the shortlist is 1,000 long: everything in a small owner's
    // collection, and the full-text search's best 1,000 in a large one.
    const shortlistSize = Math.max(ranking.topK, deps.shortlistSize ?? Math.max(ranking.topK * 8, 1000));
    const { top: shortlist, total } = await prefilter(deps.db, { target, ownerId, subjectText: subject, candidateIds: ranking.candidateIds, k: shortlistSize });
    // the candidates' texts, and for vacancies the posting's reading the scorer stored (see posting-reader.ts)
    const texts = new Map<string, { text: string; reading: string | null }>();
    const ids = shortlist.map((c) => c.id);
    const version = readingVersion();
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      if (target === 'vacancies') {
        for (const v of await vacancyRepo.getManyForScoring(deps.db, ownerId, chunk, version)) texts.set(v.id, { text: vacancyText(v), reading: v.reading });
      } else {
        for (const r of await resumeRepo.getMany(deps.db, ownerId, chunk)) texts.set(r.id, { text: r.content, reading: null });
      }
    }
    const pairOf = ({ text, reading }: { text: string; reading: string | null }) =>
      target === 'vacancies' ? { vacancyText: text, resumeText: subject, vacancyReading: reading } : { vacancyText: subject, resumeText: text };
    const listed = shortlist.filter((c) => texts.has(c.id));
    const estimates = await deps.engine.prescorePairs(listed.map((c) => pairOf(texts.get(c.id)!)));
    const present = listed
      .map((c, i) => ({ id: c.id, prefilterScore: estimates[i]! }))
      .sort((a, b) => b.prefilterScore - a.prefilterScore)
      .slice(0, ranking.topK);
    await rankingRepo.setProgress(deps.db, rankingId, 0.2, total);
    await publishProgress(deps.bus, 'ranking', rankingId, 'scoring', 0.2, `${present.length} of ${total} candidates`);
    let lastReported = 0;
    const scores = await deps.engine.scorePairs(
      present.map((c) => pairOf(texts.get(c.id)!)),
      (done) => {
        const p = 0.2 + 0.75 * done;
        if (p - lastReported >= 0.05) {
          lastReported = p;
          void publishProgress(deps.bus, 'ranking', rankingId, 'scoring', p);
          void rankingRepo.setProgress(deps.db, rankingId, p);
        }
      },
    );
    const entries = present
      .map((c, i) => ({ candidateId: c.id, score: scores[i]!, prefilterScore: c.prefilterScore, stage: deps.engine.engine }))
      .sort((a, b) => b.score - a.score || b.prefilterScore - a.prefilterScore)
      .slice(0, ranking.limit)
      .map((e, i) => ({ ...e, rank: i + 1 }));
    await rankingRepo.complete(deps.db, rankingId, `${deps.engine.engine}:${deps.engine.model}`, entries);
    await publishProgress(deps.bus, 'ranking', rankingId, 'done', 1);
    return { rankingId, status: 'done' };
  });
  return { run, onFinalFailure: ({ rankingId }, error) => failRanking(deps, rankingId, error) };
}
