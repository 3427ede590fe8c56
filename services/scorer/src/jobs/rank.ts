/**
 * Job `rank`: ranks vacancies for a resume (or resumes for a vacancy): a shortlist (by the stored readings and the
 * full-text search), the engine's estimate, then the full score on the top K; fails the ranking when it finally fails.
 */
import { rankingRepo, resumeRepo, searchRepo, vacancyRepo, type Database } from '@rc/db';
import { vacancyText, type JobPayload, type JobResult } from '@rc/contracts';
import { failExhaustedRanking, failRanking } from '@rc/jobs';
import { readingVersion } from '@rc/lexical';
import { PermanentJobError, publishProgress, withTextFreeErrors, type JobContext, type JobDefinition, type ProgressBus } from '@rc/queue';
import type { ScoringEngine } from '../engine.ts';
import { prefilter, type Candidate } from '../prefilter.ts';
import { ReadingTermsShortlist } from '../shortlist.ts';

export interface RankDeps {
  db: Database;
  bus: ProgressBus;
  engine: ScoringEngine;
  /** Shortlist length; default max(8 × top K, 1,000). Smaller only to exercise the search on few rows. */
  shortlistSize?: number;
  /** The cache of stored reading terms the shortlist weighs vacancies by; one per job definition by default. */
  readingShortlist?: ReadingTermsShortlist;
}

/** The share of a full shortlist taken from the stored readings while some vacancies are unread; the search gives the rest. */
const BY_TERMS = 0.6;

export function rankJob(deps: RankDeps): JobDefinition<'rank'> {
  const readingShortlist = deps.readingShortlist ?? new ReadingTermsShortlist();
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
    // Two cheap stages before the model. A wide shortlist (everything in a small owner's collection; in a large one
    // the best 1,000 by the stored readings, or by full-text search where vacancies are not read yet), then the
    // engine's estimate without the model (for the cross-encoder: its fit score's parts without the logit) orders the
    // shortlist, and the best K of it get the full score. The estimate costs about 0.3 ms a candidate from a stored
    // reading (about 3 ms reading the posting) and ranks as the score does.
    const shortlistSize = Math.max(ranking.topK, deps.shortlistSize ?? Math.max(ranking.topK * 8, 1000));
    const total = await searchRepo.count(deps.db, { target, ownerId, candidateIds: ranking.candidateIds });
    const search = () => prefilter(deps.db, { target, ownerId, subjectText: subject, candidateIds: ranking.candidateIds, k: shortlistSize, total });
    let shortlist: Candidate[];
    if (target === 'vacancies' && total > shortlistSize) {
      // More vacancies than the shortlist holds: it comes from the stored readings, weighed as the score weighs them
      // (shortlist.ts), and while some vacancies are not read yet the full-text search's best fill a part of it. At
      // 10,000 vacancies the full-text search's best 1,000 held 59 % of the estimate's best 10 over 8 resumes, the
      // readings' best 300 all of them.
      const byTerms = await readingShortlist.top(deps.db, { ownerId, ids: ranking.candidateIds, resumeText: subject, limit: shortlistSize });
      if (byTerms.read >= total) {
        shortlist = byTerms.ids.map((id) => ({ id, prefilterScore: 0 }));
      } else {
        const kept = byTerms.ids.slice(0, Math.ceil(shortlistSize * BY_TERMS));
        const chosen = new Set(kept);
        const searched = (await search()).top.filter((c) => !chosen.has(c.id));
        shortlist = [...kept.map((id) => ({ id, prefilterScore: 0 })), ...searched].slice(0, shortlistSize);
      }
    } else {
      shortlist = (await search()).top;
    }
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
    // the full score goes to those of the top K that can still make the list (the engine's scoreBest)
    const scores = await deps.engine.scoreBest(
      present.map((c) => pairOf(texts.get(c.id)!)),
      ranking.limit,
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
      .map((c, i) => ({ candidateId: c.id, score: scores[i] ?? null, prefilterScore: c.prefilterScore, stage: deps.engine.engine }))
      // (a candidate that could not make the list has no full score)
      .filter((e): e is typeof e & { score: number } => e.score !== null)
      .sort((a, b) => b.score - a.score || b.prefilterScore - a.prefilterScore)
      .slice(0, ranking.limit)
      .map((e, i) => ({ ...e, rank: i + 1 }));
    await rankingRepo.complete(deps.db, rankingId, `${deps.engine.engine}:${deps.engine.model}`, entries);
    await publishProgress(deps.bus, 'ranking', rankingId, 'done', 1);
    return { rankingId, status: 'done' };
  });
  return { run, onFinalFailure: ({ rankingId }, error) => failRanking(deps, rankingId, error) };
}
